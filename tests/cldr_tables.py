"""The per-language tables that come from CLDR (through Babel, pinned in pyproject.toml): country
names, list patterns, month names and the long date pattern of each shipped language profile.

``python tests/cldr_tables.py`` writes ``generator/templates/<lang>/countries.tsv`` for every
language below; ``tests/test_languages.py`` checks that the files and the profiles' ``and``, ``or``,
``months`` and ``long_date`` still equal what the pinned Babel says (a new CLDR changes them only
through a deliberate regeneration and review).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "generator" / "templates"
#: the profiles whose tables come from CLDR (English keeps its own list style; its country table is
#: CLDR's too, curated: english_country_table)
CLDR_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl")

#: English CLDR names that read badly in a notice (abbreviated for menus), and what it prints instead.
EN_LABELS = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestinian Territories",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
    "VC": "Saint Vincent and the Grenadines",
    "GS": "South Georgia and the South Sandwich Islands",
}
#: English names that take "the" in running text ("data goes to the United States").
EN_THE = frozenset("AE AX BQ BS CC CD CF CG CK DO FK FO GB GM IO KM KY MH MP MV NL PH PN PS SB SC TC TF UM US VG VI".split())
EN_HEADER = (
    "# Country names in English: CLDR {cldr} (Unicode CLDR, Unicode License v3; read through Babel {babel}), curated:\n"
    "# no menu abbreviations (St., &, \"Congo - Kinshasa\"), and a third column for running text (\"the United States\").\n"
    "# One line per ISO 3166-1 code of generator/data/countries.tsv. Written by tests/cldr_tables.py; do not edit by hand.\n"
)


def english_country_table() -> str:
    """English names: CLDR's short names read better than ISO 3166's formal ones ("Russia", not
    "Russian Federation"; no inverted "Congo, The Democratic Republic of the"), but CLDR abbreviates
    for menus and has no articles; EN_LABELS and EN_THE curate that."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    cldr = Locale("en").territories
    lines = [EN_HEADER.format(cldr=get_cldr_version(), babel=babel.__version__)]
    for code in iso_codes():
        label = EN_LABELS.get(code) or cldr.get(code, code)
        label = label.replace(" & ", " and ").replace("St. ", "Saint ").replace("U.S. ", "United States ")
        lines.append(f"{code}\t{label}\t{'the ' if code in EN_THE else ''}{label}\n")
    return "".join(lines)
HEADER = (
    "# Country names in {name}: CLDR {cldr} (Unicode CLDR, Unicode License v3; read through Babel {babel}).\n"
    "# One line per ISO 3166-1 code of generator/data/countries.tsv. Written by tests/cldr_tables.py; do not edit by hand.\n"
)


def iso_codes() -> list[str]:
    rows = (REPO / "generator" / "data" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[0] for r in rows if r and not r.startswith("#")]


def country_table(lang: str) -> str:
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    loc = Locale.parse(lang)
    lines = [HEADER.format(name=loc.english_name, cldr=get_cldr_version(), babel=babel.__version__)]
    for code in iso_codes():
        lines.append(f"{code}\t{loc.territories.get(code, code)}\n")
    return "".join(lines)


def grammar(lang: str) -> dict:
    """The profile values CLDR gives: list patterns, months (as written in dates), long date."""
    from babel import Locale

    loc = Locale.parse(lang)
    out = {}
    for kind, key in (("and", "standard"), ("or", "or")):
        pats = loc.list_patterns[key]
        out[kind] = {"two": pats["2"], "start": pats["start"], "middle": pats["middle"], "end": pats["end"]}
    out["months"] = [loc.months["format"]["wide"][i] for i in range(1, 13)]
    cldr = loc.date_formats["long"].pattern
    text = re.sub(r"'([^']*)'", r"\1", cldr.replace("MMMM", "{month}").replace("y", "{year}"))
    out["long_date"] = re.sub(r"\bd\b", "{day}", text)
    out.update(plurals(lang))
    return out


def plurals(lang: str) -> dict:
    """CLDR's plural rules and the long duration units (day, week, month, year) of ``lang``."""
    from babel import Locale

    loc = Locale.parse(lang)
    patterns = loc._data["unit_patterns"]
    units = {
        unit: {cat: pat for cat, pat in dict(patterns[f"duration-{unit}"]["long"]).items() if cat != "per"}
        for unit in ("day", "week", "month", "year")
    }
    return {"plural": dict(loc.plural_form.rules), "units": units}


if __name__ == "__main__":
    (TEMPLATES / "en" / "countries.tsv").write_text(english_country_table(), encoding="utf-8")
    for lang in CLDR_LANGUAGES:
        (TEMPLATES / lang / "countries.tsv").write_text(country_table(lang), encoding="utf-8")
        print(lang, grammar(lang), file=sys.stderr)

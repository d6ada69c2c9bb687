"""Geography as shipped data: ISO 3166-1 country codes and names, the EEA, and the EU and UK
adequacy lists (``generator/data/countries.tsv``, ``eea.yml``, ``adequacy.yml``, each with its
source and the date it was checked), and reading the country at the end of a postal address.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.inventory.datafiles import data_rows, data_yaml


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name (shipped data, see the file's header)."""
    return {code: name for code, name in data_rows("countries.tsv")}


@lru_cache(maxsize=1)
def country_by_name() -> dict[str, str]:
    """Lower-case English short name -> ISO code."""
    return {name.lower(): code for code, name in countries().items()}


@dataclass(frozen=True)
class Adequacy:
    """One adequacy list (EU or UK) as shipped in ``generator/data/adequacy.yml``."""

    region: str
    law: str
    source: str
    checked: str
    home: frozenset  # where data is "at home": the EEA for the EU, GB for the UK
    countries: dict  # code -> name: the decision covers the country
    partial: dict  # code -> {"name", "only_with", "note", "instrument"}: only some recipients
    instruments: dict  # code -> the decision or regulations (countries and partial)

    def covers(self, code: str) -> bool:
        return code in self.home or code in self.countries


@lru_cache(maxsize=1)
def eea() -> frozenset:
    """ISO codes of the EEA states."""
    data = data_yaml("eea.yml")
    return frozenset(data["eu"]) | frozenset(data["efta_eea"])


@lru_cache(maxsize=2)
def adequacy(region: str) -> Adequacy:
    """The EU (``"eu"``) or UK (``"uk"``) adequacy list."""
    data = data_yaml("adequacy.yml")[region]
    home = eea() if region == "eu" else frozenset({"GB"})
    full = {code: entry["name"] for code, entry in data["countries"].items()}
    instruments = {code: entry["instrument"] for code, entry in data["countries"].items()}
    if data.get("include_eea"):
        full.update({c: countries()[c] for c in eea()})
        instruments.update({c: data["include_eea"] for c in eea()})
    partial = {code: dict(entry) for code, entry in data.get("partial", {}).items()}
    instruments.update({code: entry["instrument"] for code, entry in partial.items()})
    return Adequacy(
        region=region,
        law=data["law"],
        source=" ".join(data["source"].split()),
        checked=str(data["checked"]),
        home=frozenset(home),
        countries=full,
        partial=partial,
        instruments=instruments,
    )


#: Other ways of writing a country at the end of an address, besides the names in countries.tsv.
_COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "the united kingdom": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "the united states": "US",
    "the netherlands": "NL",
    "holland": "NL",
    "czech republic": "CZ",
    "republic of korea": "KR",
    "korea": "KR",
    "turkey": "TR",
    "russia": "RU",
    "deutschland": "DE",
    "españa": "ES",
    "espana": "ES",
    "italia": "IT",
    "österreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "polska": "PL",
    "sverige": "SE",
    "danmark": "DK",
    "norge": "NO",
    "suomi": "FI",
    "éire": "IE",
    "belgië": "BE",
    "belgique": "BE",
    "brasil": "BR",
    "méxico": "MX",
}


def country_from_address(address) -> str | None:
    """The ISO code of the country named at the end of a postal address, or None.

    "Rua Augusta 100, 1100-053 Lisboa, Portugal" -> "PT". The last comma- or line-separated part
    is matched against the English country names (:func:`countries`) and common other names
    ("UK", "USA", "Deutschland"); a postcode in that part is ignored. A bare two-letter code is
    not read as a country ("San Francisco, CA" is California, not Canada), except US and UK.
    """
    if address is None:
        return None
    texts = list(address.values.values()) if hasattr(address, "values") else [str(address)]
    by_name = country_by_name()
    for text in texts:
        flat = " ".join(str(text).replace("\n", ", ").split()).strip(" .,;")
        low = flat.lower()
        for name, code in by_name.items():  # names with commas: "Korea, Republic of"
            if "," in name and low.endswith(name):
                return code
        parts = [p.strip(" .;") for p in flat.replace(";", ",").split(",") if p.strip(" .;")]
        if not parts:
            continue
        last = parts[-1]
        words = [w for w in last.split() if not any(ch.isdigit() for ch in w)]
        for candidate in (last, " ".join(words)):
            key = candidate.lower().strip(" .")
            if key in by_name:
                return by_name[key]
            if key in _COUNTRY_ALIASES:
                return _COUNTRY_ALIASES[key]
    return None

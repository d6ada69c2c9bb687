"""Generate the inventory format reference (``docs/inventory-format.md``) from the model.

Run ``python -m generator.rules.refdoc > docs/inventory-format.md``. Every section, key, type, default,
allowed value and its meaning comes from :mod:`generator.inventory.model` and :mod:`generator.inventory.vocab`; the
completeness rules come from :mod:`generator.rules` and the limits from :mod:`generator.inventory.load`.
A test compares the committed file with this output, so the reference cannot drift from the code.
"""

from __future__ import annotations

import datetime as _dt
import sys
from enum import Enum

from pydantic_core import PydanticUndefined

from generator.inventory import model as m
from generator.inventory.decl import Model
from generator.inventory.fields import Shape, Text, shape
from generator.inventory.problems import MAX_PROBLEMS
from generator.inventory.load import LIMIT_NOTES, LIMITS
from generator.inventory.geography import adequacy, eea
from generator.rules import RULES

_JURISDICTION_LABEL = {"eu_gdpr": "EU GDPR", "uk_gdpr": "UK GDPR", "us_ca": "California"}


def _anchor(title: str) -> str:
    """GitHub/MkDocs-style anchor of a heading."""
    out = []
    for ch in title.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _short(value) -> str:
    """A default model value in YAML flow style, showing only what differs from the keys' defaults."""
    if isinstance(value, Model):
        parts = []
        for k, f in type(value).model_fields.items():
            v = getattr(value, k)
            if v == f.get_default(call_default_factory=True) and not isinstance(v, Model):
                continue
            shown = _short(v)
            if shown != "{}":
                parts.append(f"{k}: {shown}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Enum):
        return value.value
    return str(value)


class _Ref:
    """Walks the model and writes Markdown."""

    def __init__(self) -> None:
        self.sections: list[tuple[str, type[Model]]] = []  # (path, model)
        self.section_of: dict[type, str] = {}
        self.also: dict[type, list[str]] = {}  # other places a model is used
        self.enums: list[type[Enum]] = []

    # -- discovery -------------------------------------------------------------------------
    def discover(self, cls: type[Model], path: str) -> None:
        if cls in self.section_of:
            self.also.setdefault(cls, []).append(path)
            return
        self.section_of[cls] = path
        self.sections.append((path, cls))
        for name, f in cls.model_fields.items():
            field = shape(f.annotation, f.metadata)
            if isinstance(field.base, type) and issubclass(field.base, Model):
                key = name + ("[]" if field.is_list else "")
                self.discover(field.base, f"{path}.{key}" if path else key)
            if isinstance(field.base, type) and issubclass(field.base, Enum) and field.base not in self.enums:
                self.enums.append(field.base)

    # -- types -----------------------------------------------------------------------------
    def type_name(self, ann, metadata=()) -> str:
        field = shape(ann, metadata)
        name = self._base_name(field, plural=field.is_list)
        return "list of " + name if field.is_list else name

    def _base_name(self, field: Shape, plural: bool) -> str:
        for check in field.checks:
            kind = getattr(check, "kind", None)  # a checked string type names itself
            if kind:
                return kind[1 if plural else 0]
        ann = field.base
        if ann is Text:
            return "[texts](#free-text)" if plural else "[text](#free-text)"
        if isinstance(ann, type) and issubclass(ann, Enum):
            name = f"`{ann.__name__}`"
            return f"{name} [values](#{_anchor(ann.__name__)})"
        if isinstance(ann, type) and issubclass(ann, Model):
            path = self.section_of[ann]
            word = "mappings" if plural else "mapping"
            return f"{word}, see [{path}](#{_anchor(path)})"
        simple = {
            str: ("text", "texts"),
            bool: ("true or false", "true or false"),
            int: ("whole number", "whole numbers"),
            float: ("number", "numbers"),
            _dt.date: ("date (YYYY-MM-DD)", "dates (YYYY-MM-DD)"),
        }
        if ann in simple:
            return simple[ann][1 if plural else 0]
        return getattr(ann, "__name__", str(ann))  # pragma: no cover - every field type is named above

    @staticmethod
    def default(f) -> str:
        if f.is_required():
            return ""
        if f.default_factory is not None:
            value = f.default_factory()
            if isinstance(value, list):
                return "`[]`" if not value else "`[" + ", ".join(str(v) for v in value) + "]`"
            if isinstance(value, Model):
                return f"`{_short(value)}`"
            return f"`{value}`"  # pragma: no cover
        value = f.default
        if value is None or value is PydanticUndefined:
            return ""
        if isinstance(value, bool):
            return f"`{str(value).lower()}`"
        return f"`{value}`"

    # -- output ----------------------------------------------------------------------------
    def render(self) -> str:
        self.discover(m.Inventory, "")
        out: list[str] = []
        w = out.append
        w("# Inventory format reference")
        w("")
        w("<!-- Generated by `python -m generator.rules.refdoc > docs/inventory-format.md` from the model. Do not edit by hand; a test checks it. -->")
        w("")
        w(
            f"This page describes format {', '.join(str(f) for f in m.SUPPORTED_FORMATS)} of `data_inventory.yml`, the one file "
            "from which plainnotice writes your privacy notice. Check a file with `plainnotice validate`. "
            "Editors that read JSON Schema (for example VS Code with the YAML extension) show this help as you type "
            "when the file starts with `# yaml-language-server: $schema=generator/schema/inventory.schema.json`; "
            "`plainnotice schema` prints that schema."
        )
        w("")
        w("Unknown keys are errors, so a typo never goes unnoticed. *Required* keys must be there in every file; "
          "other keys can be left out, and some of them are needed for a jurisdiction: see "
          "[Completeness rules](#completeness-rules).")
        w("")
        w("## Contents")
        w("")
        w("- [Free text](#free-text)")
        w("- [Phone numbers](#phone-numbers)")
        for path, cls in self.sections:
            title = path or "Top level"
            w(f"- [{title}](#{_anchor(title)})")
        w("- [Allowed values](#allowed-values)")
        w("- [Completeness rules](#completeness-rules)")
        w("- [Transfers: EEA and adequacy lists](#transfers-eea-and-adequacy-lists)")
        w("- [Limits](#limits)")
        w("")
        w("## Free text")
        w("")
        w("Every *text* field is either one string or a map of language code to string:")
        w("")
        w("```yaml")
        w("name: Contact details")
        w("name: {en: Contact details, de: Kontaktdaten}")
        w("```")
        w("")
        w("A map must have exactly the languages in `notice.languages`, no more and no fewer. "
          "Language codes look like `en`, `de` or `pt-BR`. Text is shown as text: it is never run as HTML or Markdown.")
        w("")
        w("Any letter, emoji, tab or line break may stand in a text. These characters are refused, with their "
          "line and column, because later steps would crash on them or the text would display differently from "
          "what it says: control characters other than tab and line break (such as ESC), a lone surrogate "
          "(`\"\\ud800\"` in a double-quoted string), Unicode non-characters (U+FFFE, U+FDD0 ...), the "
          "bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, and tag characters "
          "(U+E0000-U+E007F, except inside a flag emoji). Zero-width joiners and non-joiners stay: emoji "
          "sequences and Persian or Indic words need them. A text made only of invisible characters (spaces, "
          "U+200B ...) is empty. Cookie names are compared after Unicode normalisation (NFC) with invisible "
          "characters removed, so `café` written two ways is one cookie listed twice. A web or e-mail address "
          "whose domain mixes scripts (a Cyrillic `а` in a Latin name) is reported as a warning.")
        w("")
        w("## Phone numbers")
        w("")
        w("Phone numbers are read with [phonenumbers](https://pypi.org/project/phonenumbers/) (the data of Google's "
          "libphonenumber). Write a number with its country code (`+1 800 555 0199`). A number without one is read in "
          "the country of its entry (a party's `country`, the country at the end of its `address`), else in the "
          "organization's country (the end of `organization.address`, else its one `established_in` country); a "
          "representative's number is never read in the organization's country.")
        w("")
        w("A number that cannot exist (too short or too long for its country, no area code, a country code no country "
          "uses) is an error. The notice and the exports print every number in international format (`+1 800-555-0199`).")
        w("")
        w("For a phone request method, `toll_free` left out is read from the number: a toll-free number is toll-free. "
          "`toll_free: false` is kept. `toll_free: true` on a number that is not toll-free is a finding of "
          "`ca.request_methods`, and the notice does not call that number free.")
        w("")
        for path, cls in self.sections:
            title = path or "Top level"
            w(f"## {title}")
            w("")
            w(" ".join((cls.__doc__ or "").split()))
            w("")
            if cls in self.also:
                w("The same keys are used for " + ", ".join(f"`{p}`" for p in self.also[cls]) + ".")
                w("")
            w("| Key | Type | Required | Default | What it is |")
            w("|---|---|---|---|---|")
            for name, f in cls.model_fields.items():
                w(
                    f"| `{name}` | {self.type_name(f.annotation, f.metadata)} | {'yes' if f.is_required() else 'no'} "
                    f"| {self.default(f)} | {_cell(f.description or '')} |"
                )
            w("")
        w("## Allowed values")
        w("")
        for e in self.enums:
            w(f"### {e.__name__}")
            w("")
            w(" ".join((e.__doc__ or "").split()))
            w("")
            w("| Value | Meaning |")
            w("|---|---|")
            for member in e:
                w(f"| `{member.value}` | {_cell(member.note)} |")
            w("")
        w("## Completeness rules")
        w("")
        w("`plainnotice validate` runs these rules for the jurisdictions in `notice.jurisdictions`. "
          "A missing item is reported with the place in your file, the article that asks for it and what to add; "
          "the command then exits with code 1. This is engineering help, not legal advice.")
        w("")
        w("| Rule | Applies to | The notice must tell | Source | What to add |")
        w("|---|---|---|---|---|")
        for r in RULES:
            where = ", ".join(_JURISDICTION_LABEL[j] for j in r.jurisdictions)
            w(f"| `{r.id}` | {where} | {_cell(r.asks)} | {_cell(r.citation())} | {_cell(r.fix)} |")
        w("")
        w("Notes on how the rules read the law:")
        w("")
        for r in RULES:
            doc = r.check.__doc__
            if doc:
                w(f"- `{r.id}`: {' '.join(doc.split()).replace('``', '`')}")
        w("")
        w("## Transfers: EEA and adequacy lists")
        w("")
        w(f"EEA ({len(eea())} states): {', '.join(sorted(eea()))}.")
        w("")
        for region in ("eu", "uk"):
            ad = adequacy(region)
            full = sorted(c for c in ad.countries if c not in ad.home and not (region == "uk" and c in eea()))
            w(f"**{'EU' if region == 'eu' else 'UK'}** ({ad.law}), checked {ad.checked}. Source: {ad.source}")
            w("")
            if region == "uk":
                w(f"- Adequate: the EEA states ({ad.instruments[next(iter(sorted(eea())))]}), "
                  + ", ".join(f"{ad.countries[c]} ({c}, {ad.instruments[c]})" for c in full) + ".")
            else:
                w("- Adequate: " + ", ".join(f"{ad.countries[c]} ({c}, {ad.instruments[c]})" for c in full) + ".")
            for code, part in sorted(ad.partial.items()):
                w(f"- {part['name']} ({code}): only {part['note']} ({part['instrument']}); for such a recipient, "
                  f"name `{region}: {part['only_with']}` in the party's `transfers`.")
            w("")
        w("## Limits")
        w("")
        w("plainnotice refuses files that no real inventory needs, before they can use up time or memory. "
          "The message names the limit that was hit. At most `max_bytes` are read from any path, a device or a "
          "pipe too; a pipe that delivers nothing for 10 seconds is an error, not a wait.")
        w("")
        w("| Limit | Value | What it counts |")
        w("|---|---|---|")
        for name, value in LIMITS.items():
            shown = f"{value // (1024 * 1024)} MiB" if name == "max_bytes" else f"{value:,}"
            w(f"| `{name}` | {shown} | {LIMIT_NOTES[name]} |")
        w("")
        w(f"At most {MAX_PROBLEMS} problems are listed at once; the last line says how many more there are.")
        w("")
        return "\n".join(out)


def render() -> str:
    """The format reference as Markdown."""
    return _Ref().render()


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

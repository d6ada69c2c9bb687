"""Phone numbers, read with ``phonenumbers`` (Google's libphonenumber metadata, Apache-2.0).

The model's ``Phone`` type only checks the characters (digits, spaces, ``+ ( ) . -``). After the
model accepted the data, :func:`check_phones` reads every phone number of the inventory:

* a number written without ``+`` is read in the country of the entry it belongs to (a party's
  ``country``, the country at the end of its ``address``), else in the organisation's country
  (the country at the end of ``organization.address``, else its one ``established_in`` country);
  a representative's number falls back to GB for a UK representative, never to the organisation's
  country (a representative is, by definition, somewhere else);
* a number that cannot exist (too short, too long, an unknown country code, no area code) is a
  problem with its ``file:line:column`` and the fix;
* every number is replaced by its international format (``+1 800-555-0199``), keeping its location,
  so the notice and the exports print one form;
* a phone request method gets its number's type; ``toll_free`` left out is taken from it (a
  toll-free number is toll-free), an explicit ``toll_free: false`` is kept, and an explicit
  ``toll_free: true`` on a number that is not toll-free is a finding of the California rules
  (:mod:`generator.rules.california`) and is not printed.

``phonenumbers`` is imported only when the inventory has a phone number (about 25 ms), so an
inventory without one does not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from generator.errors import Problem
from generator.inventory.decl import Model
from generator.inventory.fields import _check_phone, field_path, shape
from generator.inventory.geography import countries, country_from_address
from generator.inventory.load import Document, LocatedStr
from generator.inventory.model import Inventory, Representative, RequestMethod

#: phonenumbers' number types in the words of a message ("+1 212-555-0199 is a fixed-line or mobile number").
TYPE_WORDS = {
    "FIXED_LINE": "a fixed-line number",
    "MOBILE": "a mobile number",
    "FIXED_LINE_OR_MOBILE": "a fixed-line or mobile number",
    "TOLL_FREE": "a toll-free number",
    "PREMIUM_RATE": "a premium-rate number",
    "SHARED_COST": "a shared-cost number",
    "VOIP": "an internet (VoIP) number",
    "PERSONAL_NUMBER": "a personal number",
    "PAGER": "a pager number",
    "UAN": "a company-wide (UAN) number",
    "VOICEMAIL": "a voicemail number",
    "UNKNOWN": "a number of a range phonenumbers does not know the type of",
}


@dataclass(frozen=True)
class PhoneFacts:
    """What phonenumbers says about a request method's number (``RequestMethod.phone_facts``)."""

    kind: str  # a key of TYPE_WORDS, e.g. "TOLL_FREE"
    country: Optional[str]  # ISO code of the number's country, e.g. "US"
    toll_free_written: Optional[bool]  # toll_free as the inventory wrote it (None: left out)

    @property
    def words(self) -> str:
        return TYPE_WORDS.get(self.kind, TYPE_WORDS["UNKNOWN"])


def _phone_fields(model: Model) -> Iterator[str]:
    for name, info in type(model).model_fields.items():
        if _check_phone in shape(info.annotation, info.metadata).checks:
            yield name


def phone_values(inv: Inventory) -> Iterator[tuple[tuple, Model, str, list]]:
    """Every phone number in the inventory: (path, the model holding it, field name, enclosing models)."""

    def visit(obj, path: tuple, parents: list):
        if isinstance(obj, Model):
            for name in _phone_fields(obj):
                if getattr(obj, name) is not None:
                    yield path + (name,), obj, name, parents + [obj]
            for name in type(obj).model_fields:
                yield from visit(getattr(obj, name), path + (name,), parents + [obj])
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                yield from visit(item, path + (i,), parents)

    yield from visit(inv, (), [])


def organization_country(inv: Inventory) -> Optional[str]:
    """The organisation's country: the country at the end of its address, else its one ``established_in``."""
    org = inv.organization
    code = country_from_address(org.address)
    if code is None and org.established_in and len(set(org.established_in)) == 1:
        code = org.established_in[0]
    return code


def default_region(inv: Inventory, parents: list) -> Optional[str]:
    """The country a number without ``+`` is read in (see the module docstring)."""
    for model in reversed(parents):
        if isinstance(model, Inventory):
            break
        country = getattr(model, "country", None)
        if isinstance(country, str):
            return country
        address = getattr(model, "address", None)
        if address is not None:
            code = country_from_address(address)
            if code is not None:
                return code
        if isinstance(model, Representative):
            return "GB" if model.region.value.upper() == "UK" else None
    return organization_country(inv)


def _country(code: Optional[str]) -> str:
    return countries().get(code or "", code or "")


def check_phones(inv: Inventory, doc: Document) -> list[Problem]:
    """Read every phone number (see the module docstring); the problems found."""
    found = list(phone_values(inv))
    if not found:
        return []
    import phonenumbers  # only inventories with a phone number pay for it

    problems: list[Problem] = []
    for path, model, name, parents in found:
        written = str(getattr(model, name))
        loc = getattr(getattr(model, name), "loc", None) or doc.loc(path)
        where = field_path(path)
        region = default_region(inv, parents)
        try:
            number = phonenumbers.parse(written, region)
        except phonenumbers.NumberParseException as exc:
            if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
                if written.lstrip().startswith("+"):
                    msg = f"'{written}' at {where} starts with a country code no country uses"
                else:
                    msg = (
                        f"'{written}' at {where} has no country code, and plainnotice cannot tell the country"
                        " from the entry's or the organization's address"
                    )
            else:
                msg = f"'{written}' at {where} is not a phone number plainnotice can read ({exc._msg})"
            problems.append(Problem(loc, msg, "write the number with its country code, e.g. +351 21 000 0000"))
            continue
        reason = phonenumbers.is_possible_number_with_reason(number)
        if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
            problems.append(Problem(loc, _impossible(written, where, number, reason, region, phonenumbers), _fix(number)))
            continue
        international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        setattr(model, name, LocatedStr(international, loc))
        if isinstance(model, RequestMethod):
            kind = phonenumbers.PhoneNumberType.to_string(phonenumbers.number_type(number))
            model._phone = PhoneFacts(kind, phonenumbers.region_code_for_number(number), model.toll_free)
            derived = kind == "TOLL_FREE"
            model.toll_free = derived if model.toll_free is None else (model.toll_free and derived)
    return problems


def _impossible(written: str, where: str, number, reason, region, pn) -> str:
    cc = number.country_code
    country = _country(pn.region_code_for_country_code(cc))
    place = f"in {country} (+{cc})" if country and country != "001" else f"for country code +{cc}"
    why = {
        pn.ValidationResult.TOO_SHORT: f"is too short for a number {place}",
        pn.ValidationResult.TOO_LONG: f"is too long for a number {place}",
        pn.ValidationResult.INVALID_LENGTH: f"has a length no number {place} has",
        pn.ValidationResult.INVALID_COUNTRY_CODE: f"starts with +{cc}, a country code no country uses",
        pn.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: f"can only be dialled locally {place}: it has no area code",
    }.get(reason, "is not a possible phone number")
    read = "" if written.lstrip().startswith("+") or region is None else f" (read as a number in {_country(region)})"
    return f"'{written}' at {where}{read} {why}"


def _fix(number) -> str:
    return f"check the digits and write the whole number with its country code, e.g. +{number.country_code} followed by the area code and number"

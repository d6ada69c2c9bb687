"""Reading an inventory: ``load_inventory(path)`` = load (YAML with locations) + :func:`parse`
(the format version, the model, cross-references). Every mistake is an
:class:`~generator.errors.InputError` whose problems name ``file:line:column`` and the fix.
"""

from __future__ import annotations

from pathlib import Path

from pydantic_core import ValidationError

from generator.errors import InputError, Loc, Problem
from generator.inventory.fields import describe
from generator.inventory.load import Document, load_file
from generator.inventory.model import SUPPORTED_FORMATS, Inventory
from generator.inventory.phones import check_phones
from generator.inventory.problems import cap, dedupe, from_pydantic
from generator.inventory.resolve import resolve
from generator.inventory.warnings import inventory_warnings


def parse(doc: Document) -> Inventory:
    """Validate a loaded document into a resolved :class:`Inventory` or raise :class:`InputError`."""
    data = doc.data
    fmt = data.get("format")
    if "format" not in data:
        raise InputError(
            Problem(Loc(doc.file, 1, 1), "the inventory has no 'format' key", "add 'format: 1' as the first line")
        )
    known = ", ".join(str(f) for f in SUPPORTED_FORMATS)
    if type(fmt) is not int:
        raise InputError(
            Problem(
                doc.loc(("format",)),
                f"'format' should be a whole number such as {SUPPORTED_FORMATS[-1]}, got {describe(fmt)}",
                f"write 'format: {SUPPORTED_FORMATS[-1]}' without quotes",
            )
        )
    if fmt not in SUPPORTED_FORMATS:
        raise InputError(
            Problem(
                doc.loc(("format",)),
                f"format {fmt} is not known to this version of plainnotice; it reads format {known}",
                f"set 'format: {SUPPORTED_FORMATS[-1]}' and check the format reference, or upgrade plainnotice",
            )
        )
    try:
        inv = Inventory.model_validate(data)
    except ValidationError as exc:
        raise InputError(from_pydantic(doc, exc.errors(include_url=False))) from None
    inv._doc = doc
    problems = resolve(inv, doc) + check_phones(inv, doc)
    if problems:
        raise InputError(cap(dedupe(problems)))
    doc.warnings = inventory_warnings(doc)
    return inv


def load_inventory(path: str | Path) -> Inventory:
    """load + parse: the usual way in."""
    return parse(load_file(path))

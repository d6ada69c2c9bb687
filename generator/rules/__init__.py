"""Stage 2: completeness rules per jurisdiction.

The model (stage 1) already knows the inventory is well formed. These rules ask a different
question: does it hold everything the law asks a notice to tell, for the places listed in
``notice.jurisdictions``? One module per law, each a list of rules (:mod:`.engine` has the
machinery): :mod:`.gdpr` (EU and UK GDPR alike), :mod:`.eu`, :mod:`.uk`, :mod:`.california`, and
:mod:`.common` for what every law asks. :mod:`.refdoc` writes the format reference.
This is engineering help, not legal advice.
"""

from __future__ import annotations

from generator.errors import Finding
from generator.inventory.model import Inventory
from generator.rules import california, common, eu, gdpr, uk
from generator.rules.engine import Hit, Rule, run

#: Every rule, law by law (the format reference lists them in this order).
RULES: list[Rule] = [*gdpr.RULES, *eu.RULES, *uk.RULES, *common.RULES, *california.RULES]


def check_completeness(inv: Inventory) -> list[Finding]:
    """The findings of every rule that applies to the notice's jurisdictions, and the inventory
    stage's warnings about the file (:mod:`generator.inventory.warnings`), sorted by place."""
    doc = inv.document
    findings = run(inv, RULES) + (list(doc.warnings) if doc is not None else [])
    findings.sort(key=lambda f: (f.loc.file, f.loc.line, f.loc.col, f.rule, f.message))
    return findings


__all__ = ["RULES", "Hit", "Rule", "check_completeness"]

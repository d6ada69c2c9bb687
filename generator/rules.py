"""Stage 3: completeness rules per jurisdiction. (Being written; see issue 2.)"""

from __future__ import annotations

from generator.errors import Finding


def check_completeness(inv) -> list[Finding]:
    return []

"""How much work a template may ask for: a template error naming the template file and line,
never a hang, a crash or all of the machine's memory.

Jinja's sandbox limits a single ``range()`` to 100,000 items and nothing else. On top of it:

* every ``range()`` of a page together: at most :data:`MAX_RANGE_STEPS` items (nested loops);
* ``"x" * n`` and ``[...] * n``: at most :data:`MAX_REPEAT` items; ``a ** b``: at most
  :data:`MAX_POWER_BITS` bits;
* a number given to a filter, a function or a method (``center(n)``, ``lipsum(n)``, ``ljust(n)``):
  at most :data:`MAX_NUMBER_ARG`; a width or precision in a format string (``"%0999999d"``,
  ``"{:999999}"``): at most :data:`MAX_FORMAT_WIDTH`;
* a page: at most :data:`MAX_PAGE_CHARS` characters (:mod:`.render` counts as it goes);
* recursion (a macro or an include that calls itself without end) stops at Python's limit and is
  reported as such (:mod:`.render`).
"""

from __future__ import annotations

import functools
import math
import re
from string import Formatter
from typing import Callable

from jinja2.exceptions import FilterArgumentError, SecurityError

MAX_RANGE_STEPS = 1_000_000
MAX_REPEAT = 1_000_000
MAX_POWER_BITS = 100_000
MAX_NUMBER_ARG = 100_000
MAX_FORMAT_WIDTH = 10_000
MAX_PAGE_CHARS = 16 * 1024 * 1024

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"(\d+)")


class LimitError(SecurityError):
    """A template asked for more work than plainnotice allows (see this module's limits)."""


def check_number(value, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER_ARG:
        raise LimitError(f"{what} is given the number {_short(value)}; templates may use numbers up to {MAX_NUMBER_ARG:,} there")


def check_arguments(args, kwargs, what: str) -> None:
    for value in list(args) + list(kwargs.values()):
        check_number(value, what)


def _short(n: int) -> str:
    digits = len(str(abs(n))) if abs(n) < 10**50 else int(math.log10(abs(n))) + 1
    return f"{n:,}" if digits <= 15 else f"with {digits} digits"


def check_percent_format(fmt) -> None:
    """Widths and precisions in a printf-style format string (``%5d``, ``%.3f``)."""
    if not isinstance(fmt, str):
        return
    for m in _PERCENT_SPEC.finditer(fmt):
        for group in m.groups():
            if group and group != "*" and int(group) > MAX_FORMAT_WIDTH:
                raise LimitError(f"the format {m.group()!r} asks for a width of {int(group):,} characters; at most {MAX_FORMAT_WIDTH:,}")


def check_brace_format(fmt) -> None:
    """Widths and precisions in a ``str.format`` string (``{:>20}``, ``{0:.3f}``)."""
    if not isinstance(fmt, str):
        return
    try:
        fields = list(Formatter().parse(fmt))
    except ValueError:
        return  # str.format itself reports the mistake
    for _, _, spec, _ in fields:
        for number in _BRACE_SPEC.findall(spec or ""):
            if int(number) > MAX_FORMAT_WIDTH:
                raise LimitError(f"the format {'{:' + spec + '}'!r} asks for a width of {int(number):,} characters; at most {MAX_FORMAT_WIDTH:,}")


def check_binop(operator: str, left, right) -> None:
    """``*`` repeating a string or list, ``**`` making a huge number, ``%`` with a huge width."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and not isinstance(n, bool):
                if len(seq) * max(n, 0) > MAX_REPEAT:
                    what = "text" if isinstance(seq, str) else "a list"
                    raise LimitError(f"repeating {what} of length {len(seq):,} {_short(n)} times makes more than {MAX_REPEAT:,} items")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            if right * math.log2(abs(left)) > MAX_POWER_BITS:
                raise LimitError(f"{_short(left)} ** {_short(right)} is a number of more than {MAX_POWER_BITS:,} bits")
        if isinstance(right, int) and abs(right) > MAX_NUMBER_ARG and not isinstance(left, int):
            check_number(right, "**")
    elif operator == "%":
        check_percent_format(left)


class RangeBudget:
    """``range()`` for templates: the sandbox's (at most 100,000 items each), and at most
    :data:`MAX_RANGE_STEPS` items for all the calls of one page together."""

    __name__ = "range"

    def __init__(self, safe_range: Callable):
        self.safe_range = safe_range
        self.used = 0

    def reset(self) -> None:
        self.used = 0

    def __call__(self, *args):
        rng = self.safe_range(*args)
        self.used += len(rng)
        if self.used > MAX_RANGE_STEPS:
            raise LimitError(f"the page's range() calls together ask for more than {MAX_RANGE_STEPS:,} steps")
        return rng


def bounded_filter(name: str, func: Callable) -> Callable:
    """``func`` with its number arguments (after the value) checked; ``format`` checks its format."""
    skip = 2 if getattr(func, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        check_arguments(args[skip:], kwargs, f"the filter '{name}'")
        if name == "format" and len(args) >= skip:
            check_percent_format(args[skip - 1])
        try:
            return func(*args, **kwargs)
        except TypeError as exc:
            if exc.__traceback__ is not None and exc.__traceback__.tb_next is None:  # the call itself: wrong arguments
                raise FilterArgumentError(f"the filter '{name}' was given arguments it does not take ({exc})") from None
            raise

    return wrapper

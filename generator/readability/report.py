"""What a check reports: the target per layer (from ``notice.readability`` for English, from the
language's profile for the others), the scores per language, layer and section, and the findings;
``as_dict()`` is the JSON shape of ``plainnotice check --format json``."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import Finding
from generator.inventory.model import Inventory
from generator.notice.profile import Profile
from generator.readability.formulas import METRIC_LABELS, METRICS, Scores
from generator.readability.langformulas import FORMULAS

LAYERS = ("summary", "full")


def is_completeness(f: Finding) -> bool:
    """True for a completeness rule's finding (ids like ``gdpr.legal_basis``; readability ids are ``RD001``...)."""
    return "." in f.rule


@dataclass(eq=False, repr=False)
class Target:
    """A layer's target: ``metric`` at most (``bound`` "max") or at least ("min") ``value``."""

    metric: str
    bound: str  # "max" or "min"
    value: float

    def passes(self, score: float) -> bool:
        score = round(score, 2)
        return score <= self.value if self.bound == "max" else score >= self.value

    def describe(self) -> str:
        op = "or lower" if self.bound == "max" else "or higher"
        return f"{METRIC_LABELS.get(self.metric, self.metric)} {_num(self.value)} {op}"


def _num(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.2f}"


@dataclass(eq=False, repr=False)
class SectionReport:
    """The scores of one section of a layer."""

    page: str
    title: str
    scores: Scores

    def as_dict(self) -> dict:
        return {"page": self.page, "title": self.title, **self.scores.as_dict()}


@dataclass(eq=False, repr=False)
class LayerReport:
    """The scores of one layer (summary or full) of one language, its target and its sections."""

    layer: str
    pages: list[str]
    scores: Scores
    target: Target | None  # None: the language is not scored
    gated: bool
    sections: list[SectionReport] = field(default_factory=list)
    lang: str = "en"

    @property
    def scored(self) -> bool:
        return self.target is not None

    @property
    def score(self) -> float | None:
        return self.scores.metrics[self.target.metric] if self.target is not None else None

    @property
    def passed(self) -> bool:
        return self.target is None or self.target.passes(self.score)

    def as_dict(self) -> dict:
        t = self.target
        return {
            "layer": self.layer,
            "pages": self.pages,
            "gated": self.gated,
            "metric": t.metric if t else None,
            "bound": t.bound if t else None,
            "target": t.value if t else None,
            "score": round(self.score, 2) if t else None,
            "passed": self.passed,
            "scores": self.scores.as_dict(),
            "sections": [s.as_dict() for s in self.sections],
            "scored": self.scored,
        }


@dataclass(eq=False, repr=False)
class LanguageReport:
    """One language's layers, and how it was scored."""

    lang: str
    name: str  # the language's own name, from its profile
    formula: str | None  # the gate formula; None: not scored
    layers: dict[str, LayerReport]

    def as_dict(self) -> dict:
        return {"name": self.name, "formula": self.formula, "scored": self.formula is not None,
                "layers": {k: v.as_dict() for k, v in self.layers.items()}}


@dataclass(eq=False, repr=False)
class CheckReport:
    """What ``check`` found: the first language's layers, every finding, and every language's report."""

    layers: dict[str, LayerReport]  # the first language's
    findings: list[Finding]
    strict: bool = False
    languages: dict[str, LanguageReport] = field(default_factory=dict)  # every language, first first

    def all_layers(self) -> list[LayerReport]:
        """Every language's layers, the first language's first."""
        if not self.languages:
            return list(self.layers.values())
        return [layer for lr in self.languages.values() for layer in lr.layers.values()]

    @property
    def multilingual(self) -> bool:
        return len(self.languages) > 1

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def missing(self) -> list[Finding]:
        """The completeness findings (a legal fact the notice must tell is missing), not readability."""
        return [f for f in self.findings if is_completeness(f)]

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "strict": self.strict,
            "layers": {k: v.as_dict() for k, v in self.layers.items()},
            "languages": {k: v.as_dict() for k, v in self.languages.items()},
            "findings": [f.as_dict() for f in self.findings],
            "errors": [],
        }


def language_targets(profile: Profile | None, inv: Inventory | None, max_grade: float | None = None) -> dict[str, Target | None]:
    """Targets per layer for one language. English (a profile whose formula is one of textstat's
    seven): ``notice.readability`` (:func:`targets`). Any other language: its profile's formula
    and targets, so a German notice is never held to an English grade; ``max_grade`` replaces them
    when the formula is a grade. No formula: None (the language is not scored)."""
    if profile is None or profile.formula in METRICS:
        return dict(targets(inv, max_grade))
    if profile.formula is None:
        return {layer: None for layer in LAYERS}
    formula = FORMULAS[profile.formula]
    out: dict[str, Target | None] = {}
    for layer in LAYERS:
        value = profile.targets[layer]
        if max_grade is not None and formula.bound == "max":
            value = float(max_grade)
        out[layer] = Target(formula.id, formula.bound, value)
    return out


def targets(inv: Inventory | None, max_grade: float | None = None) -> dict[str, Target]:
    """Gate targets per layer from ``notice.readability`` (defaults: FK grade 8 and 11)."""
    out = {"summary": Target("flesch_kincaid_grade", "max", 8.0), "full": Target("flesch_kincaid_grade", "max", 11.0)}
    readability = getattr(getattr(inv, "notice", None), "readability", None)
    for layer in LAYERS:
        t = getattr(readability, layer, None) if readability is not None else None
        if t is not None:
            metric = getattr(t.metric, "value", t.metric)
            if metric == "flesch_reading_ease":
                out[layer] = Target(metric, "min", float(t.min))
            else:
                out[layer] = Target(metric, "max", float(t.max))
        if max_grade is not None:
            metric = out[layer].metric if out[layer].bound == "max" else "flesch_kincaid_grade"
            out[layer] = Target(metric, "max", float(max_grade))
    return out

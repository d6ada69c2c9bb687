"""What a check reports: the target per layer (from ``notice.readability``), the scores per layer
and section, and the findings; ``as_dict()`` is the JSON shape of ``plainnotice check --format json``."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import Finding
from generator.inventory.model import Inventory
from generator.readability.formulas import METRIC_LABELS, Scores

LAYERS = ("summary", "full")


@dataclass(eq=False, repr=False)
class Target:
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
    page: str
    title: str
    scores: Scores

    def as_dict(self) -> dict:
        return {"page": self.page, "title": self.title, **self.scores.as_dict()}


@dataclass(eq=False, repr=False)
class LayerReport:
    layer: str
    pages: list[str]
    scores: Scores
    target: Target
    gated: bool
    sections: list[SectionReport] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.scores.metrics[self.target.metric]

    @property
    def passed(self) -> bool:
        return self.target.passes(self.score)

    def as_dict(self) -> dict:
        return {
            "layer": self.layer,
            "pages": self.pages,
            "gated": self.gated,
            "metric": self.target.metric,
            "bound": self.target.bound,
            "target": self.target.value,
            "score": round(self.score, 2),
            "passed": self.passed,
            "scores": self.scores.as_dict(),
            "sections": [s.as_dict() for s in self.sections],
        }


@dataclass(eq=False, repr=False)
class CheckReport:
    layers: dict[str, LayerReport]
    findings: list[Finding]
    strict: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "strict": self.strict,
            "layers": {k: v.as_dict() for k, v in self.layers.items()},
            "findings": [f.as_dict() for f in self.findings],
            "errors": [],
        }


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

"""Output formats for ``plainnotice check`` and ``plainnotice score``.

* ``text``: for people, in a terminal;
* ``json``: everything, for scripts (same shape as ``CheckReport.as_dict()``);
* ``github``: GitHub Actions workflow commands (``::error file=...,line=...,col=...::message``),
  escaped as the runner requires: ``%``, CR and LF in messages; also ``:`` and ``,`` in properties.
  The readable summary after them is wrapped in ``::stop-commands::`` so no line of it (a path that
  starts with ``::``, a ``##[`` anywhere) can be taken for a command;
* ``junit``: JUnit XML, one test case per gated layer and one per finding;
* ``sarif``: SARIF 2.1.0 with stable rule ids (``RD001``...), for code scanning; file URIs
  percent-encoded.

Text that is not ours (paths, messages quoting the inventory) reaches a terminal, a log or an XML
file only through :func:`generator.errors.printable`: control characters such as ESC become
visible escapes (``\\x1b``), so they cannot colour, move or hide output or make XML ill-formed.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from generator import __version__
from generator.errors import Finding, printable
from generator.readability.formulas import METRIC_LABELS, METRICS, WORDS_PER_MINUTE
from generator.readability.gate import READABILITY_RULES
from generator.readability.report import CheckReport, is_completeness
from generator.rules import RULES as COMPLETENESS_RULES

if TYPE_CHECKING:  # 'score' (and its HTML reader) is not imported by 'check'
    from generator.readability.score import FileScore

INFO_URI = "https://github.com/plainnotice/plainnotice"
DOCS = "docs/readability.md"


def _fmt(x: float) -> str:
    return f"{x:.2f}"


# --------------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------------


def _rule_name(f: Finding) -> str:
    return getattr(f.detail, "rule_name", "")


def _score_line(d: dict, metrics=METRICS) -> str:
    parts = [f"{METRIC_LABELS.get(m, m)} {_fmt(d[m])}" for m in metrics if m in d]
    parts.append(f"{d['words']} words, {d['sentences']} sentences, {d['reading_minutes']:.1f} min at {WORDS_PER_MINUTE} wpm")
    return "; ".join(parts)


def _layers(report: CheckReport):
    """(label, pages, layer) for every language's layers; the language leads the label when the
    notice is not English only."""
    langs = list(report.languages) or ["en"]
    tagged = langs != ["en"]
    for layer in report.all_layers():
        prefix = "" if layer.lang == langs[0] else f"{layer.lang}/"
        label = f"{layer.lang} {layer.layer}" if tagged else layer.layer
        yield label, [prefix + p for p in layer.pages], layer


def check_text(report: CheckReport) -> str:
    lines: list[str] = []
    for label, pages, layer in _layers(report):
        d = layer.as_dict()
        if not layer.scored:
            lines.append(f"{label} ({printable(', '.join(pages))}): not scored: no validated readability formula for '{layer.lang}' (its profile names none)")
            lines.append("  " + _score_line(d["scores"], ()))
            continue
        verdict = ("pass" if layer.passed else "FAIL") if layer.gated else "not gated"
        lines.append(
            f"{label} ({printable(', '.join(pages))}): {METRIC_LABELS[layer.target.metric]} {_fmt(layer.score)}, "
            f"target {layer.target.describe()}: {verdict}"
        )
        lines.append("  " + _score_line(d["scores"], list(layer.scores.metrics)))
    if report.findings:
        lines.append("")
    for f in report.findings:
        if is_completeness(f):
            lines.append(f"{f.loc}: {f.level}: {printable(f.message)} [{printable(f.citation)}] [{f.rule}]")
        else:
            lines.append(f"{f.loc}: {f.level}: {printable(f.message)} [{f.rule} {_rule_name(f)}]")
        if f.fix:
            lines.append(f"  fix: {printable(f.fix)}")
    n_err, n_warn = len(report.errors), len(report.warnings)
    n_missing = sum(1 for f in report.missing if f.level == "error")
    lines.append("")
    if n_missing:
        lines.append(
            f"{n_err} error(s), {n_warn} warning(s): the check failed; {n_missing} of the errors "
            f"{'is a missing legal item' if n_missing == 1 else 'are missing legal items'} (plainnotice validate lists them)."
        )
    elif n_err:
        lines.append(f"{n_err} error(s), {n_warn} warning(s): the readability check failed.")
    else:
        lines.append(f"readability check passed; {n_warn} warning(s).")
    return "\n".join(lines) + "\n"


def scores_text(results: list[FileScore]) -> str:
    lines: list[str] = []
    for r in results:
        d = r.scores.as_dict()
        lines.append(f"{printable(r.path)} ({r.kind}):")
        lines.append("  " + _score_line(d))
        if len(r.sections) > 1:
            for s in r.sections:
                sd = s.scores.as_dict()
                lines.append(
                    f"    {printable(s.title[:50])}: Flesch-Kincaid grade {_fmt(sd['flesch_kincaid_grade'])}, "
                    f"{sd['words']} words"
                )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# GitHub Actions workflow commands
# --------------------------------------------------------------------------------------------


def gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_escape_property(s: str) -> str:
    return gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_annotation(f: Finding) -> str:
    kind = "error" if f.level == "error" else "warning"
    props = [f"file={gh_escape_property(printable(f.loc.file, keep=chr(10) + chr(13)))}"]
    if f.loc.line:
        props.append(f"line={f.loc.line}")
        if f.loc.col:
            props.append(f"col={f.loc.col}")
    props.append(f"title={gh_escape_property(printable(f.rule + ' ' + (f.citation if is_completeness(f) else _rule_name(f))))}")
    message = printable(f.message, keep="\n\r\t") + (f"\nfix: {printable(f.fix, keep=chr(10) + chr(13))}" if f.fix else "")
    return f"::{kind} {','.join(props)}::{gh_escape_data(message)}"


def check_github(report: CheckReport) -> str:
    lines = [github_annotation(f) for f in report.findings]
    # A readable summary after the annotations (plain lines are shown in the log). It holds paths
    # and messages we do not control, so the runner is told to read no commands in it: the token
    # that resumes them is a hash of the summary, which the summary itself cannot contain.
    summary = check_text(report).rstrip("\n")
    token = "plainnotice-" + hashlib.sha256(summary.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    lines += [f"::stop-commands::{token}", summary, f"::{token}::"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# JUnit XML
# --------------------------------------------------------------------------------------------


def check_junit(report: CheckReport) -> str:
    import xml.etree.ElementTree as ET  # only this format needs it: not imported by every 'check'

    cases: list[ET.Element] = []
    failures = 0
    for label, pages, layer in _layers(report):
        if not layer.gated:
            continue
        name = layer.layer
        case = ET.Element(
            "testcase",
            classname=f"plainnotice.readability.{label.replace(' ', '.')}",
            name=f"{label} notice: {METRIC_LABELS[layer.target.metric]} {layer.target.describe()}",
        )
        if not layer.passed:
            failures += 1
            fail = ET.SubElement(case, "failure", type="RD001", message=f"{METRIC_LABELS[layer.target.metric]} {_fmt(layer.score)}")
            fail.text = printable(f"{', '.join(pages)}: score {_fmt(layer.score)}, target {layer.target.describe()}")
        out = ET.SubElement(case, "system-out")
        out.text = _score_line(layer.as_dict()["scores"], list(layer.scores.metrics))
        cases.append(case)
    for f in report.findings:
        case = ET.Element(
            "testcase",
            classname=f"plainnotice.{'completeness' if is_completeness(f) else 'readability'}.{f.rule}",
            name=f"{f.loc}: {_rule_name(f) or f.rule}",
            file=printable(f.loc.file),
        )
        if f.loc.line:
            case.set("line", str(f.loc.line))
        detail = f"{f.loc}: {printable(f.message)}" + (f"\nfix: {printable(f.fix)}" if f.fix else "")
        if f.level == "error":
            failures += 1
            fail = ET.SubElement(case, "failure", type=f.rule, message=printable(f.message))
            fail.text = detail
        else:
            out = ET.SubElement(case, "system-out")
            out.text = "warning: " + detail
        cases.append(case)
    suite = ET.Element(
        "testsuite", name="plainnotice readability", tests=str(len(cases)), failures=str(failures), errors="0", skipped="0"
    )
    suite.extend(cases)
    root = ET.Element("testsuites", name="plainnotice", tests=str(len(cases)), failures=str(failures), errors="0")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --------------------------------------------------------------------------------------------
# SARIF 2.1.0
# --------------------------------------------------------------------------------------------


def sarif_uri(path: str) -> str:
    """A file path as a SARIF ``uri``: a URI reference, percent-encoded (spaces, ``%``, ``#``, ``?``,
    ``:`` and non-ASCII letters), with ``/`` between folders. A leading ``//`` stays a path."""
    uri = quote(path.replace("\\", "/"), safe="/")
    if uri.startswith("//"):
        uri = "/%2F" + uri[2:]
    return uri


def _sarif_location(loc) -> dict:
    phys: dict = {"artifactLocation": {"uri": sarif_uri(loc.file)}}
    if loc.line:
        region = {"startLine": loc.line}
        if loc.col:
            region["startColumn"] = loc.col
        phys["region"] = region
    return {"physicalLocation": phys}


def check_sarif(report: CheckReport) -> str:
    rule_ids = list(READABILITY_RULES)
    rules = [
        {
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": f"{r.summary} {r.help}"},
            "help": {"text": r.help},
            "helpUri": f"{INFO_URI}/blob/main/{DOCS}#{r.id.lower()}",
            "defaultConfiguration": {"level": r.level},
        }
        for r in READABILITY_RULES.values()
    ]
    by_id = {r.id: r for r in COMPLETENESS_RULES}
    for f in report.missing:  # the completeness rules that fired, after the readability rules
        if f.rule in rule_ids or f.rule not in by_id:
            continue
        r = by_id[f.rule]
        rule_ids.append(r.id)
        rules.append(
            {
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": f"The notice must tell {r.asks}."},
                "fullDescription": {"text": f"The notice must tell {r.asks} ({r.citation()}). Fix: {r.fix}."},
                "help": {"text": r.fix},
                "helpUri": f"{INFO_URI}/blob/main/docs/inventory-format.md#completeness-rules",
                "defaultConfiguration": {"level": "error"},
            }
        )
    results = []
    for f in report.findings:
        result = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": "error" if f.level == "error" else "warning",
            "message": {"text": f.message + (f" Fix: {f.fix}." if f.fix else "")},
            "locations": [_sarif_location(f.loc)],
        }
        detail = f.detail.as_dict() if f.detail is not None else {}
        props = {k: v for k, v in detail.items() if k in ("layer", "layers", "page", "field", "sentence", "score", "words", "phrase", "suggestion", "language", "jurisdictions")}
        if f.citation:
            props["citation"] = f.citation
        if props:
            result["properties"] = props
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plainnotice",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFO_URI,
                        "rules": rules,
                    }
                },
                "results": results,
                "properties": {
                    "layers": {k: v.as_dict() for k, v in report.layers.items()},
                    "languages": {k: v.as_dict() for k, v in report.languages.items()},
                },
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------
# entry points
# --------------------------------------------------------------------------------------------

CHECK_FORMATS = {
    "text": check_text,
    "json": lambda r: json.dumps(r.as_dict(), indent=2, ensure_ascii=False) + "\n",
    "github": check_github,
    "junit": check_junit,
    "sarif": check_sarif,
}


def format_check(report: CheckReport, fmt: str = "text") -> str:
    if fmt not in CHECK_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(CHECK_FORMATS)}")
    return CHECK_FORMATS[fmt](report)


def format_scores(results: list[FileScore], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps({"ok": True, "files": [r.as_dict() for r in results], "errors": []}, indent=2, ensure_ascii=False) + "\n"
    return scores_text(results)


"""The readability gate end to end: reference inventory, findings with sources, every output format."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import PACKAGE_TEMPLATES, REFERENCE, REPO
from generator.readability.formulas import METRICS
from generator.readability.gate import check
from generator.cli import main
from generator.errors import Loc
from generator.readability.formats import format_check
from generator.notice.pages import Page, RenderResult, Span, TemplateSource

INVENTORY = REFERENCE
SARIF_SCHEMA = Path(__file__).with_name("sarif_2_1_0_subset.schema.json")

LEGALESE = (
    "Notwithstanding the aforementioned provisions and pursuant to applicable legislation, the controller "
    "shall effectuate the processing of personal data of the data subject in accordance with the legitimate "
    "interests pursued hereunder, including but not limited to the utilization of such information for the "
    "purposes of fraud prevention, and may disclose said information to third parties heretofore designated."
)


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def reference():
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render

    inv = load_inventory(INVENTORY)
    return inv, render(inv)


# --- the reference inventory ------------------------------------------------------------------


def test_reference_inventory_passes_its_own_targets(reference):
    inv, result = reference
    report = check(result, inv)
    assert report.ok, [str(f) for f in report.errors]
    summary, full = report.layers["summary"], report.layers["full"]
    assert (summary.target.metric, summary.target.value) == ("flesch_kincaid_grade", 8.0)
    assert (full.target.metric, full.target.value) == ("flesch_kincaid_grade", 11.0)
    assert summary.score <= 8 and full.score <= 11
    assert summary.passed and full.passed
    for layer in (summary, full):
        d = layer.as_dict()
        assert set(METRICS) <= set(d["scores"])
        assert d["scores"]["words"] > d["scores"]["sentences"] > 0
        assert d["scores"]["reading_minutes"] == round(d["scores"]["words"] / 238, 2)
        assert len(d["sections"]) > 3


def test_cli_check_exit_codes(capsys):
    code, out = run(capsys, "check", "-i", str(INVENTORY))
    assert code == 0
    assert "summary (index.md)" in out and "passed" in out
    code, out = run(capsys, "check", "-i", str(INVENTORY), "--max-grade", "2")
    assert code == 1
    assert "RD001" in out
    code, _ = run(capsys, "check", "-i", str(INVENTORY), "--max-grade", "2", "--layer", "summary", "--format", "json")
    assert code == 1
    code, _ = run(capsys, "check", "-i", str(INVENTORY), "--strict")
    assert code == 1  # the reference has style warnings; --strict makes them errors
    code, _ = run(capsys, "check", "-i", str(REPO / "no-such-file.yml"))
    assert code == 2
    code, _ = run(capsys, "check", "-i", str(INVENTORY), "--max-grade", "-3")
    assert code == 2


def test_layer_option_gates_only_that_layer(reference):
    inv, result = reference
    report = check(result, inv, max_grade=1, layer="full")
    assert report.layers["summary"].gated is False
    assert {f.detail.layer for f in report.findings if f.detail.layer} == {"full"}
    assert any(f.rule == "RD001" for f in report.errors)


def test_readability_targets_come_from_the_inventory(tmp_path):
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render

    text = INVENTORY.read_text(encoding="utf-8")
    text = text.replace("summary: {metric: flesch_kincaid_grade, max: 8}", "summary: {metric: flesch_reading_ease, min: 95}")
    path = tmp_path / "data_inventory.yml"
    path.write_text(text, encoding="utf-8")
    inv = load_inventory(path)
    report = check(render(inv), inv)
    summary = report.layers["summary"]
    assert (summary.target.metric, summary.target.bound, summary.target.value) == ("flesch_reading_ease", "min", 95.0)
    gate = [f for f in report.errors if f.rule == "RD001"]
    assert gate and gate[0].detail.layer == "summary"
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "flesch_reading_ease, min: 95" in l)
    assert gate[0].loc.file == str(path) and gate[0].loc.line == line


# --- a long legalese sentence in the inventory ------------------------------------------------


@pytest.fixture
def legalese_inventory(tmp_path):
    text = INVENTORY.read_text(encoding="utf-8")
    old = "    description: We check bookings and payments for signs of fraud.\n"
    assert old in text
    text = text.replace(old, f"    description: {LEGALESE}\n")
    path = tmp_path / "data_inventory.yml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("    description: Notwithstanding"))
    col = len("    description: ") + 1
    # the word "pursuant" in that line, for word-level findings
    pursuant_col = text.splitlines()[line - 1].index("pursuant") + 1
    return path, line, col, pursuant_col


def _fmt(capsys, path, fmt):
    code, out = run(capsys, "check", "-i", str(path), "--format", fmt)
    return code, out


def test_legalese_sentence_fails_and_points_at_the_field_in_every_format(capsys, legalese_inventory):
    path, line, col, pursuant_col = legalese_inventory
    file = str(path)

    # text
    code, out = _fmt(capsys, path, "text")
    assert code == 1
    assert f"{file}:{line}:{col}: error: sentence (purposes[5].description) has" in out
    assert "RD002" in out
    assert f"{file}:{line}:{pursuant_col}: warning: \"pursuant to\" is legalese: write \"under\"" in out

    # json
    code, out = _fmt(capsys, path, "json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    hits = [f for f in data["findings"] if f["rule"] == "RD002"]
    assert hits and all((f["file"], f["line"], f["column"]) == (file, line, col) for f in hits)
    assert hits[0]["level"] == "error" and hits[0]["words"] > 25 and "Notwithstanding" in hits[0]["sentence"]
    legal = [f for f in data["findings"] if f["rule"] == "RD005" and f["phrase"].lower() == "pursuant to"]
    assert legal and (legal[0]["line"], legal[0]["column"]) == (line, pursuant_col)
    hedge = [f for f in data["findings"] if f["rule"] == "RD006" and f["phrase"] == "may" and f["line"] == line]
    assert hedge and hedge[0]["column"] == text_col(path, line, " may ") + 1

    # github
    code, out = _fmt(capsys, path, "github")
    assert code == 1
    esc = file.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert re.search(rf"^::error file={re.escape(esc)},line={line},col={col},title=RD002 long-hard-sentence::", out, re.M)
    assert f"::warning file={esc},line={line},col={pursuant_col}," in out

    # junit
    code, out = _fmt(capsys, path, "junit")
    assert code == 1
    root = ET.fromstring(out)
    cases = [c for c in root.iter("testcase") if c.get("classname") == "plainnotice.readability.RD002"]
    assert cases and cases[0].get("file") == file and cases[0].get("line") == str(line)
    assert cases[0].find("failure") is not None
    assert f"{file}:{line}:{col}" in cases[0].get("name")

    # sarif
    code, out = _fmt(capsys, path, "sarif")
    assert code == 1
    log = json.loads(out)
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "RD002"]
    assert results
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == file
    assert loc["region"] == {"startLine": line, "startColumn": col}
    assert results[0]["level"] == "error"


def text_col(path: Path, line: int, needle: str) -> int:
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(needle) + 1


def test_second_sentence_of_a_field_gets_its_own_column(tmp_path, capsys):
    text = INVENTORY.read_text(encoding="utf-8")
    old = "    description: If you sign up, we email you offers from salons near you.\n"
    assert old in text
    text = text.replace(old, f"    description: If you sign up, we email you offers. {LEGALESE}\n")
    path = tmp_path / "data_inventory.yml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "we email you offers. Notwithstanding" in l)
    col = text.splitlines()[line - 1].index("Notwithstanding") + 1
    code, out = run(capsys, "check", "-i", str(path), "--format", "json")
    assert code == 1
    hits = [f for f in json.loads(out)["findings"] if f["rule"] == "RD002"]
    assert hits and {(f["line"], f["column"]) for f in hits} == {(line, col)}


def test_sentence_in_a_quoted_multiline_value_is_found(tmp_path, capsys):
    text = INVENTORY.read_text(encoding="utf-8")
    old = "    description: We keep payment records for tax and accounting.\n"
    assert old in text
    words = LEGALESE.split()
    folded = "    description: >-\n      " + " ".join(words[:20]) + "\n      " + " ".join(words[20:]) + "\n"
    text = text.replace(old, folded)
    path = tmp_path / "data_inventory.yml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.strip().startswith("Notwithstanding"))
    code, out = run(capsys, "check", "-i", str(path), "--format", "json")
    hits = [f for f in json.loads(out)["findings"] if f["rule"] == "RD002"]
    assert hits and (hits[0]["line"], hits[0]["column"]) == (line, 7)
    legal = [f for f in json.loads(out)["findings"] if f["rule"] == "RD005" and f["phrase"].lower() == "utilization"]
    assert legal and legal[0]["line"] == line + 1


def test_sentence_from_a_template_points_at_the_template_line(tmp_path, capsys):
    shutil.copy(INVENTORY, tmp_path / "data_inventory.yml")
    templates = tmp_path / "templates"
    templates.mkdir()
    source = (PACKAGE_TEMPLATES / "en" / "index.md.j2").read_text(encoding="utf-8")
    source = source.rstrip("\n") + "\n\n" + "{# our addition #}\n" + "Please note that " + LEGALESE[0].lower() + LEGALESE[1:] + "\n"
    (templates / "index.md.j2").write_text(source, encoding="utf-8")
    line = source.count("\n")  # the last line
    code, out = run(capsys, "check", "-i", str(tmp_path / "data_inventory.yml"), "--format", "json")
    assert code == 1
    hits = [f for f in json.loads(out)["findings"] if f["rule"] == "RD002" and f["layer"] == "summary"]
    assert hits
    assert Path(hits[0]["file"]).resolve() == (templates / "index.md.j2").resolve()
    assert (hits[0]["line"], hits[0]["column"]) == (line, 1)
    assert hits[0]["field"] == ""


# --- hand-built pages ---------------------------------------------------------------------------


def _result(markdown: str, spans=(), templates=None, layer="full") -> RenderResult:
    page = Page(path="notice.md", title="T", markdown=markdown, layer=layer, spans=list(spans), template="notice.md.j2")
    return RenderResult(pages={"notice.md": page}, templates=templates or {})


def test_the_statutes_own_long_term_is_not_a_long_sentence_of_the_company():
    """Review 7 A row 9: "Kind: Account log-in, financial account, debit card, or credit card number in
    combination with ..." is 1798.140(ae)(1)(B)'s own term, which the notice must use (7011(e)(1)(A)).
    It counted as a 38-word sentence of the company's (RD003, pointing at its inventory line) that
    the company could not split. The statute's words count as one word, as for the hard-sentence rule."""
    from conftest import FIXTURES, variant
    from generator.inventory.load import load_text
    from generator.inventory.parse import parse
    from generator.notice.render import render

    inv = parse(load_text(variant(("    ccpa_sensitive: government_id\n", "    ccpa_sensitive: account_access\n"), base=FIXTURES / "us_saas.yml"), "inv.yml"))
    result = render(inv)
    assert "financial account, debit card, or credit card number" in result.pages["notice.md"].markdown
    long_or_hard = [f for f in check(result, inv).findings if f.rule in ("RD002", "RD003", "RD004")]
    assert not [f for f in long_or_hard if (f.detail.field or "").endswith("ccpa_sensitive")], [f.message for f in long_or_hard]


def test_no_plain_word_that_changes_the_meaning():
    """Review 7: "employ" -> "use" turns "cannot legally employ you" into "use you", and "give a
    reference" is not "refer". Neither is suggested; a real one still is."""
    md = "# Notice\n\nThe employer cannot legally employ you without it.\n\nYour referees give a reference.\n\nWe make a decision in a week.\n"
    found = {(f.rule, f.detail.phrase.lower()) for f in check(_result(md)).findings if f.rule in ("RD005", "RD008")}
    assert found == {("RD008", "make a decision")}


def test_rules_on_hand_built_page():
    md = (
        "# Notice\n\n"
        "We may share some data with partners.\n\n"
        "Your data is shared with our partners.\n\n"
        "We make a decision within 30 days.\n\n"
        "We utilize cookies prior to login.\n"
    )
    tpl = TemplateSource("notice.md.j2", "templates/notice.md.j2", md.replace("30", "{{ days }}"))
    report = check(_result(md, templates={"notice.md.j2": tpl}))
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert {f.detail.phrase for f in by_rule["RD006"]} == {"may", "some"}
    assert by_rule["RD007"][0].detail.phrase == "is shared"
    assert by_rule["RD008"][0].detail.phrase == "make a decision" and by_rule["RD008"][0].detail.suggestion == "decide"
    assert {f.detail.phrase.lower() for f in by_rule["RD005"]} == {"utilize", "prior to"}
    # template locations: file:line of the sentence's literal words
    assert by_rule["RD007"][0].loc == Loc("templates/notice.md.j2", 5, 1)
    assert by_rule["RD008"][0].loc.line == 7
    assert all(f.level == "warning" for f in report.findings)
    assert report.ok
    strict = check(_result(md, templates={"notice.md.j2": tpl}), strict=True)
    assert not strict.ok and all(f.level == "error" for f in strict.findings)


def test_may_as_a_month_is_not_a_hedge():
    report = check(_result("# N\n\nWe changed this notice on 10 May 2026. Our office opens in May 2027.\n"))
    assert not [f for f in report.findings if f.rule == "RD006"]


def test_words_in_urls_and_code_are_not_findings():
    md = "# N\n\nSee <https://example.com/may/utilize/pursuant-to> and `may_utilize` today.\n"
    report = check(_result(md))
    assert not [f for f in report.findings if f.rule in ("RD005", "RD006")]


def test_span_maps_sentence_to_inventory_location(tmp_path):
    inv_file = tmp_path / "inv.yml"
    inv_file.write_text("purposes:\n  - description: We may sell data to brokers.\n", encoding="utf-8")
    md = "# N\n\nWhy: We may sell data to brokers.\n"
    start = md.index("We may")
    span = Span(start, start + len("We may sell data to brokers."), Loc(str(inv_file), 2, 18), "purposes[0].description")
    report = check(_result(md, [span]))
    hedge = next(f for f in report.findings if f.rule == "RD006")
    assert hedge.loc == Loc(str(inv_file), 2, 21)
    assert hedge.detail.field == "purposes[0].description"


def test_long_but_easy_sentence_is_only_a_warning():
    long_easy = " ".join(["We keep it and you can see it"] * 4) + "."
    report = check(_result(f"# N\n\n{long_easy}\n"))
    rules = {f.rule: f.level for f in report.findings}
    assert rules.get("RD003") == "warning" and "RD002" not in rules
    assert report.ok


# --- formats ----------------------------------------------------------------------------------


def test_github_escaping():
    from generator.errors import Finding
    from generator.readability.formats import gh_escape_data, gh_escape_property, github_annotation

    assert gh_escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert gh_escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    f = Finding("RD005", "warning", "50% of \"x, y: z\"\nline two", Loc("dir,1/inv:a.yml", 3, 4), "fix it")
    line = github_annotation(f)
    assert line.startswith("::warning file=dir%2C1/inv%3Aa.yml,line=3,col=4,title=RD005 ::")
    assert "\n" not in line and "50%25 of \"x, y: z\"%0Aline two%0Afix: fix it" in line


def _validate_sarif(text: str) -> None:
    """Validate with jsonschema (the system Python has it; the project venv need not)."""
    code = (
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "jsonschema.Draft7Validator.check_schema(schema)\n"
        "jsonschema.validate(json.loads(sys.stdin.read()), schema, cls=jsonschema.Draft7Validator)\n"
    )
    for python in ("python3", sys.executable):
        exe = shutil.which(python) or python
        probe = subprocess.run([exe, "-c", "import jsonschema"], capture_output=True)
        if probe.returncode == 0:
            proc = subprocess.run([exe, "-c", code, str(SARIF_SCHEMA)], input=text, capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr
            return
    pytest.skip("jsonschema is not installed")


def test_sarif_is_valid_and_rule_ids_are_stable(reference, legalese_inventory):
    inv, result = reference
    text = format_check(check(result, inv, max_grade=3), "sarif")
    _validate_sarif(text)
    log = json.loads(text)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [f"RD00{i}" for i in range(1, 10)]
    for res in log["runs"][0]["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    # the schema catches a broken log (so the check above means something)
    broken = json.loads(text)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        _validate_sarif(json.dumps(broken))


def test_junit_is_valid_xml_with_counts(reference):
    inv, result = reference
    report = check(result, inv, max_grade=3)
    root = ET.fromstring(format_check(report, "junit"))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None) == len(report.errors) + 2


def test_text_and_json_formats(reference):
    inv, result = reference
    report = check(result, inv)
    text = format_check(report, "text")
    assert "Flesch-Kincaid grade" in text and "238 wpm" in text
    data = json.loads(format_check(report, "json"))
    assert data["ok"] is True and data["layers"]["summary"]["passed"] is True
    assert data["layers"]["full"]["sections"][0]["title"]


# --- plainnotice score ------------------------------------------------------------------------


def test_score_any_file(tmp_path, capsys):
    md = tmp_path / "policy.md"
    md.write_text("# Policy\n\nWe collect your name. We keep it for a year.\n", encoding="utf-8")
    html = tmp_path / "policy.html"
    html.write_text("<html><body><h1>Policy</h1><p>We collect your name. We keep it for a year.</p></body></html>", encoding="utf-8")
    txt = tmp_path / "policy.txt"
    txt.write_text("Policy\n\nWe collect your name. We keep it for a year.\n", encoding="utf-8")
    code, out = run(capsys, "score", str(md), str(html), str(txt), "--format", "json")
    assert code == 0
    files = json.loads(out)["files"]
    assert [f["format"] for f in files] == ["markdown", "html", "text"]
    # the same visible text gives the same scores whatever the format
    assert files[0]["flesch_kincaid_grade"] == files[1]["flesch_kincaid_grade"] == files[2]["flesch_kincaid_grade"]
    # the heading is read (reading time) but not scored
    assert (files[0]["sentences"], files[0]["scored_words"], files[0]["words"]) == (2, 10, 11)
    code, out = run(capsys, "score", str(md))
    assert code == 0 and "Flesch-Kincaid grade" in out


def test_score_reads_utf16_with_bom(tmp_path, capsys):
    # Windows tools export UTF-16 with a byte-order mark; it holds NUL bytes but is text
    utf8 = tmp_path / "a.txt"
    utf8.write_text("We collect your name. We keep it for a year.\n", encoding="utf-8")
    utf16 = tmp_path / "b.txt"
    utf16.write_bytes("We collect your name. We keep it for a year.\n".encode("utf-16"))
    code, out = run(capsys, "score", str(utf8), str(utf16), "--format", "json")
    assert code == 0
    a, b = json.loads(out)["files"]
    assert (b["words"], b["sentences"]) == (a["words"], a["sentences"]) == (10, 2)
    assert b["flesch_kincaid_grade"] == a["flesch_kincaid_grade"]


def test_score_bad_input(tmp_path, capsys):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["score", str(tmp_path / "missing.md")]) == 2
    assert main(["score", str(binary)]) == 2
    assert main(["score", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "file not found" in err and "binary" in err


def test_a_legal_name_counts_as_one_easy_word_in_the_hard_sentence_rule():
    """The profile's readability.legal_names (a regulator, a law, a defined term) are names no plainer
    word can replace: a sentence hard only because of one is not flagged; the same sentence with an
    ordinary long phrase in its place is."""
    from generator.inventory.parse import load_inventory
    from generator.notice.profile import load_profile
    from generator.notice.render import render
    from generator.readability.gate import check
    from conftest import REFERENCE

    assert "Information Commissioner's Office" in load_profile("en").legal_names
    inv = load_inventory(REFERENCE)
    named = "The Information Commissioner's Office (ICO) is the UK regulator for data protection."
    other = "The Organisational Infrastructure Administrator (OIA) is the UK regulator for data protection."

    def flagged(sentence: str) -> bool:
        result = render(inv)
        page = result.pages["notice.md"]
        page.markdown = page.markdown + "\n" + sentence + "\n"
        return any(f.rule == "RD004" and sentence[:40] in f.message for f in check(result, inv).findings)

    assert not flagged(named)
    assert flagged(other)

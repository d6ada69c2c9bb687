"""Values that passed ``validate`` and then crashed or misled (issue 9, item 4), and output escaped
for where it goes (item 7). The exact messages of the rejected values are rows of
tests/test_model_errors.py (``lone_surrogate``, ``bidi_isolate``, ``id_trailing_newline`` ...);
here: the commands end to end, what stays allowed, the warning for a domain that mixes scripts,
and the GitHub, terminal, JUnit and SARIF outputs.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import REFERENCE, variant
from generator.cli import main
from generator.errors import Finding, Loc, printable
from generator.inventory.load import load_text
from generator.inventory.parse import parse
from generator.notice.render import render
from generator.notice.templates import default_templates
from generator.readability.formats import check_github, sarif_uri
from generator.readability.gate import check
from generator.rules import check_completeness

AFTER = "after: you close your account"


def write(tmp_path, *edits, name="data_inventory.yml"):
    path = tmp_path / name
    path.write_text(variant(*edits), encoding="utf-8")
    return path


# -- values that passed validate and crashed later: now exit 2 from validate and check ------------


@pytest.mark.parametrize(
    "edit,message",
    [
        ((AFTER, 'after: "you close \\ud800"'), "the text contains U+D800, half of a UTF-16 surrogate pair"),
        (("period: 2 years, " + AFTER, "period: " + "9" * 5000 + " years, " + AFTER), "is longer than 1,000 years"),
    ],
    ids=["lone_surrogate", "period_of_5000_digits"],
)
@pytest.mark.parametrize("command", ["validate", "check", "render"])
def test_values_that_crashed_later_are_input_errors(tmp_path, capsys, edit, message, command):
    path = write(tmp_path, edit)
    args = [command, str(path)] + (["--out", str(tmp_path / "out")] if command == "render" else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{path}:48:" in err and message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


# -- values that passed and misled -----------------------------------------------------------------


def test_an_id_with_a_trailing_newline_is_refused(tmp_path, capsys):
    """'contact\\n' passed the id pattern (``$`` matches before a final newline) and made a second #data-contact."""
    path = write(tmp_path, ("  - id: contact\n", '  - id: "contact\\n"\n'))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:41:9: error: 'contact\\n' is not a valid id" in err  # the newline is shown, not printed


def test_a_name_of_only_zero_width_spaces_is_empty(tmp_path, capsys):
    """'We are  (...)': a required name satisfied by U+200B alone."""
    path = write(tmp_path, ("  name: Fernway\n", '  name: "\\u200b\\u200b"\n'))
    assert main(["validate", str(path)]) == 2
    assert "organization.name: the text has only invisible characters (U+200B)" in capsys.readouterr().err


def test_bidi_isolates_cannot_reorder_a_sentence(tmp_path, capsys):
    """"We do not sell your data to advertisers." displayed, while the text said the opposite."""
    old = "    if_not_provided: We cannot create your account or confirm your bookings.\n"
    new = "    if_not_provided: We \u2067.srednevda ot atad ruoy lles\u2069 do sell.\n"
    path = write(tmp_path, (old, new))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:47:25: error: the text contains the bidirectional control U+2067 (RIGHT-TO-LEFT ISOLATE)" in err
    assert "\u2067" not in err


def test_joiners_inside_words_and_flag_emoji_stay(tmp_path):
    """ZWJ and ZWNJ are parts of words (emoji sequences, Persian); a flag emoji is made of tag characters."""
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # mi-khaham: ZWNJ inside the word
    england = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
    text = variant((AFTER, f"after: you close your account {family} {persian} {england}"))
    inv = parse(load_text(text, "inv.yml"))
    assert family in str(inv.data[0].retention.after)
    pages = render(inv, default_templates(REFERENCE, None)).pages
    shown = "".join(p.markdown for p in pages.values())
    assert family in shown and persian in shown and england in shown


def test_cookie_twins_are_duplicates(tmp_path, capsys):
    """'café' written as NFC and as NFD, or 'sid' and 'sid' + U+200B, dodged the duplicate-cookie check."""
    path = write(tmp_path, ("  - name: fw_session\n", '  - name: "caf\\u00e9"\n'), ("  - name: fw_consent\n", '  - name: "cafe\\u0301"\n'))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:277:11: error: cookie 'cafe\u0301' is listed twice (first at line 272, written differently" in err


def test_a_url_with_userinfo_is_refused(tmp_path, capsys):
    """'https://good.example@evil.example/' was shown as "our online form" and went to evil.example."""
    path = write(tmp_path, ("  website: https://fernway.example\n", "  website: https://fernway.example@evil.example/\n"))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:15:12: error: 'https://fernway.example@evil.example/' has 'fernway.example@' before the host: a browser opens evil.example" in err
    assert "fix: remove 'fernway.example@'" in err


def test_a_domain_mixing_scripts_is_a_warning(tmp_path, capsys):
    cyrillic_a = "\u0430"
    path = write(tmp_path, ("  website: https://fernway.example\n", f"  website: https://fernw{cyrillic_a}y.example\n"))
    assert main(["validate", str(path)]) == 0  # a warning: only the author knows whether it is right
    out = capsys.readouterr().out
    assert (
        f"{path}:15:20: warning: the domain 'fernw{cyrillic_a}y.example' in organization.website mixes Cyrillic and Latin "
        f"letters ('fernw{cyrillic_a}y'): it can pass for another domain [Unicode TS #39]"
    ) in out
    # the same in its xn-- form, inside an e-mail address
    puny = f"fernw{cyrillic_a}y".encode("idna").decode()
    inv = parse(load_text(variant(("contact_email: privacy@fernway.example", f"contact_email: privacy@{puny}.example")), "inv.yml"))
    (w,) = [f for f in check_completeness(inv) if f.rule == "inventory.mixed-script-domain"]
    assert w.level == "warning" and w.loc == Loc("inv.yml", 16, 26)
    # Japanese with Latin is one writing system, not a mix; plain domains are fine
    japanese = "\u30d5\u30a7\u30eb\u30f3way".encode("idna").decode()
    ok = parse(load_text(variant(("  website: https://fernway.example", f"  website: https://{japanese}.example")), "inv.yml"))
    assert not [f for f in check_completeness(ok) if f.rule.startswith("inventory.")]


# -- outputs escaped for where they go (item 7) -----------------------------------------------------

INJECTED = "inv\n::error file=x.yml,line=1::pwned\x1b[2J ##[set-output name=x]y.yml"


def _report(file: str = INJECTED):
    inv = parse(load_text(REFERENCE.read_text(encoding="utf-8"), file))
    return check(render(inv, default_templates(REFERENCE, None)), inv, max_grade=5)


def test_github_format_cannot_be_injected():
    """An inventory path with '\\n::error ...' injected workflow commands through the trailing summary."""
    out = check_github(_report())
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].split("::")[2]
    assert re.fullmatch(r"plainnotice-[0-9a-f]{32}", token)
    assert lines[-1] == f"::{token}::"
    # before the summary: our annotations only, one line each; in it, no line the runner would read
    ours = [line for line in lines[:start] if "%3A%3Apwned" in line]
    assert ours
    for line in lines[:start]:
        assert re.match(r"::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=RD00\d [a-z-]+::", line), line
    for line in lines[start + 1 : -1]:
        assert f"::{token}::" not in line
        assert not line.lstrip().startswith("::")  # a path that starts a line is escaped anyway
    assert "\x1b" not in out
    assert "inv\\n::error file=x.yml,line=1::pwned\\x1b[2J" in out


def test_terminal_output_has_no_control_characters(tmp_path, capsys):
    name = "inv\x1b[31mred\x07.yml"
    path = tmp_path / name
    path.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["check", str(path), "--max-grade", "5"], ["validate", str(path)], ["score", str(path)]):
        main(args)
        captured = capsys.readouterr()
        both = captured.out + captured.err
        assert "\x1b" not in both and "\x07" not in both, args
        assert "inv\\x1b[31mred\\x07.yml" in both, args
    assert printable("a\u202eb\r\nc\ud800") == "a\\u202eb\\r\\nc\\ud800"


def test_junit_stays_well_formed():
    from generator.readability.formats import check_junit

    root = ET.fromstring(check_junit(_report()))  # raises on ill-formed XML
    files = {c.get("file") for c in root.iter("testcase") if c.get("file")}
    assert files and all("\x1b" not in f for f in files)


def test_sarif_uris_are_percent_encoded():
    assert sarif_uri("data_inventory.yml") == "data_inventory.yml"
    assert sarif_uri("my notice/inv #1?.yml") == "my%20notice/inv%20%231%3F.yml"
    assert sarif_uri("dir\\caf\u00e9.yml") == "dir/caf%C3%A9.yml"
    assert sarif_uri("c:x.yml") == "c%3Ax.yml"  # not a scheme
    assert sarif_uri("//host/share.yml") == "/%2Fhost/share.yml"  # not an authority
    from generator.readability.formats import check_sarif

    log = json.loads(check_sarif(_report("my notice/inv #1.yml")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "my%20notice/inv%20%231.yml" in uris


def test_printable_leaves_text_alone():
    assert printable("Fernway, Lda. — 30 días · \U0001F600") == "Fernway, Lda. — 30 días · \U0001F600"
    f = Finding("X", "warning", "two\nlines", Loc("a\nb.yml", 1, 2), "fix\x1b")
    assert str(f) == "a\\nb.yml:1:2: warning: two\\nlines\n  fix: fix\\x1b"

"""Rendering is bounded and stays inside its folder (issue 9, items 3 and 8), and a user
template that misuses one of our filters gets a template error, not a traceback.

Each hostile override is a clean InputError naming the template file and line, in well under a
second; on main they ran for minutes, took all memory or ended in a traceback (exit 1)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import jinja2
import pytest

from conftest import REFERENCE
from generator.cli import main
from generator.errors import InputError
from generator.inventory.parse import load_inventory
from generator.notice.filters import FILTERS
from generator.notice.grammar import Grammar
from generator.notice.profile import load_profile
from generator.notice.render import _raised_by_our_code, render
from generator.notice.sandbox import make_environment
from generator.notice.templates import TemplateLoader
from generator.notice.values import Values


@pytest.fixture(scope="module")
def inv():
    return load_inventory(REFERENCE)


def _render_error(inv, tmp_path: Path, body: str, name: str = "changes.md.j2") -> tuple[str, float]:
    (tmp_path / name).write_text(body, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(InputError) as err:
        render(inv, tmp_path)
    problem = err.value.problems[0]
    return str(problem), time.monotonic() - start


HOSTILE = [
    ("range over the sandbox's limit", "{% for i in range(200000) %}x{% endfor %}", "range() is given the number 200,000"),
    ("nested ranges", "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "range() calls together ask for more than 1,000,000 steps"),
    ("macro recursion", "{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", "calls itself without end"),
    ("include recursion", '{% include "changes.md.j2" %}', "calls itself without end"),
    ("string repetition", '{{ "a" * 10**10 }}', "makes more than 1,000,000 items"),
    ("list repetition", "{{ [1, 2] * 10**9 }}", "makes more than 1,000,000 items"),
    ("huge power", "{{ 10 ** 100000000 }}", "more than 100,000 bits"),
    ("printf width, filter", '{{ "%0999999999d"|format(1) }}', "asks for a width of 999,999,999"),
    ("printf width, operator", '{{ "%099999999d" % 1 }}', "asks for a width of 99,999,999"),
    ("str.format width", '{{ "{:99999999}".format(1) }}', "asks for a width of 99,999,999"),
    ("filter number", '{{ "x"|center(999999999) }}', "the filter 'center' is given the number 999,999,999"),
    ("method number", '{{ "x".ljust(999999999) }}', "ljust() is given the number 999,999,999"),
    ("lipsum", "{{ lipsum(10**8) }}", "is given the number 100,000,000"),
    ("output size", 'line 1\n{% for i in range(99999) %}{% for j in range(99) %}{{ "y" * 9999 }}{% endfor %}{% endfor %}', "grows over 16 MiB here"),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_template_is_a_clean_error_naming_file_and_line(inv, tmp_path, case):
    _, body, words = case
    message, seconds = _render_error(inv, tmp_path, body)
    assert words in message, message
    last_line = body.count("\n") + 1
    assert any(f"{tmp_path / 'changes.md.j2'}:{n}: error:" in message for n in range(1, last_line + 1)), message
    assert seconds < 30


def test_a_deep_error_names_the_included_template(inv, tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "loop.md.j2").write_text("ok\n{{ 'z' * 10**8 }}\n", encoding="utf-8")
    message, _ = _render_error(inv, tmp_path, 'head\n{% include "partials/loop.md.j2" %}\n')
    assert f"{tmp_path / 'partials' / 'loop.md.j2'}:2: error:" in message


def test_the_cli_reports_template_recursion_with_exit_2(tmp_path, capsys):
    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "cookies.md.j2").write_text("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", encoding="utf-8")
    assert main(["render", "-i", str(tmp_path / "data_inventory.yml"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "cookies.md.j2:1: error: the template calls itself without end" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------------
# Templates stay inside their folder
# --------------------------------------------------------------------------------------------


def test_a_symlink_out_of_the_templates_folder_is_refused(inv, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    user = tmp_path / "templates"
    user.mkdir()
    os.symlink(secret, user / "cookies.md.j2")
    with pytest.raises(InputError) as err:
        render(inv, user)
    assert "cookies.md.j2: error: the template is a symbolic link to" in str(err.value) and str(secret) in str(err.value)
    # an include of a linked file, and a linked language folder
    (user / "cookies.md.j2").unlink()
    os.symlink(secret, user / "leak.txt")
    (user / "changes.md.j2").write_text('{% include "leak.txt" %}', encoding="utf-8")
    with pytest.raises(InputError, match="leak.txt: error: the template is a symbolic link"):
        render(inv, user)
    (user / "changes.md.j2").unlink()
    (user / "leak.txt").unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "changes.md.j2").write_text("# from outside\n", encoding="utf-8")
    os.symlink(outside, user / "en")
    with pytest.raises(InputError, match="outside the templates folder"):
        render(inv, user)


def test_links_inside_the_folder_and_a_linked_folder_itself_are_fine(inv, tmp_path):
    real = tmp_path / "shared"
    real.mkdir()
    (real / "base.md.j2").write_text("# Changes, shared\n", encoding="utf-8")
    os.symlink("base.md.j2", real / "changes.md.j2")
    os.symlink(real, tmp_path / "templates")  # the folder you chose may itself be a link
    assert render(inv, tmp_path / "templates").pages["changes.md"].markdown == "# Changes, shared\n"


# --------------------------------------------------------------------------------------------
# Our filters check what they are given
# --------------------------------------------------------------------------------------------


def test_a_misused_filter_is_a_template_error_with_exit_2(tmp_path, capsys):
    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    (tmp_path / "templates").mkdir()
    for body, words in [
        ('# x\n{{ "x"|date }}', "the filter 'date' takes a date, not the text 'x'"),
        ("# x\n{{ inv.notice.effective_date|date(5) }}", "the filter 'date' takes \"iso\" or the 12 month names as its argument, not the number 5"),
        ("# x\n{{ 5|andjoin }}", "the filter 'andjoin' takes a list, not the number 5"),
        ("# x\n{{ inv.purposes[0]|ccpa_name }}", "the filter 'ccpa_name' takes a data entry"),
        ('# x\n{{ "a"|anchor(5) }}', "the filter 'anchor' takes text as its prefix, not the number 5"),
    ]:
        (tmp_path / "templates" / "changes.md.j2").write_text(body, encoding="utf-8")
        capsys.readouterr()
        assert main(["render", "-i", str(tmp_path / "data_inventory.yml"), "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert f"changes.md.j2:2: error: {words}" in err, err
        assert "Traceback" not in err


VALUES = ["x", "", 5, 2.5, True, None, [1, "a"], {"a": 1}, dt.date(2026, 1, 1)]
ARGS = [(), (5,), ("x",), ([1],), (None,), ({"a": 1},), (["m"] * 12,), (["m"] * 3,), (1, 2, 3)]


def test_no_wrong_argument_to_one_of_our_filters_is_a_bug(inv):
    """Every filter of ours, every kind of value, every kind of argument: it works, or it is an
    error the renderer reports as a template error (a Jinja TemplateError such as
    FilterArgumentError, or an error raised outside plainnotice's code) -- never another
    exception from our own code, which is a traceback."""
    env = make_environment(TemplateLoader([]), Values(inv, "en"), Grammar(load_profile("en", None)))
    models = [inv.purposes[0], inv.data[0], inv.organization, inv.notice.effective_date]
    bugs = []
    for name in FILTERS:
        func = env.filters[name]
        pass_env = getattr(func, "jinja_pass_arg", None) is not None
        for value in VALUES + models:
            for args in ARGS:
                try:
                    func(*([env] if pass_env else []), value, *args)
                except Exception as exc:  # noqa: BLE001 -- classifying is the point
                    if _raised_by_our_code(exc) and not isinstance(exc, jinja2.TemplateError):
                        bugs.append(f"{name}({value!r:.30}, {args!r:.30}): {type(exc).__name__}: {exc}")
    assert bugs == []


@pytest.mark.parametrize(
    "expr, expected",
    [
        ('inv.organization.name|replace("e", "3")', lambda n: n.replace("e", "3")),
        ("inv.organization.name|truncate(4, true, '', 0)", lambda n: n[:4]),
        ("inv.organization.name|wordwrap(3)", None),
        ("inv.organization.name|upper", lambda n: n.upper()),
        ("inv.organization.name|center(40)", lambda n: n.center(40)),
    ],
)
def test_string_filters_work_on_inventory_text_and_keep_its_origin(inv, tmp_path, expr, expected):
    """replace, truncate and wordwrap take Jinja's context first: wrapped to keep the inventory
    origin, they once raised TypeError ("a bug") from any template that used them."""
    (tmp_path / "changes.md.j2").write_text("{{ " + expr + " }}\n", encoding="utf-8")
    page = render(inv, tmp_path).pages["changes.md"]
    name = str(inv.organization.name)
    if expected is not None:
        assert page.markdown.strip() == expected(name).strip()
    assert [s.field for s in page.spans] == ["organization.name"]  # still mapped to its inventory line

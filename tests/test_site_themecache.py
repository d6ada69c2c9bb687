"""Compiled templates kept between runs. The theme's (generator/site/themecache.py): the same site
comes out, the second build compiles nothing, and a cache that cannot be used changes nothing. The
notice templates' (generator/notice/sandbox.py): a damaged file is compiled again, not a crash."""

from __future__ import annotations

import jinja2
import pytest

from test_site import build, contents, project
from generator.site.themecache import ThemeBytecodeCache, add_theme_cache, fingerprint


@pytest.fixture
def counted(monkeypatch):
    """Counts every template Jinja compiles from source (theme and notice templates alike)."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return names


def test_second_build_compiles_nothing_and_builds_the_same_site(tmp_path, monkeypatch, counted):
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(tmp_path / "cache"))
    proj = project(tmp_path / "proj")
    assert build(proj, tmp_path / "site1") == 0
    assert "main.html" in counted and "base.html" in counted  # the first build compiles the theme
    assert sorted((tmp_path / "cache" / "jinja-theme").glob("mk-*.cache"))
    counted.clear()
    assert build(proj, tmp_path / "site2") == 0
    assert counted == []
    first, second = contents(tmp_path / "site1"), contents(tmp_path / "site2")
    first.pop(".plainnotice-site", None), second.pop(".plainnotice-site", None)
    assert first == second


def test_damaged_or_unwritable_cache_builds_the_same_site(tmp_path, monkeypatch, counted):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(cache))
    proj = project(tmp_path / "proj")
    assert build(proj, tmp_path / "site1") == 0
    files = sorted((cache / "jinja-theme").glob("mk-*.cache"))
    for f in files:
        f.write_bytes(f.read_bytes()[:40])  # cut short: the magic header survives, the code does not
    counted.clear()
    assert build(proj, tmp_path / "site2") == 0
    assert "main.html" in counted  # compiled again from source
    for f in (cache / "jinja-theme").iterdir():
        f.unlink()
    (cache / "jinja-theme").rmdir()
    (cache / "jinja-theme").write_text("not a folder")  # no cache can be made (also when run as root)
    counted.clear()
    assert build(proj, tmp_path / "site3") == 0
    assert "main.html" in counted
    expected = contents(tmp_path / "site1")
    for site in ("site2", "site3"):
        assert contents(tmp_path / site).keys() == expected.keys()
        assert all(contents(tmp_path / site)[k] == v for k, v in expected.items() if not k.startswith(".plainnotice"))


def _env(**kw):
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ x|up }}"}), **kw)
    env.filters["up"] = str.upper
    return env


def test_fingerprint_follows_what_changes_compiled_code():
    base = fingerprint(_env())
    assert fingerprint(_env()) == base
    assert fingerprint(_env(trim_blocks=True)) != base
    assert fingerprint(_env(autoescape=True)) != base
    assert fingerprint(_env(extensions=["jinja2.ext.i18n"])) != base
    env = _env()
    env.filters["up"] = jinja2.pass_context(lambda ctx, v: str(v).upper())  # same name, called differently
    assert fingerprint(env) != base
    env = _env()
    env.filters["new"] = str.lower
    assert fingerprint(env) != base


def test_a_changed_environment_does_not_reuse_code(tmp_path):
    """Two environments that compile differently never share a cache entry, even in one folder."""
    a, b = _env(), _env()
    b.filters["up"] = jinja2.pass_context(lambda ctx, v: str(v).upper() + "!")
    for env in (a, b):
        env.bytecode_cache = ThemeBytecodeCache(env, str(tmp_path))
    assert a.get_template("t.html").render(x="hi") == "HI"
    assert b.get_template("t.html").render(x="hi") == "HI!"
    assert len(list(tmp_path.glob("mk-*.cache"))) == 2


def test_an_environment_with_its_own_cache_keeps_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(tmp_path / "cache"))
    own = jinja2.FileSystemBytecodeCache(str(tmp_path))
    env = _env(bytecode_cache=own)
    assert add_theme_cache(env).bytecode_cache is own
    assert isinstance(add_theme_cache(_env()).bytecode_cache, ThemeBytecodeCache)


def test_damaged_notice_template_cache_is_compiled_again(tmp_path, monkeypatch, capsys):
    """The notice templates' cache (generator/notice/sandbox.py) too: a file cut short is not a crash."""
    from conftest import REFERENCE
    from generator.cli import main

    cache = tmp_path / "cache"
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(cache))
    out = tmp_path / "a"
    assert main(["render", "-i", str(REFERENCE), "--out", str(out)]) == 0
    files = sorted(cache.glob("jinja/*/pn-*.cache"))
    assert files
    for f in files:
        f.write_bytes(f.read_bytes()[:40])
    again = tmp_path / "b"
    assert main(["render", "-i", str(REFERENCE), "--out", str(again)]) == 0
    assert contents(out) == contents(again)
    assert all(f.stat().st_size > 40 for f in files)  # written again, whole

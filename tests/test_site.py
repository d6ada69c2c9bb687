"""plainnotice build / init and the MkDocs plugin: reproducible, atomic, same pages on both paths."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO, variant
from generator.cli import main
from generator.site.folders import SITE_MARKER
from generator.site.swap import LOCK_NAME

PY = sys.executable


def project(tmp: Path, inventory_text: str | None = None) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    inv = inventory_text if inventory_text is not None else REFERENCE.read_text(encoding="utf-8")
    (tmp / "data_inventory.yml").write_text(inv, encoding="utf-8")
    shutil.copytree(REPO / "site_overrides", tmp / "site_overrides", dirs_exist_ok=True)
    return tmp


def build(proj: Path, site: Path | None = None, inventory: Path | None = None) -> int:
    args = ["build", "-i", str(inventory or proj / "data_inventory.yml"), "-f", str(proj / "mkdocs.yml")]
    if site is not None:
        args += ["--site-dir", str(site)]
    return main(args)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder: relative path -> (sha256, mtime_ns). Equal snapshots = untouched."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[p.relative_to(folder).as_posix()] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
    return out


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    """Temporary folders left in ``parent`` (the lock file stays on purpose: it is empty and reused)."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".plainnotice-") and p.name != LOCK_NAME)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    proj = project(tmp_path_factory.mktemp("built"))
    assert build(proj) == 0
    return proj


# --------------------------------------------------------------------------------------------
# What the build produces
# --------------------------------------------------------------------------------------------


def test_build_writes_pages_exports_and_markdown(built):
    site = built / "site"
    for name in ("index.html", "notice.html", "cookies.html", "changes.html", "inventory.json", "dpv.jsonld", ".well-known/gpc.json"):
        assert (site / name).is_file(), name
    # the Markdown it built from is in docs_dir, for engines that read mkdocs.yml but run no plugins
    docs = built / "pages"
    assert (docs / "index.md").is_file() and (docs / "notice.md").is_file()
    assert (docs / ".well-known" / "gpc.json").read_bytes() == (site / ".well-known" / "gpc.json").read_bytes()
    assert leftovers(built) == []  # no temporary folders left behind


def test_gpc_well_known_resource(built):
    data = json.loads((built / "site" / ".well-known" / "gpc.json").read_text())
    assert data == {"gpc": True, "lastUpdate": "2026-11-01"}


def test_gpc_false_when_not_honored():
    from generator.notice import export
    from generator.inventory.parse import load_inventory

    inv = load_inventory(REFERENCE)
    inv.controls.global_privacy_control = False
    assert json.loads(export.files(inv)[".well-known/gpc.json"]) == {"gpc": False, "lastUpdate": "2026-11-01"}


def test_html_lang_and_no_external_references(built):
    for page in ("index.html", "notice.html", "cookies.html", "changes.html", "404.html"):
        html = (built / "site" / page).read_text(encoding="utf-8")
        assert '<html lang="en"' in html
        # nothing the browser loads by itself points to another host
        for tag in re.findall(r"<(?:link|script|img|iframe|source|video|audio)\b[^>]*>", html):
            for url in re.findall(r'(?:src|href)="([^"]*)"', tag):
                assert not re.match(r"(?i)^(https?:)?//", url), f"{page}: {tag}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert "bundle." not in html  # Material's JavaScript bundle is not loaded
    css = (built / "site" / "assets" / "plainnotice.css").read_text()
    assert "@import" not in css and "url(http" not in css


def test_summary_has_badge_label_and_timeline(built):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    badge = re.search(r'<p class="pn-badge">(.*?)</p>', html)
    assert badge and re.search(r"\d+ minutes? to read", badge.group(1))
    assert re.search(r"Reading level: grade \d+", badge.group(1))
    # the label is the at-a-glance table: one row and one retention bar per kind of data
    from generator.inventory.parse import load_inventory

    inv = load_inventory(REFERENCE)
    glance = html.split('id="at-a-glance"', 1)[1].split("</table>", 1)[0]
    assert glance.count("<tr>") == len(inv.data) + 1  # header row + one per data entry
    assert glance.count('class="pn-bar"') == len(inv.data)
    assert glance.count("pn-chip--sensitive") == sum(1 for d in inv.data if d.sensitive)
    # bars are drawn to scale: 7 years is the longest fixed period, 30 days is about 1/85 of it
    assert 'class="pn-bar__fill" x="0" y="1" width="100.0"' in glance
    assert "7 years after the payment" in html


def test_tables_are_focusable_regions(built):
    html = (built / "site" / "notice.html").read_text(encoding="utf-8")
    tables = html.count("<table")
    assert tables > 0
    assert len(re.findall(r'<div aria-label="Table: [^"]+" class="pn-table" role="region" tabindex="0">\s*<table', html)) == tables


# --------------------------------------------------------------------------------------------
# Reproducible
# --------------------------------------------------------------------------------------------


def test_rebuilds_are_byte_identical(tmp_path, built):
    proj = project(tmp_path / "p")
    assert build(proj, tmp_path / "a") == 0
    time.sleep(1.1)  # a clock-based date or gzip header would now differ
    assert build(proj, tmp_path / "b") == 0
    a, b = contents(tmp_path / "a"), contents(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []
    # and a third project folder elsewhere gives the same bytes too
    assert contents(built / "site") == a


def test_sitemap_dates_are_the_effective_date(tmp_path):
    proj = project(tmp_path)
    cfg = proj / "mkdocs.yml"
    cfg.write_text("site_url: https://privacy.example/\n" + cfg.read_text())
    assert build(proj) == 0
    site = proj / "site"
    xml = (site / "sitemap.xml").read_text()
    assert xml.count("<loc>https://privacy.example/") == 5  # the four pages and the California notice at collection
    dates = re.findall(r"<lastmod>([^<]+)</lastmod>", xml)
    assert len(dates) == 5 and set(dates) == {"2026-11-01"}
    raw = (site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(raw[4:8], "little")  # gzip header MTIME
    assert mtime == int(dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc).timestamp())
    assert gzip.decompress(raw).decode() == xml


# --------------------------------------------------------------------------------------------
# Atomic: failed and killed builds leave site/ as it was
# --------------------------------------------------------------------------------------------


def test_bad_inventory_leaves_site_and_docs_unchanged(tmp_path, capsys):
    proj = project(tmp_path)
    assert build(proj) == 0
    before, docs_before = snapshot(proj / "site"), snapshot(proj / "pages")
    bad = variant(("effective_date: 2026-11-01", "effective_date: soon"))
    (proj / "data_inventory.yml").write_text(bad)
    capsys.readouterr()
    assert build(proj) == 2
    err = capsys.readouterr().err
    assert re.search(r"data_inventory\.yml:\d+:\d+: error: .*effective_date", err)
    assert snapshot(proj / "site") == before
    assert snapshot(proj / "pages") == docs_before
    assert leftovers(proj) == []


def test_bad_mkdocs_config_is_reported_before_the_inventory_work(tmp_path, capsys):
    proj = project(tmp_path)
    (proj / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    capsys.readouterr()
    assert build(proj) == 2
    err = capsys.readouterr().err
    assert "cannot read the MkDocs config" in err and "mkdocs.yml" in err
    assert "warning" not in err  # validate/render/check did not run first
    assert not (proj / "site").exists() and not (proj / "pages").exists()


def test_error_finding_leaves_site_unchanged(tmp_path, capsys):
    proj = project(tmp_path)
    assert build(proj) == 0
    before = snapshot(proj / "site")
    # a summary target no text can meet: the readability gate fails with error findings
    text = variant(("summary: {metric: flesch_kincaid_grade, max: 8}", "summary: {metric: flesch_kincaid_grade, max: 0.5}"))
    (proj / "data_inventory.yml").write_text(text)
    assert build(proj) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert snapshot(proj / "site") == before


def test_killed_build_leaves_site_unchanged(tmp_path):
    proj = project(tmp_path)
    assert build(proj) == 0
    before = snapshot(proj / "site")
    # a different inventory, so a half-finished swap would show
    text = variant(("title: Fernway privacy notice", "title: Fernway notice, new"))
    (proj / "data_inventory.yml").write_text(text)
    env = dict(os.environ, PLAINNOTICE_TEST_PAUSE_IN_MKDOCS="30")
    proc = subprocess.Popen(
        [PY, "-m", "generator", "build", "-i", "data_inventory.yml", "-f", "mkdocs.yml"],
        cwd=proj, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # wait until MkDocs is writing pages into the temporary folder
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            tmps = [p for p in proj.glob(".plainnotice-build-*") if (p / "index.html").exists() or any(p.glob("*.html"))]
            if tmps:
                break
            assert proc.poll() is None, "the build ended before it could be killed"
            time.sleep(0.05)
        else:
            pytest.fail("the build never reached the MkDocs step")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(proj / "site") == before
    # the next build removes the dead build's temporary folder and succeeds
    assert build(proj) == 0
    assert leftovers(proj) == []
    assert "Fernway notice, new" in (proj / "site" / "index.html").read_text()


# --------------------------------------------------------------------------------------------
# Plugin and CLI give the same pages
# --------------------------------------------------------------------------------------------


def test_mkdocs_build_with_plugin_equals_cli_build(tmp_path):
    cli = project(tmp_path / "cli")
    assert build(cli) == 0
    plug = project(tmp_path / "plugin")
    (plug / "pages").mkdir()  # docs_dir exists but holds no rendered Markdown: the plugin renders
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], cwd=plug, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not (plug / "pages" / "index.md").exists()  # the plugin writes nothing to docs_dir
    a, b = contents(cli / "site"), contents(plug / "site")
    # the marker and list plainnotice build writes (mkdocs build keeps its own site_dir)
    assert a.pop(SITE_MARKER) and a.pop(SITE_MARKER + ".json")
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_plugin_reports_bad_inventory_with_location(tmp_path):
    bad = variant(("legal_basis: contract\n\n  - id: allergy_sharing", "legal_basis: contrac\n\n  - id: allergy_sharing"))
    proj = project(tmp_path, bad)
    (proj / "pages").mkdir()
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], cwd=proj, capture_output=True, text=True)
    assert r.returncode != 0
    assert re.search(r"data_inventory\.yml:\d+:\d+: error: 'contrac' is not an allowed value", r.stderr)
    assert "Traceback" not in r.stderr
    assert not (proj / "site").exists()


def test_plugin_warnings_go_to_its_mkdocs_logger_so_strict_stops_on_them(tmp_path):
    from generator.plugin import log

    assert log.logger.name == "mkdocs.plugins.plainnotice"
    proj = project(tmp_path)
    (proj / "pages").mkdir()
    r = subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"], cwd=proj, capture_output=True, text=True)
    # the reference has style warnings (plainnotice check lists them): --strict makes them stop the build
    assert re.search(r"WARNING\s+-\s+plainnotice: \d+ warnings? \(not blocking\); 'plainnotice check' lists them\.", r.stderr), r.stderr
    assert r.returncode != 0 and "in strict mode" in r.stdout + r.stderr


def test_plain_mkdocs_builds_from_written_markdown_without_plugin(built, tmp_path):
    """An engine that reads mkdocs.yml but runs no plugins: MkDocs with the plugin removed."""
    from generator.site.config import plugins_without_ours
    import yaml

    cfg = yaml.safe_load((built / "mkdocs.yml").read_text())
    assert any((p == "plainnotice" or (isinstance(p, dict) and "plainnotice" in p)) for p in cfg["plugins"])
    cfg["plugins"] = plugins_without_ours(cfg)
    (built / "mkdocs.noplugin.yml").write_text(yaml.safe_dump(cfg))
    r = subprocess.run(
        [PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.noplugin.yml", "-d", str(tmp_path / "out")],
        cwd=built, capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "out" / "notice.html").read_text()
    assert "Stripe Payments Europe Ltd" in html
    assert (tmp_path / "out" / ".well-known" / "gpc.json").is_file()  # exclude_docs lets it through


# --------------------------------------------------------------------------------------------
# init
# --------------------------------------------------------------------------------------------


def test_init_scaffolds_a_project_that_builds(tmp_path, capsys):
    target = tmp_path / "newco"
    assert main(["init", str(target)]) == 0
    for name in ("data_inventory.yml", "mkdocs.yml", "overrides", ".gitignore", "pages"):
        assert (target / name).exists(), name
    assert list((target / "overrides").glob("*.html")) == []  # empty overrides: the theme layer is in the package
    inv = (target / "data_inventory.yml").read_text()
    assert inv.count("\n#") >= 5  # an inventory with comments
    cwd = os.getcwd()
    try:
        os.chdir(target)
        assert main(["build"]) == 0
    finally:
        os.chdir(cwd)
    assert (target / "site" / "index.html").is_file()
    assert json.loads((target / "site/.well-known/gpc.json").read_text())["lastUpdate"] == "2026-01-15"
    # and through the plugin too
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "viaplugin")], cwd=target, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    capsys.readouterr()
    # init never overwrites
    before = snapshot(target)
    assert main(["init", str(target)]) == 2
    assert "does not overwrite" in capsys.readouterr().err
    assert snapshot(target) == before


# --------------------------------------------------------------------------------------------
# JSON-LD in DPV terms
# --------------------------------------------------------------------------------------------


def test_dpv_export(built):
    from generator.notice.export import DPV_RELEASE
    from generator.inventory.parse import load_inventory

    inv = load_inventory(REFERENCE)
    doc = json.loads((built / "site" / "dpv.jsonld").read_text())
    assert doc["@context"]["dpv"] == "https://w3id.org/dpv#"
    assert doc["dct:conformsTo"] == {"@id": DPV_RELEASE} and DPV_RELEASE.endswith("/2.1")
    nodes = {n["@id"]: n for n in doc["@graph"]}
    processes = [n for n in doc["@graph"] if n["@type"] == "dpv:Process"]
    assert len(processes) == len(inv.purposes)
    bases = {"consent": "eu-gdpr:A6-1-a", "contract": "eu-gdpr:A6-1-b", "legal_obligation": "eu-gdpr:A6-1-c", "legitimate_interests": "eu-gdpr:A6-1-f"}
    for purpose, proc in zip(inv.purposes, processes):
        assert proc["dpv:hasDataController"] == {"@id": "#controller"}
        assert {"@id": bases[purpose.legal_basis.value]} in proc["dpv:hasLegalBasis"]
        data_ids = [ref["@id"] for ref in proc["dpv:hasPersonalData"]]
        assert data_ids == [f"#data-{d.id}" for d in purpose.data_items]
        for ref in proc["dpv:hasStorageCondition"]:
            assert nodes[ref["@id"]]["@type"] == "dpv:StorageDuration"
        for ref in proc.get("dpv:hasRecipient", []):
            assert ref["@id"] in nodes
        assert all(m["@id"] in nodes for m in proc["dpv:hasTechnicalOrganisationalMeasure"])
    # sensitive data carries its Art. 9 condition on the process that uses it
    allergy = next(p for p in processes if p["@id"] == "#process-allergy_sharing")
    assert {"@id": "eu-gdpr:A9-2-a"} in allergy["dpv:hasLegalBasis"]
    payment = nodes["#retention-payment"]["dpv:hasDuration"]
    assert payment["time:numericDuration"]["@value"] == "7" and payment["time:unitType"] == {"@id": "time:unitYear"}
    criteria = nodes["#retention-preferences"]
    assert "dpv:hasDuration" not in criteria and "recommendations are on" in criteria["dct:description"]["@value"]


def test_inventory_json_round_trips(built):
    import yaml

    data = json.loads((built / "site" / "inventory.json").read_text())
    src = yaml.safe_load(REFERENCE.read_text())
    assert data["organization"]["name"] == src["organization"]["name"]
    assert [d["id"] for d in data["data"]] == [d["id"] for d in src["data"]]
    assert data["notice"]["effective_date"] == "2026-11-01"


def test_theme_language_fallback():
    from generator.site.config import theme_language

    assert theme_language("de") == "de"
    assert theme_language("pt-BR") == "pt-BR"
    assert theme_language("de-AT") == "de"
    assert theme_language("xx") == "en"


# --------------------------------------------------------------------------------------------
# serve
# --------------------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=3) as r:  # noqa: S310 - loopback only
        return r.read().decode("utf-8")


def _wait_for(url: str, needle: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in _get(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.parametrize("with_plugin", [True, False])
def test_serve_reloads_when_the_inventory_changes(tmp_path, with_plugin):
    proj = project(tmp_path)
    if not with_plugin:  # serve adds the plugin itself when mkdocs.yml does not list it
        cfg = proj / "mkdocs.yml"
        cfg.write_text(re.sub(r"plugins:\n  - plainnotice:\n      inventory: data_inventory.yml\n", "", cfg.read_text()))
        assert "- plainnotice" not in cfg.read_text()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/index.html"
    proc = subprocess.Popen(
        [PY, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=proj, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert _wait_for(url, "Fernway privacy notice"), "serve did not come up"
        inv = proj / "data_inventory.yml"
        inv.write_text(inv.read_text().replace("title: Fernway privacy notice", "title: Fernway privacy notice, edited"))
        assert _wait_for(url, "Fernway privacy notice, edited"), "the edit was not picked up"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert list(proj.glob(".plainnotice-serve-*")) == []

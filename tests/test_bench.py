"""The benchmark harness: synthetic inventories are deterministic and valid; page cost counts what a
browser loads; `bench/run.py --quick` runs end to end and reports every figure."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import REPO

BENCH = REPO / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


synth = _load("synth")
run = _load("run")


def test_synthetic_inventory_is_deterministic_across_processes(tmp_path):
    # two separate interpreters with different hash seeds must write the same bytes
    outs = []
    for seed in ("1", "2"):
        d = tmp_path / seed
        subprocess.run(
            [sys.executable, str(BENCH / "synth.py"), "10", "--out", str(d)],
            check=True,
            capture_output=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        )
        outs.append((d / "inventory-10x.yml").read_bytes())
    assert outs[0] == outs[1]
    assert synth.dump(synth.make_inventory(10), 10).encode() == outs[0]
    # a different seed gives a different (but still valid) inventory: the seed is really used
    assert synth.dump(synth.make_inventory(10, seed=1), 10).encode() != outs[0]


def test_ten_x_inventory_validates_and_scales_every_section(tmp_path):
    from generator.errors import InputError
    from generator.inventory.parse import load_inventory

    ref = synth.load_reference()
    path = synth.write(10, tmp_path, reference=ref)
    try:
        inv = load_inventory(path)
    except InputError as err:  # pragma: no cover - the message is the point
        pytest.fail(f"10x inventory does not validate:\n{err}")
    for section in synth.SCALED:
        assert len(getattr(inv, section)) == 10 * len(ref[section]), section
    # references resolve inside the copy they belong to, and copies link to the previous copy
    contact_10 = inv.data_by_id("contact_10")
    assert {p.id for p in contact_10.recipients} == {"salons_10", "email_service_10", "salons_9", "email_service_9"}
    accounts_10 = next(p for p in inv.purposes if p.id == "accounts_10")
    assert list(accounts_10.data) == ["contact_10", "bookings_10", "payment_10"]
    ids = [d.id for d in inv.data]
    assert len(ids) == len(set(ids))
    assert len({c.name for c in inv.cookies}) == len(inv.cookies)


def test_page_cost_counts_same_origin_subresources_and_flags_other_hosts(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "notice").mkdir()
    (site / "assets" / "app.css").write_text(
        "@font-face{src:url(../fonts/a.woff2)} .x{background:url(bg.png)} .y{mask:url('data:image/svg+xml,<svg/>')}"
    )
    (site / "fonts").mkdir()
    (site / "fonts" / "a.woff2").write_bytes(b"\0" * 1000)
    (site / "assets" / "bg.png").write_bytes(b"\0" * 50)
    (site / "assets" / "app.js").write_text("console.log(1)")
    (site / "favicon.png").write_bytes(b"\0" * 10)
    (site / "notice" / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="../assets/app.css">'
        '<link rel="icon" href="../favicon.png"><link rel="canonical" href="https://x.example/">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '</head><body><script src="../assets/app.js?v=1"></script>'
        '<img src="data:image/png;base64,AAAA"><a href="../other/">x</a></body></html>'
    )
    cost = run.page_cost(site, site / "notice" / "index.html")
    kinds = sorted(r["kind"] for r in cost["resources"])
    # page + stylesheet + font from the stylesheet + icon + script; not the CSS background image
    # (loads only when a rule matches), not data: URLs, not links, not the canonical URL
    assert kinds == ["font", "icon", "page", "script", "stylesheet"]
    assert cost["requests"] == 5
    assert cost["external_requests"] == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert cost["bytes"] == sum((site / p).stat().st_size for p in ("notice/index.html", "assets/app.css", "fonts/a.woff2", "favicon.png", "assets/app.js"))
    assert 0 < cost["gzip_bytes"] < cost["bytes"]


def test_quick_run_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--no-latest", "--json", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    res = json.loads(out.read_text())
    F = res["figures"]
    assert set(F) >= {"startup", "build", "scaling", "pages", "reading"}
    # every figure is either measured or says why not
    for name in ("build", "pages", "reading"):
        f = F[name]
        assert f.get("status", "ok") in ("ok", "unavailable", "failed"), name
        if f.get("status") in ("unavailable", "failed"):
            assert f.get("reason"), name
    # figure 1 always works (validate/check of the shipped inventory, or check reported as unavailable)
    st = F["startup"]
    base = st["baseline"]["wall_s"]
    assert base["n"] == 3 and base["min"] <= base["median"] <= base["max"]
    if st["check"]["status"] == "ok":
        assert st["ratio"]["median"] > 1  # plainnotice does more than an empty interpreter
        assert st["check"]["peak_rss_mb"]["median"] > 0
    # the floor under check, in the same rounds: importing only costs less than checking
    assert st["validate"]["status"] == "ok" and st["validate_target"]["met"] in (True, False)
    libs, mods = st["floor_libraries"], st["floor_modules"]
    assert libs["status"] == mods["status"] == "ok"
    assert 1 < libs["cpu_ratio"]["median"] < mods["cpu_ratio"]["median"]
    if st["check"]["status"] == "ok":
        assert mods["cpu_s"]["min"] < st["check"]["cpu_s"]["median"]
    # scaling: validate works today, at 1x and 10x, and its ratio is taken round by round
    val = F["scaling"]["commands"]["validate"]
    assert set(val["sizes"]) >= {"1x", "10x"}
    step = val["steps"][0]
    assert step["size_ratio"] == 10 and step["time_ratio"]["n"] == 3
    # the printed table names every figure
    for n in ("1 check", "1 validate", "floor: import every module", "2 plainnotice build", "3 validate 10x", "4 page cost: summary", "5 reading"):
        assert n in proc.stdout, n
    # nothing was left in the repository
    assert not (REPO / "inventory-10x.yml").exists()

#!/usr/bin/env python3
"""What two fixed costs of `plainnotice check` weigh, in multiples of `python -c pass` (issue 14).

    python bench/check_parts.py [PYTHON] [ROUNDS]     # defaults: .venv/bin/python, 9 rounds

Each round runs, in alternating order: `python -c pass`, `python -m generator check` on the shipped
inventory, and the same check instrumented to report, from inside its own process, the CPU time
spent creating dataclasses (Python 3.11 compiles each generated method separately) and compiling
regular expressions (ours, and all). It prints the check's ratio to `python -c pass` (median of the
per-round ratios), and what that ratio would be with those costs at zero: the most that replacing
the dataclasses, or every regular expression, could give. A diagnostic, not a goal: it patches
`dataclasses._process_class` and `re._compile` in the instrumented process only."""
import os, subprocess, sys, statistics, json, tempfile
from pathlib import Path
REPO = Path(__file__).resolve().parent.parent
PY = sys.argv[1] if len(sys.argv) > 1 else str(REPO / ".venv" / "bin" / "python")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 9
CWD = str(REPO)
INSTR = r'''
import time, sys, re, dataclasses, json, os
T = time.process_time
acc = {"dc": 0.0, "re_ours": 0.0, "re_all": 0.0}
orig = re._compile
seen = set()
def rc(pattern, flags):
    key = (type(pattern), pattern, flags)
    if key in seen or isinstance(pattern, re.Pattern):
        return orig(pattern, flags)
    seen.add(key)
    t = T(); r = orig(pattern, flags); d = T() - t
    acc["re_all"] += d
    f = sys._getframe(2)
    if "/generator/" in f.f_code.co_filename:
        acc["re_ours"] += d
    return r
re._compile = rc
od = dataclasses._process_class
def pc(cls, *a, **k):
    t = T(); r = od(cls, *a, **k); acc["dc"] += T() - t
    return r
dataclasses._process_class = pc
import io, contextlib
from generator.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check"])
json.dump(acc, open(os.environ["OUT"], "w"))
os._exit(0)
'''
env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
cases = {"pass": ["-c", "pass"], "check": ["-m", "generator", "check"], "instr": ["-c", INSTR]}
rows = []
for r in range(ROUNDS + 1):
    names = list(cases) if r % 2 == 0 else list(cases)[::-1]
    row = {}
    for n in names:
        fd, out = tempfile.mkstemp()
        os.close(fd)
        p = subprocess.Popen([PY] + cases[n], cwd=CWD, env=dict(env, OUT=out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, st, ru = os.wait4(p.pid, 0)
        row[n] = ru.ru_utime + ru.ru_stime
        if n == "instr":
            with open(out) as f:
                row.update(json.load(f))
        os.unlink(out)
    if r:
        rows.append(row)
def med(xs): return statistics.median(xs)
print(PY, "rounds", len(rows), "load", os.getloadavg())
print("python -c pass median %.0f ms" % (med([x["pass"] for x in rows]) * 1000))
print("check median %.0f ms; ratio %.2fx" % (med([x["check"] for x in rows]) * 1000, med([x["check"] / x["pass"] for x in rows])))
print("in-process: dataclass creation %.1f ms, our regex compiles %.1f ms, all regex compiles %.1f ms (medians)" % tuple(med([x[k] for x in rows]) * 1000 for k in ("dc", "re_ours", "re_all")))
for label, keys in [("without dataclass creation", ["dc"]), ("without dataclass creation and our regex compiles", ["dc", "re_ours"]),
                    ("without dataclass creation and every regex compile", ["dc", "re_all"])]:
    print("ratio %s: %.2fx" % (label, med([(x["check"] - sum(x[k] for k in keys)) / x["pass"] for x in rows])))

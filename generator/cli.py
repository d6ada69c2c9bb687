"""The command line: a thin front over the stages. argparse, printing and exit codes live here and
nowhere else; the stages take and return objects. Exit codes: 0 ok, 1 findings, 2 bad input or usage
(or the machine in the way: disk full, read-only, permission denied), 3 a bug in plainnotice (with
its traceback).

Each command imports the stages it runs inside its function, so a command loads only what it needs.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

from generator import __version__
from generator.errors import EnvironmentProblem, Finding, InputError, display_path, environment_problem, printable

DEFAULT_INVENTORY = "data_inventory.yml"


def _print_problems(err: InputError, fmt: str = "text") -> None:
    if fmt == "json":
        import json  # only for --format json (2-3 ms of every run otherwise)

        print(json.dumps({"ok": False, "errors": [p.as_dict() for p in err.problems], "findings": []}, indent=2))
    elif isinstance(err, EnvironmentProblem):  # one line each: the path, what happened, what to do
        for p in err.problems:
            print(p, file=sys.stderr)
    else:
        for p in err.problems:
            print(p, file=sys.stderr)
        n = len(err.problems)
        print(f"{n} error{'s' if n != 1 else ''}: nothing was written.", file=sys.stderr)


def _print_findings(findings: list[Finding]) -> None:
    for f in findings:
        print(f, file=sys.stderr)


def _print_mkdocs_log(level: str, message: str) -> None:
    print(f"mkdocs: {level}: {printable(message)}", file=sys.stderr)


def _print_waiting(lock: Path) -> None:
    print(f"waiting for another plainnotice run to finish (it holds {printable(display_path(lock))}) ...", file=sys.stderr)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def _print_notes(notes: list[Finding]) -> None:
    """Warnings about the templates (a template replaced in one language only)."""
    for f in notes:
        print(f, file=sys.stderr)


def cmd_validate(args) -> int:
    from generator.inventory.parse import load_inventory
    from generator.notice.languages import default_templates, override_notes, require_languages
    from generator.rules import check_completeness

    inv = load_inventory(args.inventory)
    templates = default_templates(args.inventory, args.templates)
    require_languages(inv, templates)  # before any work: a language without templates is refused
    findings = check_completeness(inv) + override_notes(inv, templates)
    errors = [f for f in findings if f.level == "error"]
    if args.format == "json":
        import json

        print(json.dumps({"ok": not errors, "errors": [], "findings": [f.as_dict() for f in findings]}, indent=2))
    else:
        for f in findings:
            print(f)
        if findings:
            print(f"{len(errors)} missing item(s), {len(findings) - len(errors)} warning(s).")
        else:
            print(f"{printable(str(args.inventory))}: valid; complete for {', '.join(j.value for j in inv.notice.jurisdictions)}.")
    return 1 if errors else 0


def cmd_schema(args) -> int:
    import json

    from generator.inventory.schemagen import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            problem = environment_problem(exc, args.out, "writing the schema")
            if problem is None:
                raise
            raise problem from None
    else:
        sys.stdout.write(text)
    return 0


def cmd_render(args) -> int:
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render_all
    from generator.notice.templates import default_templates
    from generator.site.output import render_target, write_pages

    templates = default_templates(args.inventory, args.templates)
    target = render_target(args.out, args.inventory, templates)  # before any work
    inv = load_inventory(args.inventory)
    rendered = render_all(inv, templates)
    _print_notes(rendered.notes)
    written = write_pages(rendered, target, on_wait=_print_waiting)
    print(f"wrote {len(written)} files to {printable(str(args.out))}: {printable(', '.join(written))}")
    return 0


def cmd_check(args) -> int:
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render_all
    from generator.notice.templates import default_templates
    from generator.readability.formats import format_check
    from generator.readability.gate import check
    from generator.rules import check_completeness

    inv = load_inventory(args.inventory)
    rendered = render_all(inv, default_templates(args.inventory, args.templates))
    _print_notes(rendered.notes)
    missing = check_completeness(inv)  # a CI that runs only `check` must not pass a notice missing a legal fact
    report = check(rendered, inv, max_grade=args.max_grade, layer=args.layer, strict=args.strict, completeness=missing)
    sys.stdout.write(format_check(report, args.format))
    return 0 if report.ok else 1


def cmd_score(args) -> int:
    from generator.readability.formats import format_scores
    from generator.readability.score import score_files

    sys.stdout.write(format_scores(score_files(args.files), args.format))
    return 0


def cmd_build(args) -> int:
    from generator.notice.templates import default_templates
    from generator.pipeline import BuildStopped, prepare
    from generator.site.build import SiteFindings, build_site, plan_build
    from generator.site.config import read_raw_config

    templates = default_templates(args.inventory, args.templates)
    # a missing or unreadable mkdocs.yml, or a site or docs folder plainnotice may not write, is
    # reported before the inventory work, not after it
    config_file = Path(args.config_file).resolve()
    raw = read_raw_config(config_file)
    plan = plan_build(
        config_file, args.site_dir, raw=raw, inventory=args.inventory, templates=templates, allow_hosts=args.allow_host, on_log=_print_mkdocs_log
    )
    try:
        prep = prepare(args.inventory, templates)
    except BuildStopped as stop:
        _print_findings(stop.findings)
        n = sum(1 for f in stop.findings if f.level == "error")
        print(f"{_plural(n, 'error finding')}: nothing was written; the previous site is unchanged.", file=sys.stderr)
        return 1
    _print_notes([f for f in prep.findings if f.rule == "TPL001"])
    warnings = [f for f in prep.findings if f.level != "error"]
    if warnings:
        print(f"{_plural(len(warnings), 'warning')} (not blocking); 'plainnotice check' lists them.", file=sys.stderr)
    for lang, lr in (prep.report.languages.items() if prep.report else ()):
        if lr.formula is None:
            print(f"{lang}: not scored: its profile names no validated readability formula.", file=sys.stderr)
    try:
        target = build_site(plan, prep.site, on_log=_print_mkdocs_log, on_wait=_print_waiting)
    except SiteFindings as stop:
        _print_findings(stop.findings)
        print(f"{_plural(len(stop.findings), 'error finding')}: the site would load from another host; the previous site is unchanged.", file=sys.stderr)
        return 1
    langs = f" in {len(prep.site.languages)} languages" if len(prep.site.languages) > 1 else ""
    print(f"Built {_plural(len(prep.site.pages), 'page')}{langs} into {printable(display_path(target))}.")
    return 0


def cmd_zensical(args) -> int:
    from generator.notice.templates import default_templates
    from generator.pipeline import BuildStopped, prepare
    from generator.site.config import read_raw_config
    from generator.site.folders import check_merge
    from generator.site.output import DOCS_FILES, docs_target
    from generator.site.zensical import FAVICON, config_target, write_zensical

    config_file = Path(args.config_file).resolve()
    raw = read_raw_config(config_file)
    templates = default_templates(args.inventory, args.templates)
    # the docs folder and the config file are checked before the inventory work, as for build
    docs, _, _ = docs_target(config_file, raw, args.inventory, templates)
    check_merge(docs, set(DOCS_FILES) | {FAVICON}, "zensical")
    out = config_target(config_file, args.out, args.inventory)
    try:
        prep = prepare(args.inventory, templates)
    except BuildStopped as stop:
        _print_findings(stop.findings)
        n = sum(1 for f in stop.findings if f.level == "error")
        print(f"{_plural(n, 'error finding')}: nothing was written.", file=sys.stderr)
        return 1
    files = write_zensical(raw, prep.site, config_file, docs, out, on_wait=_print_waiting)
    print(f"Wrote {_plural(len(files), 'file')} into {printable(display_path(docs.path))} and {printable(display_path(out))}.")
    print(f"Build with: zensical build -f {printable(display_path(out))}")
    return 0


def cmd_serve(args) -> int:
    from generator.notice.templates import default_templates
    from generator.pipeline import BuildStopped, prepare
    from generator.site.config import read_raw_config
    from generator.site.serve import serve_site

    config_file = Path(args.config_file).resolve()
    raw = read_raw_config(config_file)
    templates = default_templates(args.inventory, args.templates)
    # fail fast, with the usual messages, before the server starts
    try:
        prepare(args.inventory, templates)
    except BuildStopped as stop:
        _print_findings(stop.findings)
        print("Fix the findings above, then run serve again.", file=sys.stderr)
        return 1

    def stop_on_sigterm(signum, frame):  # SIGTERM ends serve like Ctrl-C, so its temporary config goes
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_sigterm)
    serve_site(config_file, raw, args.inventory, templates, args.dev_addr)
    return 0


def cmd_init(args) -> int:
    from generator.site.scaffold import init_project

    target = Path(args.dir)
    written = init_project(target)
    print(f"Created a plainnotice project in {printable(str(target))}:")
    for rel in written:
        print(f"  {printable(str(rel))}")
    print(f"Next: cd {printable(str(target))} && plainnotice build   (then edit data_inventory.yml and build again)")
    return 0


# --------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------


def _add_inventory(p: argparse.ArgumentParser) -> None:
    """The inventory, as an optional positional argument or with -i/--inventory."""
    p.add_argument("inventory", nargs="?", default=None, help=f"inventory file (default: {DEFAULT_INVENTORY})")
    p.add_argument("-i", "--inventory", dest="inventory_option", metavar="INVENTORY", default=None, help="the same, as an option")


def _add_templates(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--templates",
        default=None,
        help="folder of template overrides (default: ./templates next to the inventory, if it exists)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plainnotice",
        description="Privacy notices from one data inventory: validate, render, check readability, build a site.",
    )
    parser.add_argument("--version", action="version", version=f"plainnotice {__version__}")
    parser.set_defaults(format="text", inventory_option=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("validate", help="check the inventory's format and legal completeness")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the inventory format")
    p.add_argument("--out", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("render", help="write the notice pages as Markdown")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("--out", default="pages", help="output folder (default: %(default)s)")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("check", help="readability gate on the rendered notice, and the completeness rules")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("--format", choices=["text", "json", "github", "junit", "sarif"], default="text")
    p.add_argument("--max-grade", type=float, default=None, help="override the gate maximum")
    p.add_argument("--layer", choices=["summary", "full", "all"], default="all", help="which layer to gate")
    p.add_argument("--strict", action="store_true", help="treat style warnings as errors")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("score", help="readability scores of any Markdown, HTML or text file")
    p.add_argument("files", nargs="+")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("build", help="validate, render, check and build the static site")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config (default: %(default)s)")
    p.add_argument("--site-dir", default=None, help="output folder (default: site_dir from mkdocs.yml, else site)")
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST",
        help="a host the site may load files from (repeatable; *.example.com for subdomains); also the plugin option allow_hosts",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("zensical", help="validate, render, check; write the docs folder and zensical.yml for Zensical")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs config to start from (default: %(default)s)")
    p.add_argument("--out", default="zensical.yml", help="config to write, next to the MkDocs config (default: %(default)s)")
    p.set_defaults(func=cmd_zensical)

    p = sub.add_parser("serve", help="preview the site with live reload")
    _add_inventory(p)
    _add_templates(p)
    p.add_argument("-f", "--config-file", default="mkdocs.yml")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("init", help="scaffold a new project in DIR")
    p.add_argument("dir")
    p.set_defaults(func=cmd_init)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse argv; the inventory given as a positional argument or with -i ends up in ``inventory``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "inventory"):
        if args.inventory is not None and args.inventory_option is not None and args.inventory != args.inventory_option:
            parser.error(f"two inventories given ({args.inventory} and -i {args.inventory_option}); give one")
        args.inventory = args.inventory or args.inventory_option or DEFAULT_INVENTORY
    return args


#: The exit code of a bug in plainnotice (a traceback): never 1, which means findings.
BUG = 3


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (the process goes on: tests call this)."""
    return dispatch(parse_args(argv))


#: Commands that have written and closed everything they write when they return (the caches they
#: keep are written whole and renamed into place while they run), so the process may end without
#: the interpreter freeing every object first, as mypy ends by default. That freeing was 20-40 ms,
#: about a tenth, of a `check` (bench/README.md). Every other command exits normally.
FAST_EXIT = frozenset({"check", "validate", "score"})


def run() -> NoReturn:
    """The ``plainnotice`` program (and ``python -m generator``): :func:`main`, then exit with its code."""
    args = parse_args(None)
    code = dispatch(args)
    if args.command in FAST_EXIT:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:  # the reader went away (`| head`): as main() treats it
            pass
        except OSError as exc:  # stdout on a full disk: the output is incomplete, so say so
            problem = environment_problem(exc, exc.filename or "standard output", f"running 'plainnotice {args.command}'")
            message = str(problem) if problem is not None else f"standard output: error: could not write the output ({exc.strerror or exc}): write it to a file or a terminal that accepts it"
            try:
                print(printable(message), file=sys.__stderr__, flush=True)
            except OSError:
                pass  # nowhere left to say it; the exit code still does
            code = 2
        os._exit(code)
    sys.exit(code)


def dispatch(args: argparse.Namespace) -> int:
    """The command ``args`` names, with every user mistake turned into a message and exit code 2."""
    try:
        return args.func(args)
    except InputError as err:
        _print_problems(err, args.format)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the machine in the way (disk full, read-only ...): a message; anything else is a bug
        problem = environment_problem(exc, exc.filename or f"plainnotice {args.command}", f"running 'plainnotice {args.command}'")
        if problem is None:
            return _bug()
        _print_problems(problem, args.format)
        return 2
    except Exception:
        return _bug()


def _bug() -> int:
    """A bug in plainnotice: the traceback, and an exit code that is not "findings"."""
    import traceback  # only here: a bug's report (3-4 ms of every run otherwise)

    traceback.print_exc()
    print(f"plainnotice {__version__}: this is a bug, not a problem with your files; please report it with the traceback above.", file=sys.stderr)
    return BUG


if __name__ == "__main__":  # pragma: no cover
    run()

"""Command line: ``python -m extractor {extract,batch,schema,evaluate,redact}``.

Exit status: 0 when the command ran (a batch with failed files included); 1
when nothing was processed (an empty folder, every ``extract`` file failed, a
write that failed, an internal error); 2 for bad arguments, a path that does
not exist, an output that is an input or is locked by another batch. Data goes
to stdout or ``-o``; messages and errors go to stderr, never as a traceback
(``LEGAL_FACTS_DEBUG=1`` shows it).

Subcommands are rows of :data:`COMMANDS`: a help line, a function adding the
arguments, and a function running them (``args -> exit status``). A new
subcommand is one more row.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from . import __version__
from .errors import UsageError


def _date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}")
    return value


def _positive(kind):
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}")
        if not number > 0:
            raise argparse.ArgumentTypeError(f"must be more than 0: {value!r}")
        return number
    return parse


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--anchor-date", type=_date, help="YYYY-MM-DD that relative dates resolve against (overrides the document's own date)")
    p.add_argument("--include-text", action="store_true", help="add document.text (every offset indexes into it)")
    p.add_argument("-o", "--output", help="output file (default: standard output for extract)")
    p.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages (they give warnings, or error pdf.no_text)")
    p.add_argument("--show-hidden-text", action="store_true",
                   help="keep the words under failed redactions (default: each of their characters is █)")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


# --- extract ---------------------------------------------------------------

def _extract_args(p: argparse.ArgumentParser) -> None:
    _common(p)
    p.add_argument("files", nargs="+")
    p.add_argument("--format", choices=("json", "jsonl"),
                   help="json: one indented object (one file only); jsonl: one line per file "
                        "(default: json for one file, jsonl for several)")


def _run_extract(args) -> int:
    from .batch import printable
    from .batch_output import dump
    from .extract import error_result, extract_file, file_id
    from .ingest import IngestSettings

    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    if fmt == "json" and len(args.files) > 1:
        raise UsageError("usage.bad_option", "--format json writes one object: give one file, or use --format jsonl.")
    missing = [f for f in args.files if not os.path.exists(f)]
    if missing:
        raise UsageError("usage.not_found", "No such file: " + ", ".join(map(printable, missing)))
    if args.output:
        from pathlib import Path
        from .batch import refuse_output_over_input
        refuse_output_over_input([Path(args.output)], args.files)
    settings = IngestSettings(ocr=not args.no_ocr, show_hidden_text=args.show_hidden_text)
    results, failed = [], 0
    for path in args.files:
        try:
            results.append(extract_file(path, anchor_date=args.anchor_date, include_text=args.include_text,
                                        settings=settings))
        except Exception as exc:  # noqa: BLE001 - a coded error line, never a traceback
            failed += 1
            results.append(error_result(path, exc, file_id(path)))
            error = results[-1]["error"]
            _say(f"{printable(path)}: {error['message']} [{error['code']}]")
    if fmt == "json":
        text = dump(results[0], indent=2) + "\n"
    else:
        text = "".join(dump(r) + "\n" for r in results)
    _write(args.output, text)
    return 1 if failed == len(results) else 0


def _write(output: str | None, text: str) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


# --- batch -----------------------------------------------------------------

def _batch_args(p: argparse.ArgumentParser) -> None:
    from .batch import DEFAULT_TIMEOUT
    _common(p)
    p.add_argument("paths", nargs="+")
    p.add_argument("-j", "--jobs", type=_positive(int), help="worker processes (default: CPU count, at most 4)")
    p.add_argument("--timeout", type=_positive(float), default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"wall-clock budget of one file; past it the file is extract.timeout (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--no-resume", action="store_true", help="redo files already in the output")
    p.add_argument("--no-progress", action="store_true")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a Dask scheduler at ADDRESS instead of local processes")


def _run_batch(args) -> int:
    from .batch import format_summary, run_batch
    if not args.output:
        raise UsageError("usage.bad_option", "batch needs -o OUT.jsonl")
    summary = run_batch(args.paths, args.output, anchor_date=args.anchor_date, include_text=args.include_text,
                        jobs=args.jobs, resume=not args.no_resume, progress=not args.no_progress,
                        dask_scheduler=args.dask, ocr=not args.no_ocr, timeout=args.timeout,
                        show_hidden_text=args.show_hidden_text)
    _say(format_summary(summary))
    if summary["files"] == 0:
        _say("nothing was processed")
        return 1
    return 0


# --- schema ----------------------------------------------------------------

def _run_schema(args) -> int:
    import json
    from .schema import json_schema
    _write(None, json.dumps(json_schema(), indent=2) + "\n")
    return 0


# --- evaluate --------------------------------------------------------------

SCORER_ENV = "LEGAL_FACTS_SCORER"


def _evaluate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("predictions", help="our output: a JSON Lines file (from batch) or a folder of .json files")
    p.add_argument("gold", help="a folder of gold .json files")
    p.add_argument("--scorer", default=os.environ.get(SCORER_ENV),
                   help=f"the scoring script to run (default: ${SCORER_ENV}); it is called as "
                        "`python SCORER PREDICTIONS GOLD [options]`, e.g. ../shared/eval/score.py")
    p.add_argument("--json", action="store_true", help="ask the scorer for JSON")
    p.add_argument("--show-errors", action="store_true", help="ask the scorer to list every miss")
    p.add_argument("--present-only", action="store_true", help="score only gold documents that have a prediction")


def _run_evaluate(args) -> int:
    """Score ``predictions`` against ``gold`` with the user's scoring script; its exit status is ours."""
    from .batch import printable
    if not args.scorer:
        raise UsageError("usage.bad_option", f"evaluate needs --scorer PATH (or ${SCORER_ENV}).")
    missing = [p for p in (args.scorer, args.predictions, args.gold) if not os.path.exists(p)]
    if missing:
        raise UsageError("usage.not_found", "No such file or folder: " + ", ".join(map(printable, missing)))
    flags = [f for f, on in (("--json", args.json), ("--show-errors", args.show_errors),
                             ("--present-only", args.present_only)) if on]
    return subprocess.run([sys.executable, args.scorer, args.predictions, args.gold, *flags]).returncode


@dataclass(frozen=True)
class Command:
    """One subcommand: its help line, what adds its arguments, and what runs it (``args -> exit status``)."""

    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    "extract": Command("extract facts from files; one JSON object per file (JSON Lines for several)",
                       _extract_args, _run_extract),
    "batch": Command("walk files and folders, write JSON Lines (parallel, resumable)", _batch_args, _run_batch),
    "schema": Command("print the JSON Schema of one output object", lambda p: None, _run_schema),
    "evaluate": Command("score an output against a gold folder with a scoring script", _evaluate_args, _run_evaluate),
    "redact": Command("write a copy with every unredacted identifier masked (see README, Privacy)",
                      lambda p: _redact().add_arguments(p), lambda args: _redact().main(args)),
}


def _redact():
    from . import redact  # the redacted export lives in its own module
    return redact


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: ``--version`` and one subparser per row of :data:`COMMANDS`."""
    ap = argparse.ArgumentParser(prog="python -m extractor", description="Extract source-grounded facts from court filings and news of court cases.")
    ap.add_argument("--version", action="version", version=f"legal-facts {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for name, command in COMMANDS.items():
        command.configure(sub.add_parser(name, help=command.help))
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit status (see the module docstring); never raises."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return COMMANDS[args.command].run(args)
    except UsageError as exc:
        _say(f"error: {exc.message} [{exc.code}]")
        return 2
    except KeyboardInterrupt:
        _say("interrupted; a batch resumes from its .partial file when run again")
        return 130
    except BrokenPipeError:  # `... | head`: the reader left; say nothing more on stdout
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 1
    except OSError as exc:
        _say(f"error: {exc.strerror or exc} ({exc.filename or ''})")
        return 1
    except Exception as exc:  # noqa: BLE001 - no traceback for a user
        if os.environ.get("LEGAL_FACTS_DEBUG"):
            raise
        _say(f"internal error: {type(exc).__name__}: {exc} (LEGAL_FACTS_DEBUG=1 shows the traceback)")
        return 1

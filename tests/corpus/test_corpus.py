"""Corpus reading: manifest rows by line, duplicate ids kept distinctly, reference-date anchoring, truncation."""
import logging
from datetime import date

import pytest

from pipeline.corpus.article import Article, unique_ids
from pipeline.corpus.reader import anchor, read_corpus, truncate


def _write(folder, files: dict, manifest: str = ""):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def test_corpus_manifest_dates_and_metadata(tmp_path):
    folder = _write(tmp_path / "raw", {"a.txt": "Exports rose.", "b.txt": "Imports fell."},
                    "doc_id,published,title,source\na,2024-05-01,Headline,The Paper\n")
    docs = {a.doc_id: a for a in read_corpus(folder)}
    assert docs["a"].published == date(2024, 5, 1) and docs["a"].reference_date_source == "manifest"
    assert docs["a"].title == "Headline" and docs["a"].source == "The Paper"
    assert docs["b"].reference_date_source == "none" and docs["b"].reference_date is None


@pytest.mark.parametrize("row,message", [
    ("a,not-a-date", "bad published date"),
    ("ghost,2024-01-01", "no article file"),
    ("a,2024-01-01\na,2024-02-02", "duplicate doc_id"),
    (",2024-01-01", "neither doc_id nor file"),
])
def test_corpus_bad_manifest_rows_are_reported_by_line(tmp_path, caplog, row, message):
    folder = _write(tmp_path / "raw", {"a.txt": "Exports rose."}, "doc_id,published\n" + row + "\n")
    with caplog.at_level(logging.WARNING):
        docs = list(read_corpus(folder))
    assert [d.doc_id for d in docs] == ["a"]
    assert any(message in r.getMessage() and "manifest.csv:" in r.getMessage() for r in caplog.records)


def test_corpus_reference_date_order_manifest_dateline_option(tmp_path):
    folder = _write(tmp_path / "raw", {"m.txt": "Body.", "d.txt": "PHNOM PENH, Aug 22 (Reuters) - Exports rose.", "o.txt": "Body."},
                    "doc_id,published\nm,2021-01-02\n")
    docs = {a.doc_id: a for a in read_corpus(folder, reference_date=date(2022, 6, 30))}
    assert (docs["m"].reference_date_source, docs["m"].reference_date) == ("manifest", date(2021, 1, 2))
    assert (docs["d"].reference_date_source, docs["d"].reference_date) == ("dateline", date(2022, 8, 22))
    assert (docs["o"].reference_date_source, docs["o"].reference_date) == ("option", date(2022, 6, 30))


def test_corpus_duplicate_ids_in_subfolders_are_both_kept(tmp_path):
    folder = _write(tmp_path / "raw", {"a.txt": "One.", "sub/a.txt": "Two."})
    docs = list(read_corpus(folder))
    assert [d.doc_id for d in docs] == ["a", "a~2"] and "renamed" in docs[1].notes


def test_corpus_unique_ids_numbers_repeats():
    assert [u for _, u in unique_ids(["x", "y", "x", "x"])] == ["x", "y", "x~2", "x~3"]


def test_corpus_empty_text_is_status_empty():
    assert anchor(Article(doc_id="e", text=" \n\t ")).status == "empty"


def test_corpus_truncate_cuts_at_a_boundary_with_a_note():
    text = "Exports rose 5 percent. " * 1000
    cut = truncate(Article(doc_id="t", text=text), 1000)
    assert len(cut.text) <= 1000 and cut.text.endswith(". ") and "truncated" in cut.notes
    assert truncate(Article(doc_id="t", text=text), 0).text == text


@pytest.mark.parametrize("url,kept", [
    ("https://www.khmertimeskh.com/501234/", True), ("HTTP://example.com/a", True), ("javascript:alert(1)", False),
    ("  JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("file:///etc/passwd", False),
    ("=HYPERLINK(\"http://x\")", False), ("example.com/story", False),
])
def test_corpus_only_web_urls_are_kept(url, kept):
    article = anchor(Article(doc_id="u", text="Exports rose.", url=url))
    assert (article.url == url.strip()) if kept else (article.url == "" and "url dropped" in article.notes)

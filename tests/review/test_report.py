"""The report page as built (its browser behaviour is in test_report_browser.py): self-contained, every article
packed with its marks and evidence anchors, tables as the run holds them, graceful without a text."""
from __future__ import annotations

import base64
import json
import re
import zlib
from html import unescape

import pytest

import pipeline
from review_run import EVIDENCE_1, GONE, TEXT, write_gold, write_run
from pipeline.output.extraction import Extraction
from pipeline.review.report import build_report
from pipeline.review.tables import read_run


def data_block(html: str, block: str) -> dict:
    return json.loads(re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S).group(1))


def article(html: str, index: int) -> str:
    packed = re.search(rf'<script type="application/octet-stream" id="art-{index}">(.*?)</script>', html, re.S).group(1)
    return zlib.decompress(base64.b64decode(packed.strip())).decode("utf-8")


@pytest.fixture()
def page(small_run) -> str:
    summary = build_report(small_run)
    assert summary.path == small_run / "report.html" and summary.documents == 3 and summary.with_text == 1
    return summary.path.read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_anywhere(page):
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\'' in page
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=|@import|url\(\s*['\"]?https?:", page)
    assert "<style>" in page and "function DataTable" in page


def test_an_article_has_its_mentions_marked_with_their_labels(page):
    html = article(page, 0)
    marks = re.findall(r'<mark class="ent e-(\w+)" title="([^"]*)">(.*?)<span class="ent-label">(\w+)</span></mark>', html)
    assert [(label, text) for label, _, text, _ in marks] == [
        ("COUNTRY", "Thailand"), ("COUNTRY", "China"), ("PERCENT", "8%"), ("MONEY", "$3.1 billion"), ("DATE", "2023"),
        ("ORG", "the Commerce Ministry"), ("PERSON", "Srettha Thavisin"), ("DATE", "March 4, 2024")]
    assert all(label == shown for label, _, _, shown in marks)
    assert ("MONEY", "3,100,000,000 USD = 3,100,000,000 USD") in [(m[0], m[1]) for m in marks]
    assert "Beijing</mark>" not in html  # a city is not a country


def test_each_record_points_at_its_evidence_sentence_in_place(page):
    html = article(page, 0)
    sentence = re.search(r'<div class="sent evidence" id="([^"]+)" data-rows="d1-t1">(.*?)</div></div>', html, re.S)
    assert sentence, html
    assert f'data-row-id="d1-t1" data-target="{sentence.group(1)}"' in html
    assert 'data-row-id="d1-v1" data-target="s0-' in html
    words = re.sub(r"<[^>]+>", "", re.sub(r'<span class="ent-label">\w+</span>', "", sentence.group(2)))
    assert unescape(words).strip() == EVIDENCE_1


def test_without_its_text_an_article_shows_its_evidence_sentences(page):
    html = article(page, 1)
    assert "Text unavailable" in html and "article text not found" in html
    anchor = re.search(r'<div class="sent evidence" id="([^"]+)" data-rows="d2-t1">([^<]*)</div>', html)
    assert anchor and unescape(anchor.group(2)) == GONE
    assert f'data-target="{anchor.group(1)}"' in html


def test_a_skipped_document_is_listed_with_its_reason(page):
    listing = data_block(page, "data-not-ok")
    assert [row["c"][:4] for row in listing["rows"]] == [["d3", "texts/d3.txt", "skipped", "d3.txt: binary file (not text)"]]
    assert "not processed (skipped): d3.txt: binary file" in article(page, 2)


def test_the_trade_table_holds_the_run_s_values_and_opens_their_articles(page):
    trade = data_block(page, "data-trade")
    assert [c["label"] for c in trade["columns"]] == ["reporter", "partner", "flow", "commodity", "value_usd", "period",
                                                      "change", "source", "document"]
    assert trade["rows"][0] == {"c": ["THA", "CHN", "export", "", "3,100,000,000", "2023-01-01 – 2023-12-31", "8.0%",
                                      "Commerce Ministry", "d1"], "d": 0, "r": "d1-t1"}
    events = data_block(page, "data-events")
    assert events["rows"][0]["r"] == "d1-v1" and events["rows"][0]["c"][3] == "Srettha Thavisin; Li Qiang"


def test_a_facts_table_is_shown_and_links_to_its_records(page):
    assert 'id="table-trade_facts"' in page
    facts = data_block(page, "data-extra-1")
    ids = facts["columns"].index({"label": "record_ids", "numeric": False})
    assert [row["c"][ids] for row in facts["rows"]] == [{"ids": [["d1-t1", 0]]}, {"ids": [["d2-t1", 1]]}]


def test_the_charts_are_inline_svg(page):
    for chart in ("trade_by_pair", "events_timeline"):
        figure = re.search(rf'<figure id="chart-{chart}">(.*?)</figure>', page, re.S).group(1)
        assert "<svg" in figure and "<?xml" not in figure and "href=\"http" not in figure
    assert 'id="chart-flows_by_commodity"' not in page  # no record names goods


def test_parquet_tables_give_the_same_report_rows(tmp_path, small_run):
    parquet = write_run(tmp_path / "pq", fmt="parquet")
    assert not list(parquet.glob("*.csv"))
    assert set(read_run(parquet).tables) == set(read_run(small_run).tables)
    html = build_report(parquet).path.read_text(encoding="utf-8")
    csv_html = build_report(small_run).path.read_text(encoding="utf-8")
    assert data_block(html, "data-trade") == data_block(csv_html, "data-trade")


def test_a_changed_text_is_not_shown_against_old_offsets(small_run):
    (small_run.parent / "texts" / "d1.txt").write_text(TEXT.replace("Thailand", "Thai"), encoding="utf-8")
    html = build_report(small_run).path.read_text(encoding="utf-8")
    assert "the text has changed since the run" in article(html, 0)


def test_the_evaluation_is_shown_with_each_miss_next_to_its_sentence(tmp_path, small_run):
    html = build_report(small_run, gold=write_gold(tmp_path)).path.read_text(encoding="utf-8")
    section = re.search(r'<section id="evaluation">(.*?)</section>', html, re.S).group(1)
    assert '<tr data-measure="trade_records"><td>trade_records</td>' in section
    assert "Li Qiang" in section  # a missed person
    assert "The two sides agreed to deepen cooperation." in section  # a missed event, beside its gold sentence


def test_the_library_writes_a_report_of_an_extraction_in_memory(tmp_path, small_run):
    extraction = read_run(small_run)
    assert isinstance(extraction, Extraction)
    summary = pipeline.report(extraction, tmp_path / "page.html", texts_dir=small_run.parent / "texts")
    assert summary.with_text == 1 and (tmp_path / "page.html").stat().st_size == summary.bytes
    with pytest.raises(ValueError, match="path of the HTML file"):
        pipeline.report(extraction)


def test_an_empty_run_still_gives_a_page(tmp_path):
    Extraction.from_rows({}).to_csv(tmp_path)
    html = build_report(tmp_path).path.read_text(encoding="utf-8")
    assert data_block(html, "data-trade")["rows"] == [] and 'id="charts"' not in html

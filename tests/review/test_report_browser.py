"""The report of the bundled corpus in a real browser (headless Chromium through Playwright): every record row is there
with its value, every highlighted mention carries its label, a click on a record scrolls to its sentence, nothing is
fetched and nothing logs an error. Screenshots are kept as test artifacts (build/test-artifacts/, or $TEST_ARTIFACTS),
never compared. Skipped, saying why, where there is no Chromium (CI installs Debian's chromium: .ci/run)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from benchmarks.browser import launch, unavailable
from pipeline.review.articles import COLORS
from pipeline.review.cells import figure
from pipeline.review.evaluation_store import save_evaluation

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS") or ROOT / "build" / "test-artifacts")

pytestmark = pytest.mark.skipif(bool(unavailable()), reason=f"no browser for the report test: {unavailable()}")


@pytest.fixture(scope="module")
def bundled(nlp, raw_dir, tmp_path_factory) -> dict:
    """The bundled corpus extracted, evaluated against its gold and reported; its tables as text."""
    out = tmp_path_factory.mktemp("bundled")
    pipeline.extract(raw_dir, nlp=nlp).to_csv(out)
    save_evaluation(pipeline.evaluate(out, ROOT / "data" / "gold" / "seeds.json"), out)
    summary = pipeline.report(out)
    tables = {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False)
              for t in ("documents", "amounts", "percentages", "trade_records", "diplomacy_events")}
    return {"html": summary.path, "tables": tables}


@pytest.fixture(scope="module")
def browser():
    with launch() as context:
        yield context


@pytest.fixture()
def page(browser, bundled):
    """The report opened fresh, with its console errors, page errors and non-local requests collected."""
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:", "blob:")) else None)
    tab.goto(bundled["html"].as_uri())
    tab.wait_for_function("document.body.dataset.ready === '1'")
    yield tab, problems
    tab.close()


def in_view(tab, selector: str) -> bool:
    return tab.eval_on_selector(selector, "el => { const r = el.getBoundingClientRect();"
                                          " return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }")


def test_every_record_and_event_row_is_there_with_its_value(page, bundled):
    tab, problems = page
    trade = bundled["tables"]["trade_records"]
    assert len(trade) > 0
    for record in trade.to_dict("records"):
        cells = tab.locator(f'#trade tr[data-row-id="{record["record_id"]}"] td').all_inner_texts()
        assert cells[:3] == [record["reporter"], record["partner"], record["flow"]]
        assert cells[4] == figure(record["value_usd"])
    events = bundled["tables"]["diplomacy_events"]
    shown = tab.eval_on_selector_all("#events tr[data-row-id]", "rows => rows.map(r => r.dataset.rowId)")
    assert shown == events["event_id"].tolist()
    assert tab.locator("#evaluation-scores tr[data-measure]").count() == 10
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "report-corpus.png"))
    assert problems == []


def test_a_click_on_a_record_opens_its_article_at_its_sentence(page, bundled):
    tab, problems = page
    record_id = bundled["tables"]["trade_records"].iloc[0]["record_id"]
    tab.click(f'#trade tr[data-row-id="{record_id}"] td >> nth=0')
    tab.wait_for_selector(f'#article-body tr.rec.current[data-row-id="{record_id}"]')
    assert "#doc=" in tab.url and tab.is_hidden("#corpus")
    record_row = f'#article-body tr.rec[data-row-id="{record_id}"]'
    target = tab.get_attribute(record_row, "data-target")
    assert target and tab.get_attribute(f"#{target}", "class") == "sent evidence current"
    assert in_view(tab, f"#{target}")
    # from the article's own list, scrolled away first: an event, then the record again
    for row in (tab.locator("#article-body #recs-events tr.rec").first, tab.locator(record_row)):
        sentence = f'#{row.get_attribute("data-target")}'
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        assert not in_view(tab, sentence)
        row.click()
        assert in_view(tab, sentence) and "current" in tab.get_attribute(sentence, "class")
        assert tab.eval_on_selector_all("#article-body .sent.current", "els => els.length") == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "report-article.png"))
    assert problems == []


def test_every_highlighted_mention_has_its_label(page, bundled):
    tab, problems = page
    documents = bundled["tables"]["documents"]["doc_id"].tolist()
    for index, doc_id in enumerate(documents):
        tab.evaluate(f"location.hash = '#doc={index}'")
        tab.wait_for_selector(f'#article-body[data-shown="{index}"]')
        marks = tab.eval_on_selector_all(
            "#article-body .doc-text mark.ent",
            "ms => ms.map(m => [m.className, m.querySelector('.ent-label').textContent,"
            " m.firstChild.textContent, getComputedStyle(m).backgroundColor])")
        assert marks, doc_id
        for css_class, label, _, background in marks:
            assert label in COLORS and css_class == f"ent e-{label}"
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        for table, label in (("amounts", "MONEY"), ("percentages", "PERCENT")):
            rows = bundled["tables"][table]
            expected = rows[rows["doc_id"] == doc_id]["text"].tolist()
            assert [text for _, lab, text, _ in marks if lab == label] == expected
    assert problems == []

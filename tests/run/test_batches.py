"""Articles through the model: what the tokenizer and the finders see after preparation (issue 16)."""
import pytest

from pipeline.corpus.article import Article
from pipeline.run.batches import process_one

SENTENCE = "Cambodia's exports to Japan reached {} in 2023, the ministry said."  # own


@pytest.mark.parametrize("figure,mention,value", [
    ("$924\u00a0million", None, 924e6), ("$924\u2009million", None, 924e6), ("$924\u202fmillion", None, 924e6),
    ("$924  million", None, 924e6), ("$9\u200c24 million", None, 924e6), ("US$1.58\r\nbillion", None, 1.58e9),
    ("$3.1 <b>billion</b>", "$3.1 <b>billion", 3.1e9), ("$3.1&nbsp;billion", None, 3.1e9), ("$3.1\u2028billion", None, 3.1e9),
])
def test_batches_amount_and_record_value_whatever_the_spacing(nlp, figure, mention, value):
    rows = process_one(nlp, Article(doc_id="s", text=SENTENCE.format(figure)))
    assert [(a["text"], a["value"]) for a in rows["amounts"]] == [(mention or figure, value)]
    assert [(r["flow"], r["value"]) for r in rows["trade_records"]] == [("export", value)]


def test_batches_double_spaced_percent_is_found(nlp):
    rows = process_one(nlp, Article(doc_id="p", text="Thailand's exports to China rose 12  percent to $3.1 billion in 2023."))
    assert [(p["text"], p["value"]) for p in rows["percentages"]] == [("12  percent", 12.0)]


@pytest.mark.parametrize("noise", ["!" * 20_000, "(" * 50_000])
def test_batches_pathological_punctuation_is_fast_and_keeps_the_figure(nlp, noise):
    text = f"Exports to Japan rose 5% to $3 billion {noise} in 2023."
    rows = process_one(nlp, Article(doc_id="n", text=text))  # minutes before (quadratic in spaCy's suffix search)
    assert rows["documents"][0]["status"] == "ok"
    assert [(a["text"], a["value"]) for a in rows["amounts"]] == [("$3 billion", 3e9)]


def test_batches_overrunning_its_time_budget_is_an_error_row_and_the_batch_goes_on(nlp):
    from pipeline.run.batches import process_batch
    slow = Article(doc_id="slow", text="Thailand's exports to China rose 8 per cent to $3.1 billion in 2023. " * 1400)
    fast = Article(doc_id="fast", text="Japan pledged $6.3 million in emergency assistance to Cambodia.")
    rows = process_batch(nlp, [slow, fast], doc_seconds=0.3)  # ~100,000 characters take seconds, not 0.3 s
    slow_doc, fast_doc = rows[0]["documents"][0], rows[1]["documents"][0]
    assert slow_doc["status"] == "error" and "time budget of 0.3 s" in slow_doc["error"]
    assert fast_doc["status"] == "ok" and [a["text"] for a in rows[1]["amounts"]] == ["$6.3 million"]

"""The library's `extract()` at its boundary (issue 16, part 3): bad arguments are one clear ValueError before any
work, a bad item is an `error` row beside the good ones, never an exception that loses them."""
from datetime import date

import pytest

import pipeline
from pipeline.corpus.article import Article

GOOD = "Thailand's exports to China rose 8% to $3.1 billion in 2023."  # own


@pytest.mark.parametrize("bad_text", [None, 123, 4.5, ["a list"]])
def test_extract_item_with_bad_text_is_an_error_row_and_good_ones_survive(nlp, bad_text):
    result = pipeline.extract([Article(doc_id="good", text=GOOD), Article(doc_id="bad", text=bad_text)], nlp=nlp)
    docs = result.documents.set_index("doc_id")
    assert docs.loc["good"].status == "ok" and len(result.trade_records) == 1
    assert docs.loc["bad"].status == "error" and "text" in docs.loc["bad"].error


def test_extract_bytes_text_is_decoded(nlp):
    result = pipeline.extract([Article(doc_id="b", text=GOOD.encode("cp1252"))], nlp=nlp)
    assert result.documents.iloc[0].status == "ok" and len(result.trade_records) == 1


@pytest.mark.parametrize("item", [123, {"id": "x"}, ("only-an-id",), ("x", GOOD, "not a dict")])
def test_extract_item_that_is_not_an_article_is_an_error_row(nlp, item):
    result = pipeline.extract([("good", GOOD), item], nlp=nlp)
    statuses = list(result.documents.status)
    assert statuses == ["ok", "error"] and len(result.trade_records) == 1


def test_extract_string_dates_are_read_as_iso(nlp):
    result = pipeline.extract([Article(doc_id="s", text=GOOD, published="2024-01-05")], nlp=nlp, reference_date="2024-02-01")
    row = result.documents.iloc[0]
    assert (row.status, row.published, row.reference_date) == ("ok", "2024-01-05", "2024-01-05")
    nodate = pipeline.extract([Article(doc_id="n", text="Exports rose last year.")], nlp=nlp, reference_date="2024-02-01")
    assert nodate.documents.iloc[0].reference_date == "2024-02-01"
    assert nodate.dates.iloc[0].start == "2023-01-01"


def test_extract_bad_published_string_is_an_error_row(nlp):
    result = pipeline.extract([Article(doc_id="good", text=GOOD), Article(doc_id="bad", text=GOOD, published="May 5")], nlp=nlp)
    docs = result.documents.set_index("doc_id")
    assert docs.loc["bad"].status == "error" and "published" in docs.loc["bad"].error and docs.loc["good"].status == "ok"


@pytest.mark.parametrize("kwargs,message", [
    ({"reference_date": "2024-13-45"}, "reference_date"), ({"reference_date": "yesterday"}, "reference_date"),
    ({"reference_date": 20240101}, "reference_date"), ({"max_chars": -1}, "max_chars"), ({"batch_size": 0}, "batch_size"),
    ({"workers": 0}, "workers"), ({"engine": "spark"}, "engine"),
])
def test_extract_bad_arguments_raise_one_value_error_before_any_work(kwargs, message):
    def articles():
        raise AssertionError("no article may be read before the arguments are checked")
        yield
    with pytest.raises(ValueError, match=message):
        pipeline.extract(articles(), nlp=object(), **kwargs)


def test_extract_source_that_is_not_an_input_is_a_value_error():
    with pytest.raises(ValueError, match="source"):
        pipeline.extract(123, nlp=object())


def test_extract_accepts_real_dates_and_datetimes(nlp):
    from datetime import datetime
    result = pipeline.extract([Article(doc_id="d", text=GOOD, published=datetime(2024, 1, 5, 10, 30))], nlp=nlp,
                              reference_date=date(2024, 2, 1))
    assert result.documents.iloc[0].published == "2024-01-05"

"""Property tests: random unicode and random figure strings through the extractors and the whole pipeline
never raise, and every mention row's offsets slice the text back to the mention."""
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.corpus.article import Article
from pipeline.values.dates.finder import find_dates
from pipeline.values.money import find_money
from pipeline.values.percent import find_percentages
from pipeline.run.batches import process_one

REF = date(2024, 5, 1)
NUMBER = st.one_of(st.integers(0, 10**25).map(str), st.decimals("0", "1e12", places=2).map(str),
                   st.integers(0, 10**9).map(lambda n: f"{n:,}"))
CURRENCY = st.sampled_from(["$", "US$", "S$", "€", "£", "¥", "₫", "៛", "Rs ", "USD ", "", " yen", " riel", " baht", " dong"])
SCALE = st.sampled_from(["", " million", " bn", "m", " billion", " trillion", " tn", " lakh", " crore", " thousand"])
DATE_WORDS = st.sampled_from(["January", "Q3", "H1", "last year", "the first half of", "2023-28", "1990s", "Monday",
                              "between 1992 and", "early September", "the same period last year", "Jan-Nov", "FY"])
FIGURE = st.one_of(
    st.tuples(CURRENCY, NUMBER, SCALE).map("".join),
    st.tuples(NUMBER, st.sampled_from(["%", " per cent", " percent", " pct", " percentage points"])).map("".join),
    st.tuples(DATE_WORDS, st.sampled_from([" ", "-", " of "]), NUMBER).map("".join),
)
NEWSY = st.lists(st.one_of(FIGURE, st.text(max_size=12), st.sampled_from(
    ["Thailand's exports to China", "rose", "fell", "Việt Nam", "日本", "ประเทศไทย", "ព្រះរាជាណាចក្រ", "\n\n", ". ",
     "signed an MoU with", "Prime Minister", "H.E.", "<b>", "\x07", "(JETRO)"])), max_size=25).map(" ".join)

MENTION_TABLES = ("entities", "amounts", "percentages", "dates")


def _assert_offsets(text: str, found) -> None:
    for start, end, _ in found:
        assert 0 <= start < end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=120), NEWSY))
def test_properties_value_finders_never_raise_and_stay_inside_the_text(text):
    for found in (list(find_money(text)), list(find_percentages(text)), list(find_dates(text, REF)), list(find_dates(text, None))):
        _assert_offsets(text, found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_properties_pipeline_rows_slice_back_to_their_text(nlp, text):
    rows = process_one(nlp, Article(doc_id="p", text=text, reference_date=REF))
    assert rows["documents"][0]["status"] == "ok", rows["documents"][0]["error"]
    for table in MENTION_TABLES:
        for row in rows[table]:
            start, end = int(row["start_char"]), int(row["end_char"])
            assert 0 <= start < end <= len(text)
            assert text[start:end] == row["text"], (table, row)

"""Date grammar and resolvers: real news phrasings anchored to a publication date."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.dates import find_dates

D = date


def first(text, ref):
    got = list(find_dates(text, ref))
    assert got, f"no date in {text!r}"
    s, e, v = got[0]
    return text[s:e], v


@pytest.mark.parametrize("text,ref,span,start,end,gran", [
    # development cases (seed genre)
    ("met in Osaka on Wednesday.", D(2024, 9, 26), "Wednesday", D(2024, 9, 25), D(2024, 9, 25), "day"),
    ("for the January to August period of 2024", D(2024, 9, 26), "the January to August period of 2024", D(2024, 1, 1), D(2024, 8, 31), "range"),
    ("rose in the first eight months this year", D(2024, 10, 2), "the first eight months this year", D(2024, 1, 1), D(2024, 8, 31), "range"),
    ("Last month, a delegation visited", D(2024, 9, 26), "Last month", D(2024, 8, 1), D(2024, 8, 31), "month"),
    ("a press statement on April 24", D(2022, 4, 25), "April 24", D(2022, 4, 24), D(2022, 4, 24), "day"),
    ("since the 1990s", D(2022, 4, 25), "the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("growth during 2010-2019", D(2021, 5, 7), "2010-2019", D(2010, 1, 1), D(2019, 12, 31), "range"),
    ("Between 1992 and 2018, aid", D(2020, 8, 22), "Between 1992 and 2018", D(1992, 1, 1), D(2018, 12, 31), "range"),
    ("as early as early September", D(2020, 8, 22), "early September", D(2020, 9, 1), D(2020, 9, 10), "range"),
    ("Last June, Japan pledged", D(2020, 8, 22), "Last June", D(2020, 6, 1), D(2020, 6, 30), "month"),
    # other phrasings (Reuters, Bangkok Post, VnExpress, Xinhua style)
    ("in the third quarter of 2023", D(2024, 1, 5), "the third quarter of 2023", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
    ("Q1 exports", D(2023, 5, 2), "Q1", D(2023, 1, 1), D(2023, 3, 31), "quarter"),
    ("in H2 the plant opens", D(2023, 9, 1), "H2", D(2023, 7, 1), D(2023, 12, 31), "half"),
    ("in the first half of this year", D(2023, 9, 1), "the first half of this year", D(2023, 1, 1), D(2023, 6, 30), "half"),
    ("the 2023-28 plan", D(2023, 9, 1), "the 2023-28", D(2023, 1, 1), D(2028, 12, 31), "range"),
    ("in January-July", D(2023, 8, 10), "January-July", D(2023, 1, 1), D(2023, 7, 31), "range"),
    ("for Jan-Nov 2022", D(2023, 1, 10), "Jan-Nov 2022", D(2022, 1, 1), D(2022, 11, 30), "range"),
    ("from 2010 to 2019", D(2021, 1, 1), "from 2010 to 2019", D(2010, 1, 1), D(2019, 12, 31), "range"),
    ("on May 3, 2023 in Jakarta", D(2023, 6, 1), "May 3, 2023", D(2023, 5, 3), D(2023, 5, 3), "day"),
    ("last year", D(2021, 5, 7), "last year", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("three days ago", D(2021, 5, 7), "three days ago", D(2021, 5, 4), D(2021, 5, 4), "day"),
    ("next week", D(2023, 6, 15), "next week", D(2023, 6, 19), D(2023, 6, 25), "week"),
])
def test_periods_resolve(text, ref, span, start, end, gran):
    got_span, v = first(text, ref)
    assert (got_span, v.start, v.end, v.granularity) == (span, start, end, gran)


@pytest.mark.parametrize("text,value", [
    ("over that 16-year period", "P16Y"), ("a 14-day quarantine", "P14D"), ("around four years", "P4Y"),
    ("more than seven decades", "P70Y"), ("a two-day visit", "P2D"),
])
def test_periods_durations(text, value):
    _, v = first(text, D(2022, 1, 1))
    assert (v.type, v.granularity, v.start) == ("duration", value, None)


def test_periods_same_period_last_year_shifts_the_previous_period():
    text = "Exports rose in the first eight months this year, compared to the same period last year."
    got = [(text[s:e], v.start, v.end) for s, e, v in find_dates(text, D(2024, 10, 2))]
    assert got[-1] == ("the same period last year", D(2023, 1, 1), D(2023, 8, 31))


@pytest.mark.parametrize("text", ["on Wednesday", "last year", "April 23", "in the first quarter"])
def test_periods_relative_without_reference_is_unresolved(text):
    _, v = first(text, None)
    assert (v.resolved, v.relative, v.start, v.end) == (False, True, None, None)


@pytest.mark.parametrize("text", ["$2 billion", "10,000 masks", "26 schools", "you may go", "H2O levels"])
def test_periods_not_dates(text):
    assert [text[s:e] for s, e, v in find_dates(text, D(2022, 1, 1)) if v.type == "date"] == []


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_periods_never_raise(text):
    for s, e, _ in find_dates(text, D(2022, 4, 25)):
        assert 0 <= s < e <= len(text)

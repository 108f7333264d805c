"""Date grammar and resolvers: real news phrasings anchored to a publication date."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.values.dates.finder import find_dates

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
    # day ranges, numeric dates and joined periods
    ("the fair runs March 3-5 in Hanoi", D(2024, 2, 20), "March 3-5", D(2024, 3, 3), D(2024, 3, 5), "range"),
    ("the visit on 3 to 5 March 2024", D(2024, 2, 20), "3 to 5 March 2024", D(2024, 3, 3), D(2024, 3, 5), "range"),
    ("talks held Nov 18-Dec 19, 2015", D(2018, 10, 24), "Nov 18-Dec 19, 2015", D(2015, 11, 18), D(2015, 12, 19), "range"),
    ("from 2 July to 10 July the ministers", D(2022, 7, 10), "2 July to 10 July", D(2022, 7, 2), D(2022, 7, 10), "range"),
    ("signed on 22/04/2021 in Phnom Penh", D(2021, 5, 1), "22/04/2021", D(2021, 4, 22), D(2021, 4, 22), "day"),
    ("signed on 23.04.2022 in Hanoi", D(2022, 5, 1), "23.04.2022", D(2022, 4, 23), D(2022, 4, 23), "day"),
    ("the figure for 2015-12 shows", D(2019, 2, 27), "2015-12", D(2015, 12, 1), D(2015, 12, 31), "month"),
    ("a plan for Dec-2018", D(2018, 11, 1), "Dec-2018", D(2018, 12, 1), D(2018, 12, 31), "month"),
    ("from Nov to March", D(2018, 9, 7), "from Nov to March", D(2017, 11, 1), D(2018, 3, 31), "range"),
    ("How about 2019 q1", D(2019, 11, 7), "2019 q1", D(2019, 1, 1), D(2019, 3, 31), "quarter"),
    # spans around the reference date
    ("trade grew over the past five years", D(2018, 8, 30), "the past five years", D(2013, 8, 30), D(2018, 8, 29), "range"),
    ("in the next three days", D(2016, 11, 7), "the next three days", D(2016, 11, 8), D(2016, 11, 10), "range"),
    ("within 9 months", D(2018, 3, 23), "within 9 months", D(2018, 3, 23), D(2018, 12, 22), "range"),
    ("exports earlier this year", D(2018, 5, 28), "earlier this year", D(2018, 1, 1), D(2018, 5, 27), "range"),
    ("a deal later this month", D(2018, 5, 28), "later this month", D(2018, 5, 28), D(2018, 5, 31), "range"),
    ("shares are down 20% in the year to date", D(2018, 9, 7), "the year to date", D(2018, 1, 1), D(2018, 9, 6), "range"),
    ("by the end of the year", D(2018, 11, 23), "the end of the year", D(2018, 7, 1), D(2018, 12, 31), "range"),
    ("for the previous three quarters", D(2019, 7, 4), "the previous three quarters", D(2018, 10, 1), D(2019, 6, 30), "range"),
    ("in the last four months of 2021", D(2018, 11, 29), "the last four months of 2021", D(2021, 9, 1), D(2021, 12, 31), "range"),
    ("the first week of 2015", D(2018, 11, 29), "the first week of 2015", D(2014, 12, 29), D(2015, 1, 4), "week"),
    ("the last week of July", D(2016, 11, 7), "the last week of July", D(2016, 7, 25), D(2016, 7, 31), "week"),
    ("next week Wednesday", D(2018, 11, 28), "next week Wednesday", D(2018, 12, 5), D(2018, 12, 5), "day"),
    ("talks over the weekend", D(2024, 9, 23), "the weekend", D(2024, 9, 21), D(2024, 9, 22), "range"),
    ("protests last night in the capital", D(2018, 7, 17), "last night", D(2018, 7, 16), D(2018, 7, 16), "day"),
    ("in the 21st century", D(2018, 6, 22), "the 21st century", D(2000, 1, 1), D(2099, 12, 31), "century"),
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


def test_periods_may_after_a_year_is_the_verb():
    text = "exports in 2020 may rise"
    assert [text[s:e] for s, e, _ in find_dates(text, D(2022, 1, 1))] == ["2020"]


@pytest.mark.parametrize("text", ["$2 billion", "10,000 masks", "26 schools", "you may go", "H2O levels",
                                  "they sat down to talk", "a 24/7 hotline"])
def test_periods_not_dates(text):
    assert [text[s:e] for s, e, v in find_dates(text, D(2022, 1, 1)) if v.type == "date"] == []


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_periods_never_raise(text):
    for s, e, _ in find_dates(text, D(2022, 4, 25)):
        assert 0 <= s < e <= len(text)


@pytest.mark.parametrize("text,country,start,end", [
    ("exports in fiscal year 2021-22", "BGD", D(2021, 7, 1), D(2022, 6, 30)),
    ("the 2022-23 fiscal year", "IND", D(2022, 4, 1), D(2023, 3, 31)),
    ("in FY2023 exports", "THA", D(2022, 10, 1), D(2023, 9, 30)),
    ("in FY2023 exports", "JPN", D(2023, 4, 1), D(2024, 3, 31)),
    ("in FY2023 exports", None, D(2023, 1, 1), D(2023, 12, 31)),
])
def test_periods_fiscal_years_follow_the_country(text, country, start, end):
    (_, _, v), = [f for f in find_dates(text, D(2024, 1, 1), country=country)]
    assert (v.start, v.end) == (start, end)

"""Trade-report period forms (issue 12): how news names the period of a figure, anchored to the publication date."""
from datetime import date

import pytest

from pipeline.values.dates.finder import find_dates

D = date


@pytest.mark.parametrize("text,ref,span,start,end,provenance", [
    ("As for July only, the statistics showed the turnover", D(2019, 9, 4), "July", D(2019, 7, 1), D(2019, 7, 31), "AzerNews style"),
    ("In July, overall exports recorded a growth of 7%", D(2019, 9, 4), "July", D(2019, 7, 1), D(2019, 7, 31), "AzerNews style"),
    ("It may be in may", D(2018, 1, 7), "may", D(2017, 5, 1), D(2017, 5, 31), "Recognizers-Text: lower case after 'in'"),
    ("In the eight months of the current year, trade fell", D(2020, 9, 7), "the eight months of the current year",
     D(2020, 1, 1), D(2020, 8, 31), "MercoPress style"),
    ("a surplus of US$130 million in the eight months of 2019", D(2020, 9, 7), "the eight months of 2019",
     D(2019, 1, 1), D(2019, 8, 31), "MercoPress style"),
    ("trade rose in the past seven months of 2018", D(2018, 8, 20), "the past seven months of 2018",
     D(2018, 1, 1), D(2018, 7, 31), "VnExpress style: said in the year itself, the months so far"),
    ("in the last four months of 2021", D(2022, 3, 1), "the last four months of 2021", D(2021, 9, 1), D(2021, 12, 31), "composed"),
    ("turnover during the opening six months of the year", D(2022, 7, 9), "the opening six months of the year",
     D(2022, 1, 1), D(2022, 6, 30), "Vietnamese outlet style"),
    ("exports in the three quarters of this year", D(2022, 10, 20), "the three quarters of this year",
     D(2022, 1, 1), D(2022, 9, 30), "Khmer Times style: the first three quarters"),
    ("in the first two quarters of 2019", D(2019, 8, 1), "the first two quarters of 2019", D(2019, 1, 1), D(2019, 6, 30), "composed"),
    ("for the cumulative period December 2020 to November 2021", D(2022, 1, 20), "December 2020 to November 2021",
     D(2020, 12, 1), D(2021, 11, 30), "Daily Monitor style"),
    ("The range is in 2014 through May 2018.", D(2016, 11, 7), "2014 through May 2018", D(2014, 1, 1), D(2018, 5, 31),
     "Recognizers-Text"),
    ("she was forced to resign on August 5 last year", D(2025, 9, 28), "August 5 last year", D(2024, 8, 5), D(2024, 8, 5),
     "Financial Express (Bangladesh) style"),
    ("after the fall of the government in August last year", D(2025, 9, 28), "August last year", D(2024, 8, 1),
     D(2024, 8, 31), "Financial Express (Bangladesh) style"),
    ("Thứ Bảy, 09/07/2022, 18:47", D(2022, 7, 9), "09/07/2022", D(2022, 7, 9), D(2022, 7, 9),
     "a Vietnamese dateline: day first, as its publication date shows"),
    ("on 7/3/2019 in Lima", D(2019, 7, 3), "7/3/2019", D(2019, 7, 3), D(2019, 7, 3), "Andina: month first, the publication date"),
    ("on 03/05/2022 the ministry", D(2022, 7, 9), "03/05/2022", D(2022, 3, 5), D(2022, 3, 5), "undecided: month first"),
    ("Show sales in the cy18", D(2019, 6, 18), "CY18", D(2018, 1, 1), D(2018, 12, 31), "Recognizers-Text"),
])
def test_news_periods(text, ref, span, start, end, provenance):
    got = [(text[s:e], v.start, v.end) for s, e, v in find_dates(text, ref)]
    assert (span.lower(), start, end) in [(t.lower(), a, b) for t, a, b in got], got


@pytest.mark.parametrize("text,country,start,end,provenance", [
    ("trade rose to $11.24 billion in FY25", "BGD", D(2024, 7, 1), D(2025, 6, 30), "Financial Express (Bangladesh)"),
    ("from $1.57 billion in FY24", "BGD", D(2023, 7, 1), D(2024, 6, 30), "Financial Express (Bangladesh)"),
    ("exports in FY2024-25", "BGD", D(2024, 7, 1), D(2025, 6, 30), "composed"),
    ("exports in FY24-25", "IND", D(2024, 4, 1), D(2025, 3, 31), "composed"),
    ("sales in FY25", None, D(2025, 1, 1), D(2025, 12, 31), "no fiscal year known: the calendar year"),
])
def test_news_short_fiscal_years(text, country, start, end, provenance):
    (_, _, value), = find_dates(text, D(2025, 9, 28), country=country)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text,start,end,provenance", [
    ("BEIJING, Aug 3 (APP): Pakistan exported goods worth $2.78 billion during fiscal year 2021-22, officials said.",
     D(2021, 7, 1), D(2022, 6, 30), "APP: a Beijing dateline, Pakistan's fiscal year"),
    ("DHAKA, Sept 28: Bangladesh's exports to India rose to $1.77 billion in FY25 from a year earlier.",
     D(2024, 7, 1), D(2025, 6, 30), "composed: the home country acts"),
])
def test_fiscal_year_of_the_country_that_acts(nlp, text, start, end, provenance):
    doc = nlp(text)
    fiscal = [s for s in doc.spans["dates"] if "FY" in s.text or "fiscal" in s.text]
    assert fiscal and (fiscal[0]._.value.start, fiscal[0]._.value.end) == (start, end)


@pytest.mark.parametrize("text,ref,expected,provenance", [
    ("in early January.\nLast year, trade reached $1.6 billion", D(2024, 2, 27),
     [("early January", D(2024, 1, 1), D(2024, 1, 10)), ("Last year", D(2023, 1, 1), D(2023, 12, 31))],
     "VietnamPlus style: a month ending a sentence is not 'January last year'"),
    ("a yearly increase of 50% over the past seven months of 2018", None,
     [("the past seven months of 2018", D(2018, 1, 1), D(2018, 7, 31))], "VOV style, no publication date"),
])
def test_news_periods_all(text, ref, expected, provenance):
    assert [(text[s:e], v.start, v.end) for s, e, v in find_dates(text, ref)] == expected


@pytest.mark.parametrize("text,ref,span,start,end,provenance", [
    ("I'll go back May twenty nine", D(2016, 11, 7), "May twenty nine", D(2016, 5, 29), D(2016, 5, 29), "Recognizers-Text"),
    ("the talks resume on the second of August", D(2016, 11, 7), "the second of August", D(2016, 8, 2), D(2016, 8, 2), "issue 12"),
    ("I'll go back twenty second of June", D(2016, 11, 7), "twenty second of June", D(2016, 6, 22), D(2016, 6, 22), "Recognizers-Text"),
    ("January first 2000 was a special day", D(2019, 6, 3), "January first 2000", D(2000, 1, 1), D(2000, 1, 1), "Recognizers-Text"),
    ("Let's go for coffee on wednesday the thirty first.", D(2019, 7, 19), "wednesday the thirty first", D(2019, 7, 31),
     D(2019, 7, 31), "Recognizers-Text"),
    ("The ministry will review the deal in two years.", D(2018, 7, 5), "in two years", D(2020, 7, 5), D(2020, 7, 5),
     "issue 12: a future point"),
    ("Tom and I will have a meeting in 2 weeks", D(2018, 3, 23), "in 2 weeks", D(2018, 4, 6), D(2018, 4, 6), "Recognizers-Text"),
    ("two weeks from now", D(2016, 11, 7), "two weeks from now", D(2016, 11, 21), D(2016, 11, 21), "Recognizers-Text"),
    ("I'll go back the day after tomorrow", D(2016, 11, 7), "the day after tomorrow", D(2016, 11, 9), D(2016, 11, 9), "issue 12"),
])
def test_words_and_offsets(text, ref, span, start, end, provenance):
    got = [(text[s:e], v.start, v.end) for s, e, v in find_dates(text, ref)]
    assert (span, start, end) in got, got


@pytest.mark.parametrize("text,ref,provenance", [
    ("Exports hit their lowest level in two years.", D(2022, 5, 1), "news: a span back, not a future point"),
    ("In March two companies signed deals.", D(2022, 5, 1), "a count after a month is not its day"),
])
def test_not_a_future_point_or_day(text, ref, provenance):
    got = [(text[s:e], v.type, v.granularity) for s, e, v in find_dates(text, ref)]
    assert all(g != "day" for _, _, g in got), got


@pytest.mark.parametrize("text,ref,start,provenance", [
    ("the programme will run through June.", D(2013, 3, 18), D(2013, 6, 1), "TempEval-3 (WSJ): a bound ahead is this year's"),
    ("the tariff stays in place until October", D(2023, 2, 1), D(2023, 10, 1), "composed"),
    ("In October, exports fell 3%", D(2023, 2, 1), D(2022, 10, 1), "a month well after publication is last year's"),
])
def test_month_alone_bound_ahead(text, ref, start, provenance):
    (_, _, value), = find_dates(text, ref)
    assert value.start == start

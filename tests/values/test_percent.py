"""Percentages and percentage points: spellings, signs, ranges, qualifiers."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.values.percent import find_percentages, parse_percent


@pytest.mark.parametrize("text,value,unit", [
    ("5.1 percent", 5.1, "percent"), ("15 per cent", 15, "percent"), ("20%", 20, "percent"),
    ("3.4 pct", 3.4, "percent"), ("10pc", 10, "percent"), ("twenty percent", 20, "percent"),
    ("2.5 percentage points", 2.5, "percentage_point"), ("0.5 percentage point", 0.5, "percentage_point"),
    ("25 basis points", 0.25, "percentage_point"), ("-3.2%", -3.2, "percent"), ("minus five percent", -5, "percent"),
    ("103.68 per cent", 103.68, "percent"),
])
def test_percent_parse(text, value, unit):
    got = parse_percent(text)
    assert got is not None and got.value == pytest.approx(value) and got.unit == unit


@pytest.mark.parametrize("text", ["$5 million", "2019", "percent", "fourth", "x%y"])
def test_percent_parse_rejects(text):
    assert parse_percent(text) is None


@pytest.mark.parametrize("sentence,expected", [
    ("accounting for nearly 15 percent of financing", [("15 percent", 15, "approx")]),
    ("growth of around 18 per cent during 2010-2019", [("18 per cent", 18, "approx")]),
    ("between 5 and 6 per cent", [("5", 5, "exact"), ("6 per cent", 6, "exact")]),
    ("a 5-6% expansion", [("5", 5, "exact"), ("6%", 6, "exact")]),
    ("inflation of more than 4% a year", [("4%", 4, "more_than")]),
    ("up 20.8 per cent, apparel 15.5 per cent", [("20.8 per cent", 20.8, "exact"), ("15.5 per cent", 15.5, "exact")]),
    ("see https://x.com/search?q=30%25%2020%", []),
    ("one hundred percent of the shares", [("one hundred percent", 100, "exact")]),
    ("a rise of thirty percentage", [("thirty percentage", 30, "exact")]),
    ("the tariff falls to per cent of twenty-two.", [("per cent of twenty-two", 22, "exact")]),
    ("5 percent of 210 firms", [("5 percent", 5, "exact")]),
    ("In 2003 BP invested around $8 billion", []),
    ("spreads widened 25 bp", [("25 bp", 0.25, "exact")]),
])
def test_percent_find_in_sentences(sentence, expected):
    got = [(sentence[s:e], v.value, v.qualifier) for s, e, v in find_percentages(sentence)]
    assert [(t, pytest.approx(v), q) for t, v, q in expected] == got


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_percent_never_raises(text):
    list(find_percentages(text))
    parse_percent(text)


@given(st.decimals(min_value="0", max_value="1000", places=1), st.sampled_from(["%", " percent", " per cent", " pct"]))
@settings(max_examples=100, deadline=None)
def test_percent_formatted_value_parses_back(number, unit):
    assert parse_percent(f"{number}{unit}").value == pytest.approx(float(number))

"""Shares written as fractions: value as a percentage, unit `fraction`; never a fraction inside a date."""
import pytest

from pipeline.values.fractions import find_fractions


@pytest.mark.parametrize("sentence,expected,provenance", [
    ("China takes a third of Laos's exports", [("a third of", 33.333333)], "issue 12"),
    ("one out of three", [("one out of three", 33.333333)], "Recognizers-Text percent"),
    ("one in two", [("one in two", 50.0)], "Recognizers-Text percent"),
    ("1/4 of", [("1/4 of", 25.0)], "Recognizers-Text percent"),
    ("one fourth of", [("one fourth of", 25.0)], "Recognizers-Text percent"),
    ("one half of", [("one half of", 50.0)], "Recognizers-Text percent"),
    ("one quarter of", [("one quarter of", 25.0)], "Recognizers-Text percent"),
    ("Rice makes up two-thirds of the country's farm exports.", [("two-thirds of", 66.666667)], "composed, news style"),
    ("Garments account for three quarters of shipments to the EU.", [("three quarters of", 75.0)], "composed"),
    ("One in five cars sold in Thailand is made in Japan.", [("One in five", 20.0)], "composed"),
    ("one in three companies plan to invest", [("one in three", 33.333333)], "issue 12: a share of companies"),
    ("roughly one in every 10 workers", [("one in every 10", 10.0)], "composed"),
])
def test_fraction_shares(sentence, expected, provenance):
    got = [(sentence[s:e], v.value, v.unit) for s, e, v in find_fractions(sentence)]
    assert got == [(t, pytest.approx(v), "fraction") for t, v in expected]


@pytest.mark.parametrize("sentence,provenance", [
    ("one third", "Recognizers-Text percent: no 'of', no share"),
    ("in the three quarters of this year", "news: a period, not a share"),
    ("in the first quarter of 2020", "news: a quarter of the year"),
    ("half of 2019", "a half year"),
    ("on the third of August", "a day"),
    ("over a quarter of a century", "a period"),
    ("the fourth of July", "a day"),
])
def test_fraction_not_a_share(sentence, provenance):
    assert list(find_fractions(sentence)) == []


def test_fraction_qualifier():
    (_, _, value), = find_fractions("more than half of exports went to China")
    assert value.qualifier == "more_than" and value.value == 50.0

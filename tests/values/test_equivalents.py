"""Stated equivalents: the dollar figure an article gives beside a local-currency amount is its value_usd."""
import pytest

from pipeline.values.equivalents import with_usd
from pipeline.values.money import find_money

BANGKOK_POST = "http://www.bangkokpost.com/print/361029/"
CNG = "https://cambodianewsgazette.com/cambodia-japan-sign-key-documents/"


def amounts(text):
    return [(text[s:e], v.currency, v.value_usd, v.usd_source, v.equivalent) for s, e, v in with_usd(list(find_money(text)), text, None)]


@pytest.mark.parametrize("sentence,expected,provenance", [
    ("Bilateral trade during the five-month period amounted to 3.4 trillion kip ($433.8 million), up 5.6% year-on-year.",
     [("3.4 trillion kip", "LAK", 433.8e6, "stated", False), ("$433.8 million", "USD", 433.8e6, "stated", True)], BANGKOK_POST),
    ("1. Up to the maximum amount of JPY 2,451,000,000 (approximately US$17 million) for the purpose of contributing",
     [("JPY 2,451,000,000", "JPY", 17e6, "stated", False), ("US$17 million", "USD", 17e6, "stated", True)], CNG),
    ("total trade amounting to RM95.10 billion (US$22.93 billion) in 2021",
     [("RM95.10 billion", "MYR", 22.93e9, "stated", False), ("US$22.93 billion", "USD", 22.93e9, "stated", True)], "own"),
    ("total trade was roughly US$23 billion (RM101.2 billion) in 2021",
     [("US$23 billion", "USD", 23e9, "stated", False), ("RM101.2 billion", "MYR", 23e9, "stated", True)], "own"),
    ("a loan of ¥2.5 billion, or about $23 million, for flood control",
     [("¥2.5 billion", "JPY", 23e6, "stated", False), ("$23 million", "USD", 23e6, "stated", True)], "own"),
    # an exchange rate after an amount is not a restatement of it
    ("roughly US$23 billion (USD1=RM4.40) in 2021",
     [("US$23 billion", "USD", 23e9, "stated", False), ("USD1", "USD", 1.0, "stated", False),
      ("RM4.40", "MYR", pytest.approx(1.05, abs=0.2), "converted", False)], "own"),
    # two amounts in one currency are two figures
    ("exports of $5 million and imports of $3 million", [("$5 million", "USD", 5e6, "stated", False), ("$3 million", "USD", 3e6, "stated", False)], "own"),
])
def test_stated_equivalents(sentence, expected, provenance):
    assert amounts(sentence) == expected


def test_without_a_stated_figure_the_rate_converts():
    (_, currency, usd, source, equivalent), = amounts("Thai exports rose to 996 billion baht.")
    assert currency == "THB" and source == "converted" and usd is not None and usd > 1e10 and not equivalent

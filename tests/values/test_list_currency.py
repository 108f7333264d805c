"""Bare figures in lists whose header names the currency once."""
import pytest

from pipeline.values.list_currency import bare_amounts
from pipeline.values.money import header_currencies

NATION = "https://nationthailand.com/thailand/economy/40022751"


def bare(text):
    return [(text[s:e], v.value, v.currency) for s, e, v in bare_amounts(text, header_currencies(), lambda s, e: False)]


@pytest.mark.parametrize("text,expected,provenance", [
    ("The top five products exported to China in terms of baht value were:\n• Rubber products: 95.4 billion (+31.38%)\n"
     "• Tapioca: 81.9 billion (+18.66%)\n• Computers and parts, +5.31%.",
     [("95.4 billion", 95.4e9, "THB"), ("81.9 billion", 81.9e9, "THB")], NATION),
    ("Main imports from Japan (in million USD):\n- Machinery: 2,140\n- Iron and steel - 1,000\n\nThe deficit widened.",
     [("2,140", 2140.0, "USD"), ("1,000", 1000.0, "USD")], "own"),
    # the list ends at the first line that is not an item
    ("Exports (in ringgit):\n1. Palm oil: 3.2 billion\nAnalysts said 2.5 billion was expected.",
     [("3.2 billion", 3.2e9, "MYR")], "own"),
    # no currency in the header: nothing is money
    ("Top products:\n• Rubber: 95.4 billion\n", [], "own"),
    # a header naming two currencies fixes none
    ("Figures (in baht and US dollars):\n• Rubber: 95.4 billion\n", [], "own"),
    # percentages and years are not money
    ("Exports to China (in baht):\n• Rubber: +31.38%\n• Year: 2022\n", [], "own"),
])
def test_bare_amounts_under_currency_header(text, expected, provenance):
    assert bare(text) == expected

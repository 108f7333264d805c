"""Publication dates read from an article's own dateline or byline, never from a body sentence."""
from datetime import date

import pytest

from pipeline.corpus.dateline import find_dateline


@pytest.mark.parametrize("text,expected", [
    ("Title\n  • Sao Phal Niseiy\n  • August 22, 2020 12:04 PM\n\nBody text here.", date(2020, 8, 22)),
    ("Thursday, 6 May 2021\n\nHÀ NỘI — The minister met ...", date(2021, 5, 6)),
    ("Published: 2023-03-05\nBangkok trade rose.", date(2023, 3, 5)),
    ("BANGKOK, March 3, 2024 (Reuters) - Thailand's exports rose.", date(2024, 3, 3)),
    ("JAKARTA, 12 January 2023 - Indonesia and India agreed.", date(2023, 1, 12)),
])
def test_dateline_found(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.parametrize("text", [
    "On March 3, 2019, Japan pledged $6 million in emergency assistance to help the country after floods struck the north.",
    "Trade between the two countries reached $2 billion in 2019, officials said on Monday in a statement to reporters.",
    "",
])
def test_dateline_not_from_body_sentences(text):
    assert find_dateline(text) is None


def test_dateline_without_year_uses_the_hint():
    assert find_dateline("PHNOM PENH, Aug 22 (Reuters) - Cambodia agreed", year_hint=2020) == date(2020, 8, 22)

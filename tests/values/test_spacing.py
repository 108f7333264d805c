"""Spacing: every Unicode space and line break is a gap, zero-width characters are invisible inside figures, and a
figure's span still slices the original text (issue 16, part 1)."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.values.money import find_money
from pipeline.values.percent import find_percentages
from pipeline.values.spacing import view

NBSP, THIN, NNBSP, ZWSP, ZWNJ, ZWJ, WJ = "\u00a0", "\u2009", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060"


def _money(text):
    return [(text[s:e], v.value, v.currency) for s, e, v in find_money(text)]


def _pct(text):
    return [(text[s:e], v.value) for s, e, v in find_percentages(text)]


@pytest.mark.parametrize("text,value", [  # provenance: own, the spellings of issue 16
    (f"$924{NBSP}million", 924e6), (f"$924{THIN}million", 924e6), (f"$924{NNBSP}million", 924e6),
    ("$924  million", 924e6), (f"$9{ZWNJ}24 million", 924e6), (f"$9{ZWSP}24 million", 924e6),
    (f"$1,{ZWJ}234 million", 1234e6), (f"$924{WJ} million", 924e6), ("US$1.58\r\nbillion", 1.58e9),
    ("US$1.58 \n billion", 1.58e9), ("US$1.58\u2028billion", 1.58e9), (f"US${NBSP}1.58{NBSP}billion", 1.58e9),
    (f"5{NBSP}billion{NBSP}yen", 5e9), ("300 million\tbaht", 300e6), (f"Rs{NBSP}500{NBSP}crore", 5e9),
])
def test_spacing_money_value_whatever_the_gap(text, value):
    found = _money(f"Exports reached {text} in 2023.")
    assert found == [(text, value, found[0][2])] and found[0][1] == pytest.approx(value)


@pytest.mark.parametrize("text,value", [
    (f"1{ZWSP}2%", 12.0), ("12  percent", 12.0), (f"12{NBSP}per{NBSP}cent", 12.0), (f"5.1{NNBSP}%", 5.1),
    ("12\npercent", 12.0), (f"2.5{THIN}percentage points", 2.5), (f"4{ZWNJ}5 per  cent", 45.0),
])
def test_spacing_percent_value_whatever_the_gap(text, value):
    assert _pct(f"Exports rose {text} last year.") == [(text, value)]


def test_spacing_a_paragraph_break_still_separates_figures():
    assert _money("It cost $5\n\nMillion-dollar deals followed.") == [("$5", 5.0, "USD")]


@pytest.mark.parametrize("text", ["plain text, one space.\n\nNew paragraph.", "", "a  b\u00a0c\u200bd \n\n\n e"])
def test_spacing_view_maps_every_offset_back(text):
    v = view(text)
    assert len(v.text) <= len(text)
    solid = [i for i, ch in enumerate(v.text) if not ch.isspace()]
    for a in solid:
        for b in solid:
            if a <= b:  # a match from view char a to view char b slices the original back to the same figure
                start, end = v.start(a), v.end(b + 1)
                assert 0 <= start < end <= len(text) and view(text[start:end]).text == v.text[a:b + 1]


def test_spacing_view_of_plain_text_is_the_text():
    text = "Cambodia's exports rose 5% to $924 million.\n\nNext paragraph."
    v = view(text)
    assert v.text == text and v.start(10) == 10 and v.end(10) == 10


GAPS = st.sampled_from([" ", NBSP, THIN, NNBSP, "\u2007", "\u3000", "  ", "\t", "\n", "\r\n", " \n ", "\u2028"])
INVISIBLE = st.sampled_from([ZWSP, ZWNJ, ZWJ, WJ, "\ufeff", "\u00ad"])
AMOUNTS = st.sampled_from(["$924 million", "US$ 1.58 billion", "€40 million", "5 billion yen", "$1,234.5 million",
                           "300 million baht", "Rs 500 crore", "S$1.2bn", "RMB 7.8 billion"])
PERCENTS = st.sampled_from(["12 percent", "5.1%", "15 per cent", "2.5 percentage points", "103.68 per cent", "3.4 pct"])


def _garble(draw, figure: str) -> str:
    """Each plain space becomes any gap; a zero-width character may be put between any two characters."""
    out = []
    for i, ch in enumerate(figure):
        if i and draw(st.booleans()):
            out.append(draw(INVISIBLE))
        out.append(draw(GAPS) if ch == " " else ch)
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(st.data(), AMOUNTS, PERCENTS)
def test_spacing_property_inserted_gaps_change_the_span_never_the_value(data, amount, percent):
    garbled_amount, garbled_percent = _garble(data.draw, amount), _garble(data.draw, percent)
    plain = f"Exports reached {amount}, up {percent} on the year."
    text = f"Exports reached {garbled_amount}, up {garbled_percent} on the year."
    assert [(v.value, v.currency) for _, _, v in find_money(text)] == [(v.value, v.currency) for _, _, v in find_money(plain)]
    assert [v.value for _, _, v in find_percentages(text)] == [v.value for _, _, v in find_percentages(plain)]
    assert [text[s:e] for s, e, _ in find_money(text)] == [garbled_amount]
    assert [text[s:e] for s, e, _ in find_percentages(text)] == [garbled_percent]

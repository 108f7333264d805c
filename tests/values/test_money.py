"""Money normalisation and finding: real news phrasings, other currencies, ranges, qualifiers."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.values.money import find_money, parse_money


@pytest.mark.parametrize("text,value,currency", [
    # development cases (seed genre)
    ("$924 million", 924e6, "USD"), ("US$5.2 billion", 5.2e9, "USD"), ("$318.3 million", 318.3e6, "USD"),
    # other currencies and spellings (Reuters, Bangkok Post, Jakarta Post, VnExpress, Xinhua style)
    ("S$1.2bn", 1.2e9, "SGD"), ("€40 million", 40e6, "EUR"), ("£3.5m", 3.5e6, "GBP"),
    ("5 billion yen", 5e9, "JPY"), ("10,000 riel", 10000, "KHR"), ("2 trillion dong", 2e12, "VND"),
    ("Rs 500 crore", 5e9, "INR"), ("Rs. 2 lakh", 2e5, "INR"), ("1.5 trillion rupiah", 1.5e12, "IDR"),
    ("Rp 3.2 trillion", 3.2e12, "IDR"), ("₱50 billion", 50e9, "PHP"), ("RM2.1 billion", 2.1e9, "MYR"),
    ("300 million baht", 300e6, "THB"), ("RMB 7.8 billion", 7.8e9, "CNY"), ("12 billion yuan", 12e9, "CNY"),
    ("USD 5m", 5e6, "USD"), ("two billion dollars", 2e9, "USD"), ("50 cents", 0.5, "USD"),
    ("4.5 billion kip", 4.5e9, "LAK"), ("₩1.2 trillion", 1.2e12, "KRW"), ("20 billion kyats", 20e9, "MMK"),
])
def test_money_parse_value_and_currency(text, value, currency):
    got = parse_money(text)
    assert got is not None and got.value == pytest.approx(value) and got.currency == currency


@pytest.mark.parametrize("text", ["5.1 percent", "2019", "fourth", "26 schools", "$", "10,000 masks", "US dollar"])
def test_money_parse_rejects_non_money(text):
    assert parse_money(text) is None


@pytest.mark.parametrize("sentence,expected", [
    ("a total capital of about $2.9 billion operating", [("$2.9 billion", 2.9e9, "approx")]),
    ("provided more than $2.8 billion in aid", [("$2.8 billion", 2.8e9, "more_than")]),
    ("loans of up to $500 million", [("$500 million", 5e8, "less_than")]),
    ("nearly $1 trillion in trade", [("$1 trillion", 1e12, "approx")]),
    ("$1-2 billion", [("$1", 1e9, "exact"), ("2 billion", 2e9, "exact")]),
    ("between $3 and $4 million", [("$3", 3e6, "exact"), ("$4 million", 4e6, "exact")]),
    ("an estimated $1.2 to 1.5 billion", [("$1.2", 1.2e9, "approx"), ("1.5 billion", 1.5e9, "approx")]),
    ("rose 6.2% to $1.45 billion", [("$1.45 billion", 1.45e9, "exact")]),
    ("in 2019 to $5 billion", [("$5 billion", 5e9, "exact")]),
    ("¥3.5 trillion from Japanese banks", [("¥3.5 trillion", 3.5e12, "exact")]),
    # written-out and compound amounts
    ("it only cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "exact")]),
    ("thirteen dollars and forty-five cents", [("thirteen dollars and forty-five cents", 13.45, "exact")]),
    ("a grant of five hundred million dollars", [("five hundred million dollars", 5e8, "exact")]),
    ("half a million dollars in relief", [("half a million dollars", 5e5, "exact")]),
    ("three quarters billion US dollars", [("three quarters billion US dollars", 7.5e8, "exact")]),
    ("a 12-cent-a-share dividend", [("12-cent", 0.12, "exact")]),
    # codes and symbols in other positions
    ("They lost 75 USD million last year", [("75 USD million", 7.5e7, "exact")]),
    ("Banknotes: 5 €, 10 €.", [("5 €", 5, "exact"), ("10 €", 10, "exact")]),
    ("rmb 10 usd 20", [("rmb 10", 10, "exact"), ("usd 20", 20, "exact")]),
    ("an estimate of 120 MEUR", [("120 MEUR", 1.2e8, "exact")]),
    ("the c $ 300 million charge", [("c $ 300 million", 3e8, "exact")]),
    ("a loan of 12,34,567.89 rupees", [("12,34,567.89 rupees", 1234567.89, "exact")]),
    # one-letter signs only before a scaled figure (Philippine pesos, Myanmar kyats); the taka
    ("a P15-billion loan for the subway", [("P15-billion", 1.5e10, "exact")]),
    ("members of the P5 group", []),
    ("budget of Tk 500 crore", [("Tk 500 crore", 5e9, "exact")]),
    # a year before a figure is not money; a dollar figure with a count after it takes no cents
    ("In 2019 $1.2 billion was invested", [("$1.2 billion", 1.2e9, "exact")]),
    ("rose to $45 and 20 firms joined", [("$45", 45, "exact")]),
])
def test_money_find_in_sentences(sentence, expected):
    got = [(sentence[s:e], v.value, v.qualifier) for s, e, v in find_money(sentence)]
    assert [(t, pytest.approx(v), q) for t, v, q in expected] == got


def test_money_yen_sign_follows_the_documents_country():
    text = "China's central bank injected ¥500 billion, the yuan steady as Beijing eased."
    assert [v.currency for _, _, v in find_money(text)] == ["CNY"]


def test_money_overflowing_figure_is_not_a_value():
    assert list(find_money("$99999999999999999999 trillion")) == []


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_money_never_raises_on_text(text):
    list(find_money(text))
    parse_money(text)


@given(st.decimals(min_value="0.1", max_value="999999", places=1), st.sampled_from(["million", "billion", "bn"]))
@settings(max_examples=100, deadline=None)
def test_money_formatted_amount_parses_back(number, scale):
    text = f"${number:,} {scale}"
    scale_value = {"million": 1e6, "billion": 1e9, "bn": 1e9}[scale]
    assert parse_money(text).value == pytest.approx(float(number) * scale_value)


def test_money_component_fills_span_group(blank_en):
    blank_en.add_pipe("news_money")
    doc = blank_en("Exports rose to $1.47 billion, including cashew nuts $711 million.")
    assert [(s.text, s._.value.value_usd) for s in doc.spans["amounts"]] == [("$1.47 billion", 1.47e9), ("$711 million", 711e6)]


@pytest.mark.parametrize("sentence,expected,provenance", [
    # a decimal comma: one or two digits after it, a scale word next
    ("the total commitment reached 2,6 million tons or about US$ 3,16 billion",
     [("US$ 3,16 billion", 3.16e9)], "https://www.palmoilmagazine.com/news/9612/us--3-16-miliar---india-berkomitmen-beli-minyak-sawit-dari-indonesia"),
    ("the total trade between the two countries in January – June 2022 reached US$ 16,67 billion",
     [("US$ 16,67 billion", 16.67e9)], "https://www.palmoilmagazine.com/news/9612/us--3-16-miliar---india-berkomitmen-beli-minyak-sawit-dari-indonesia"),
    ("within the total about US$ 3,2 billion.", [("US$ 3,2 billion", 3.2e9)], "own"),
    # a comma before three digits stays a thousands separator
    ("Bilateral trade was worth $1,548 million", [("$1,548 million", 1.548e9)], "https://khmerdaily.com/japan-and-cambodia-bilateral-trade-dropped-25"),
    ("goods worth $3,160", [("$3,160", 3160.0)], "own"),
])
def test_money_decimal_comma(sentence, expected, provenance):
    assert [(sentence[s:e], v.value) for s, e, v in find_money(sentence)] == [(t, pytest.approx(v)) for t, v in expected]

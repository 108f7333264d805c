"""Trade records from real-style sentences of several newspapers and country pairs (full pipeline)."""
from datetime import date

import pytest

import pipeline


def records(nlp, text, published=date(2024, 3, 15)):
    art = pipeline.Article(doc_id="t", text=text, published=published)
    return pipeline.extract([art], nlp=nlp).trade_records


def keyset(df):
    return {(r.flow, r.reporter, r.partner, r.commodity or "", r.value_usd if r.value_usd == r.value_usd else None,
             r.change_pct if r.change_pct == r.change_pct else None) for r in df.itertuples()}


@pytest.mark.parametrize("text,expected", [
    # Bangkok Post style
    ("Thailand's exports to China rose 8.2 per cent to $3.1 billion in January, the Commerce Ministry said.",
     {("export", "THA", "CHN", "", 3.1e9, 8.2)}),
    # VnExpress style: imports seen from the reporting ministry
    ("Vietnam's imports from Japan fell 5.6 percent to $1.9 billion in the first quarter.",
     {("import", "VNM", "JPN", "", 1.9e9, -5.6)}),
    # Jakarta Post style: bilateral trade between two named countries
    ("Bilateral trade between Indonesia and India reached $38.8 billion in 2023.", {("bilateral", "IDN", "IND", "", 38.8e9, None)}),
    # Xinhua style: investment
    ("Chinese investment in Laos totalled $1.2 billion last year.", {("investment", "CHN", "LAO", "", 1.2e9, None)}),
    # aid pledge
    ("Japan pledged $6.3 million in emergency assistance to help the Philippines recover.", {("aid", "JPN", "PHL", "", 6.3e6, None)}),
])
def test_trade_flows(nlp, text, expected):
    assert expected <= keyset(records(nlp, text))


def test_trade_commodity_list_gives_one_record_per_commodity(nlp):
    text = ("Meanwhile, Thailand's imports from Cambodia soared by 43 per cent to $1.47 billion, including cassava "
            "$711 million, up 49 per cent; rubber $318.3 million, up 99 per cent.")
    got = records(nlp, text)
    assert set(got.commodity.fillna("")) == {"", "cassava", "rubber"}
    assert dict(zip(got.commodity.fillna(""), got.hs_code.fillna(""))) == {"": "", "cassava": "0714", "rubber": "4001"}


def test_trade_targets_are_not_records(nlp):
    got = records(nlp, "Two-way trade between Vietnam and Cambodia reached $5.2 billion in 2019, surpassing the target of $5 billion.")
    assert list(got.value) == [5.2e9]


def test_trade_period_and_rank_and_share(nlp):
    text = ("According to the General Department of Customs and Excise, for the January to August period of 2024, "
            "Japan is the fourth biggest export destination of Cambodia accounting for $924 million and 5.1 percent of the market share.")
    r = records(nlp, text).iloc[0]
    assert (r.flow, r.reporter, r.partner, r.period_start, r.period_end, r.share_pct, r["rank"]) == \
        ("export", "KHM", "JPN", "2024-01-01", "2024-08-31", 5.1, 4)
    assert r.source == "General Department of Customs and Excise"


def test_trade_period_carried_from_previous_sentence(nlp):
    text = ("Two-way trade between Vietnam and Cambodia reached $2.69 billion in the first quarter of this year. "
            "Of the figure, Vietnam's exports to Cambodia rose by 15.8 per cent to $1.22 billion.")
    got = records(nlp, text, published=date(2021, 5, 7))
    assert set(zip(got.flow, got.period_start, got.period_end)) == {("bilateral", "2021-01-01", "2021-03-31"),
                                                                      ("export", "2021-01-01", "2021-03-31")}

"""Sentence and article structures of real trade news (issue 10): each case quotes a published article (provenance
column) and states the records a reader writes down from it. Keys: (flow, reporter, partner, commodity, value_usd,
change_pct, share_pct, rank, period_start, period_end); None where the text gives nothing."""
from datetime import date

import pytest

import pipeline

PPP = "https://www.phnompenhpost.com/business/japan-trade-13-surplus-shrinks"
APP = "https://www.app.com.pk/business/pakistans-exports-to-china-likely-to-touch-4-billion-mark-this-year/"
AZN = "https://www.azernews.az/business/155501.html"
MERCO = "https://en.mercopress.com/2020/09/07/argentina-brazil-bilateral-trade-in-eight-months-was-20-5-down-year-on-year"
MONITOR = "https://www.monitor.co.ug/uganda/business/commodities/uganda-s-exports-to-kenya-increase-3688954"
EGYPT = "https://egyptianstreets.com/2023/11/20/egypt-and-saudi-arabia-to-forge-1-5-billion-economic-alliance-at-businessforum/"
ANDINA = "https://andina.pe/ingles/noticia-pacific-alliance-peruchile-trade-totals-2546-billion-in-2018-757493.aspx"
MND = "https://mexiconewsdaily.com/business/mexican-exports-to-canada-record-high-first-half-2024/"
SABAH = "https://www.dailysabah.com/economy/2017/08/08/germany-top-export-destination-for-turkish-goods-in-8-sectors"
RIO = ("https://www.riotimesonline.com/brazil-news/mercosur/mercosur-latin-america-caribbean/"
       "trade-between-chile-and-china-up-46-9-in-the-first-quarter/")


def _num(x):
    return None if x != x or x is None else round(float(x), 4)


def rows(nlp, text, published):
    got = pipeline.extract([pipeline.Article(doc_id="t", text=text, published=published)], nlp=nlp).trade_records
    return {(r.flow, r.reporter, r.partner, r.commodity or "", _num(r.value_usd), _num(r.change_pct), _num(r.share_pct),
             _num(r.rank), str(r.period_start or "") or None, str(r.period_end or "") or None) for r in got.itertuples()}


CASES = [
    # a series of growth figures, one record a year; the partner through a participle ('sent to')
    (MND, date(2024, 9, 2),
     "Mexico's exports to Canada have grown fast. "  # a composed lead fixes the pair; the quoted sentence follows
     "Economy Ministry (SE) data shows that Mexico's export revenue from products sent to Canada increased 17.2% annually "
     "in 2021; 19.3% in 2022; and 15.6% in 2023.",
     {("export", "MEX", "CAN", "", None, 17.2, None, None, "2021-01-01", "2021-12-31"),
      ("export", "MEX", "CAN", "", None, 19.3, None, None, "2022-01-01", "2022-12-31"),
      ("export", "MEX", "CAN", "", None, 15.6, None, None, "2023-01-01", "2023-12-31")}),
    # a country ranked as a market is the buyer; each goods line keeps its own figure
    (SABAH, date(2017, 8, 8),
     "Exports to Germany, Turkey's largest export market for many years, increased by 6.2 percent in the first seven months "
     "of the year. According to the same data, the U.S. ranked first in steel exports with $803 million, defense and "
     "aerospace industry exports with $365 million, carpet exports with $239 million and tobacco exports with $50 million.",
     {("export", "TUR", "DEU", "", None, 6.2, None, 1.0, "2017-01-01", "2017-07-31"),
      ("export", "TUR", "USA", "steel", 803e6, None, None, None, "2017-01-01", "2017-07-31"),
      ("export", "TUR", "USA", "defense and aerospace industry", 365e6, None, None, None, "2017-01-01", "2017-07-31"),
      ("export", "TUR", "USA", "carpet", 239e6, None, None, None, "2017-01-01", "2017-07-31"),
      ("export", "TUR", "USA", "tobacco", 50e6, None, None, None, "2017-01-01", "2017-07-31")}),
    # 'respectively': two flows, each with its own value and its own growth, in the order written
    (PPP, date(2022, 12, 20),
     "In the January-November period, Cambodian goods exports to and imports from Japan amounted to $1.069 billion and "
     "$720.075 million, respectively, up 6.81 per cent and 23.95 per cent year-on-year.",
     {("export", "KHM", "JPN", "", 1.069e9, 6.81, None, None, "2022-01-01", "2022-11-30"),
      ("import", "KHM", "JPN", "", 720.075e6, 23.95, None, None, "2022-01-01", "2022-11-30")}),
    # a time series in one sentence: each figure takes the month of its own clause; 'standing at', 'crossing'
    (APP, date(2022, 8, 3),
     "Compared with data of the first half of 2021, this year Pakistan's exports to China in January increased by 17.80% "
     "amounting to $382.22 million; in February it was up by nearly 30% crossing $287.65 million; in March it increased "
     "7.23% amounting to $367.71 million; COVID-19 impacted Pakistan's exports in April causing a decrease of 21.15% "
     "standing at $283.53 million.",
     {("export", "PAK", "CHN", "", 382.22e6, 17.8, None, None, "2022-01-01", "2022-01-31"),
      ("export", "PAK", "CHN", "", 287.65e6, 30.0, None, None, "2022-02-01", "2022-02-28"),
      ("export", "PAK", "CHN", "", 367.71e6, 7.23, None, None, "2022-03-01", "2022-03-31"),
      ("export", "PAK", "CHN", "", 283.53e6, -21.15, None, None, "2022-04-01", "2022-04-30")}),
    # 'turnover' between two economies is the trade both ways
    (AZN, date(2019, 9, 4),
     "Turnover between Turkey and Azerbaijan amounted to $1.09 billion in January-July 2019, Turkey's Ministry of Trade told Trend.",
     {("bilateral", "TUR", "AZE", "", 1.09e9, None, None, None, "2019-01-01", "2019-07-31")}),
    # decimal commas: 'US$ 1,345 billion' beside '20,5%'; an amount before 'deficit' is a balance, not a flow
    (MERCO, date(2020, 9, 7),
     "Argentina's bilateral trade with Brazil resulted in a US$ 107 million deficit in August. Overall trade reached "
     "US$ 1,345 billion, which was 20,5% lower than August 2019.",
     {("bilateral", "ARG", "BRA", "", 1.345e9, -20.5, None, None, "2020-08-01", "2020-08-31")}),
    # 'the country exported … to Kenya' is the article's other country; 'This was a 17 percent increase' completes it
    (MONITOR, date(2021, 12, 20),
     "Uganda's exports to neighboring Kenya have increased despite the continued trade impasse between the two countries. "
     "Latest statistics from Bank of Uganda show that the country exported goods worth $544.5m to Kenya in 2021. "
     "This was a 17 percent increase from $447.8m the country registered during the 2019-2020 period.",
     {("export", "UGA", "KEN", "", 544.5e6, 17.0, None, None, "2021-01-01", "2021-12-31")}),
    # an ISO code the lexicon does not spell out is a currency, never goods; the restated amount is no record
    (EGYPT, date(2023, 11, 20),
     "Samir disclosed that the bilateral trade volume between Egypt and Saudi Arabia reached approximately USD 5.66 billion "
     "(EGP 174 billion) last year, marking a substantial 23.9% increase compared to the USD 4.57 billion recorded in 2021.",
     {("bilateral", "EGY", "SAU", "", 5.66e9, 23.9, None, None, "2022-01-01", "2022-12-31")}),
    # 'at the end of 2018' is the year's total; a balance '—of US$88 million—' is no flow
    (ANDINA, date(2019, 7, 3),
     "Peru-Chile annual trade amounted to US$2.546 billion, with a negative trade balance —of US$88 million— for Peru, "
     "at the end of 2018, the Association of Peruvian Exporters (Adex) reported Wednesday.",
     {("bilateral", "CHL", "PER", "", 2.546e9, None, None, None, "2018-01-01", "2018-12-31")}),
    # 'minerals like molybdenum (…)' names molybdenum; a lower-case name the model takes for a person is goods
    (ANDINA, date(2019, 7, 3),
     "Peru's principal exports to Chile include minerals like molybdenum (US$199.6 million), crude oils (US$87.8 million). "
     "Meanwhile, imports from Chile mostly include steel rods (US$119.4 million), frozen mackerel (US$27.2 million), "
     "among other products.",
     {("export", "PER", "CHL", "molybdenum", 199.6e6, None, None, None, None, None),
      ("export", "PER", "CHL", "crude oils", 87.8e6, None, None, None, None, None),
      ("import", "PER", "CHL", "steel rods", 119.4e6, None, None, None, None, None),
      ("import", "PER", "CHL", "frozen mackerel", 27.2e6, None, None, None, None, None)}),
    # sector lines named before or after the flow; two triggers under one verb are one flow
    (RIO, date(2021, 4, 10),
     "Chile's exports to China totaled US$8,571.7 million between January and March this year. Exports from the mining "
     "sector represented 74.4% of total shipments to the country, at US$6,381 million and an increase of 57.6%. "
     "Non-mining exports accounted for 25.6% of shipments to China, totaling US$2,191 million.",
     {("export", "CHL", "CHN", "", 8571.7e6, None, None, None, "2021-01-01", "2021-03-31"),
      ("export", "CHL", "CHN", "mining", 6381e6, 57.6, 74.4, None, "2021-01-01", "2021-03-31"),
      ("export", "CHL", "CHN", "non-mining", 2191e6, None, 25.6, None, "2021-01-01", "2021-03-31")}),
]


@pytest.mark.parametrize("url,published,text,expected", CASES, ids=[f"{i}-{c[0].split('/')[2]}" for i, c in enumerate(CASES)])
def test_structures_give_the_records_a_reader_writes(nlp, url, published, text, expected):
    assert rows(nlp, text, published) == expected


@pytest.mark.parametrize("url,published,text,absent", [
    # a forecast after 'likely to reach' is no record
    (APP, date(2022, 8, 3), "Pakistan's exports to China have registered 11% increase in the first half of this year and with "
     "this momentum it is likely to reach $4 billion by the end of this year.", 4e9),
])
def test_forecasts_are_no_records(nlp, url, published, text, absent):
    assert absent not in {r[4] for r in rows(nlp, text, published)}


def test_a_rank_said_apart_goes_to_the_pairs_latest_total(nlp):
    # composed in the genre's style: a rank stated in a sentence of its own, with no figure
    text = ("Two-way trade between Malaysia and Korea reached $21.4 billion in 2022 and $19.8 billion in 2021. "
            "Korea is Malaysia's seventh largest trading partner.")
    got = rows(nlp, text, date(2023, 2, 1))
    assert {(r[4], r[7]) for r in got} == {(21.4e9, 7.0), (19.8e9, None)}


def test_a_ledes_growth_completes_the_bodys_value(nlp):
    # composed in the genre's style: the lede gives the growth, the body the value for the same period
    text = ("Trade between Laos and Thailand jumped in the first quarter of 2024, posting a 12% rise from a year earlier. "
            "The ministry said the trade volume between Laos and Thailand reached $1.5 billion from January to March 2024.")
    got = rows(nlp, text, date(2024, 4, 20))
    assert {(r[0], r[4], r[5]) for r in got} == {("bilateral", 1.5e9, 12.0)}


VOV = "https://english.vov.vn/en/trade/vietnam-india-trade-sees-strong-growth-in-7-months-382131.vov"


def test_respectively_splits_a_coordinated_name(nlp):
    text = ("Vietnam's exports to India rose sharply. Others recording impressive export growth were bamboo-made goods at "
            "1,470%; iron and steel products at 270%; means of transport and components at 170% and products from plastic "
            "and rubber at 150% and 100%, respectively.")  # the second sentence: VOV
    got = {(r[3], r[5]) for r in rows(nlp, text, date(2018, 8, 20))}
    assert {("plastic", 150.0), ("rubber", 100.0)} <= got and not any("plastic and rubber" in r[0] for r in got)


@pytest.mark.parametrize("text,expected", [
    # composed in the genre's style: month-on-month beside year-on-year keeps the year-on-year growth
    ("Indonesia's exports in March rose 4.2 per cent from the previous month and 9.8 per cent from a year earlier to "
     "US$22.4 billion.", {("export", "IDN", "WLD", "", 22.4e9, 9.8)}),
    # composed: items named after 'from' keep their own figures
    ("Cambodia earned US$2.1 billion from exports of rice, US$1.5 billion from rubber and US$900 million from cassava in 2023.",
     {("export", "KHM", "WLD", "rice", 2.1e9, None), ("export", "KHM", "WLD", "rubber", 1.5e9, None),
      ("export", "KHM", "WLD", "cassava", 0.9e9, None)}),
])
def test_growth_basis_and_items_after_from(nlp, text, expected):
    assert {r[:6] for r in rows(nlp, text, date(2024, 4, 15))} == expected

"""Volumes on trade records: the quantity a record's own clause or list line states for the same goods."""
from datetime import date

import pytest

import pipeline


def volumes(nlp, text):
    art = pipeline.Article(doc_id="v", text=text, published=date(2024, 3, 15))
    df = pipeline.extract([art], nlp=nlp).trade_records
    return {(r.commodity, r.value_usd if r.value_usd == r.value_usd else None,
             r.quantity if r.quantity == r.quantity else None, r.quantity_unit or "",
             r.net_weight_kg if r.net_weight_kg == r.net_weight_kg else None) for r in df.itertuples()}


@pytest.mark.parametrize("text,expected,provenance", [
    ("China imported 67 million tonnes of coal from Indonesia in the first half of 2022, worth US$7.96 billion.",
     {("coal", 7.96e9, 67e6, "tonne", 67e9)},
     "https://www.scmp.com/ (style; one quantity, the value after 'worth')"),
    ("Vietnam exported 3.1 million tonnes of rice worth $1.9 billion in 2023.",
     {("rice", 1.9e9, 3.1e6, "tonne", 3.1e9)}, "the issue's example: one record with both"),
    ("Cambodia exported 1.2 million tonnes of milled rice to China in 2022, earning $800 million, up 10 percent from "
     "1.1 million tonnes a year earlier.",
     {("milled rice", 8e8, 1.2e6, "tonne", 1.2e9)}, "a participle shares the clause; the comparison base is no volume"),
    ("Cambodia exported 300,000 tonnes of rubber worth $500 million to Vietnam in 2023, while cassava exports to "
     "Vietnam amounted to $600 million.",
     {("rubber", 5e8, 3e5, "tonne", 3e8), ("cassava", 6e8, None, "", None)}, "the other clause states no volume"),
    ("Vietnam's exports to the Philippines in 2023 included rice (2.9 million tonnes, $1.6 billion), coffee "
     "($120 million) and cement (4 million tonnes, $200 million).",
     {("rice", 1.6e9, 2.9e6, "tonne", 2.9e9), ("coffee", 1.2e8, None, "", None), ("cement", 2e8, 4e6, "tonne", 4e9)},
     "a list: each item its own volume"),
    ("Thai rice exports to Indonesia rose 20 percent to 1.5 million tonnes in 2023.",
     {("rice", None, 1.5e6, "tonne", 1.5e9)}, "growth-only record with its volume"),
    ("Saudi Arabia exported 1.7 million barrels of crude oil to China in March, worth $140 million.",
     {("crude oil", 1.4e8, 1.7e6, "barrel", None)}, "a volume that is no mass has no net weight"),
])
def test_record_volumes(nlp, text, expected, provenance):
    assert volumes(nlp, text) == expected, provenance


def test_land_area_is_no_traded_volume(nlp):
    got = volumes(nlp, "Cambodia exported cassava worth $600 million to Thailand in 2023 from 12,000 hectares.")
    assert all(q is None for _, _, q, _, _ in got)

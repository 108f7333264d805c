"""Diplomacy events from real-style sentences (full pipeline)."""
from datetime import date

import pytest

import pipeline


def events(nlp, text, published=date(2022, 4, 25)):
    art = pipeline.Article(doc_id="d", text=text, published=published)
    return pipeline.extract([art], nlp=nlp).diplomacy_events


@pytest.mark.parametrize("text,etype,pair", [
    ("Thai Prime Minister Srettha Thavisin met Chinese President Xi Jinping in Beijing on Thursday.", "meeting", {"THA", "CHN"}),
    ("Indonesian President Joko Widodo visited India to boost trade ties.", "visit", {"IDN", "IND"}),
    ("Vietnam and Japan signed a memorandum of understanding on energy cooperation.", "agreement", {"VNM", "JPN"}),
    ("Laos and Vietnam agreed to elevate their ties from strategic partnership to comprehensive strategic partnership.",
     "relationship_upgrade", {"LAO", "VNM"}),
    ("Japan pledged $6.3 million in emergency assistance to the Philippines.", "aid_pledge", {"JPN", "PHL"}),
    ("The Philippine President thanked Japan for its support.", "praise", {"PHL", "JPN"}),
    ("Cambodia asked Hungary to provide trade preferences.", "request", {"KHM", "HUN"}),
    ("Two Japanese navy ships completed a port call in Vietnam.", "military_cooperation", {"JPN", "VNM"}),
    ("The two leaders witnessed the signing of 16 memorandums of understanding between South Korea and Vietnam.", "agreement", {"KOR", "VNM"}),
    ("South Korea agreed to provide $2 billion in concessional loans to Vietnam.", "aid_pledge", {"KOR", "VNM"}),
    ("Lao President Thongloun Sisoulith hosted Vietnamese National Assembly Chairman Vuong Dinh Hue in Vientiane.", "meeting", {"LAO", "VNM"}),
    ("Vietnamese Prime Minister Pham Minh Chinh received Philippine Ambassador Meynardo Montealegre in Hanoi.", "meeting", {"VNM", "PHL"}),
    ("Laos and Vietnam issued a joint statement on cooperation in energy.", "agreement", {"LAO", "VNM"}),
    ("Vietnam has provided more than 1,000 scholarships every year to Lao students.", "aid_pledge", {"VNM", "LAO"}),
    ("Indonesia's Trade Minister Zulkifli Hasan spoke after meeting his Indian counterpart Piyush Goyal in New Delhi.", "meeting", {"IDN", "IND"}),
])
def test_diplomacy_event_types(nlp, text, etype, pair):
    got = events(nlp, text)
    assert any(e.event_type == etype and {e.actor1, e.actor2} == pair for e in got.itertuples()), got[["event_type", "actor1", "actor2"]]


def test_diplomacy_date_and_place_and_detail(nlp):
    text = ("Cambodia and Japan agreed to elevate their relationship from strategic partnership to comprehensive "
            "strategic partnership during bilateral talks in Kumamoto on Saturday.")
    got = events(nlp, text)
    up = got[got.event_type == "relationship_upgrade"].iloc[0]
    assert (up.date_start, up.location, up.detail) == ("2022-04-23", "Kumamoto",
                                                       "strategic partnership -> comprehensive strategic partnership")


def test_diplomacy_no_event_without_trigger(nlp):
    assert events(nlp, "Rice prices in Thailand and Vietnam were stable in March.").empty


def test_diplomacy_visit_destination_is_the_place(nlp):
    got = events(nlp, "Chinese Foreign Minister Wang Yi pledged more aid to Laos during a visit to Vientiane on Wednesday.",
                 published=date(2024, 1, 11))
    assert set(got.location) == {"Vientiane"} and set(got.date_start) == {"2024-01-10"}


def test_diplomacy_future_date_is_not_the_event_date(nlp):
    got = events(nlp, "Kishida thanked Vietnam for its support and invited Nguyen Phu Trong to visit Japan next year.",
                 published=date(2023, 11, 28))
    assert not got.empty and not (got.date_start.fillna("") >= "2024-01-01").any()


def test_diplomacy_place_used_as_modifier_is_not_the_location(nlp):
    got = events(nlp, "Japan will continue to cooperate with Cambodia in the Myanmar issue.")
    assert "Myanmar" not in set(got.location)


def test_diplomacy_full_date_in_the_lead_dates_the_story(nlp):
    text = ("Lao President Thongloun Sisoulith hosted Vietnamese National Assembly Chairman Vuong Dinh Hue in Vientiane on Oct 17, 2023. "
            "Vietnam pledged to build a new campus for the National University of Laos.")
    got = events(nlp, text, published=date(2023, 10, 18))
    assert set(got.date_start) == {"2023-10-17"}


def test_diplomacy_headline_event_restated_in_the_body_is_kept_once(nlp):
    text = ("Thailand, Japan hold phone talks on EV investment\n\n"
            "Thai Prime Minister Srettha Thavisin held a phone conversation with Japanese Prime Minister Fumio Kishida on Wednesday.")
    got = events(nlp, text, published=date(2024, 2, 8))
    assert list(got.event_type) == ["meeting"] and list(got.sentence_id) == [1]


def test_diplomacy_signing_details_fill_in_the_agreement(nlp):
    text = ("Laos and Thailand signed a memorandum of understanding on Thursday to increase electricity trade. "
            "The MoU was signed by Lao Minister of Energy and Mines Phoxay Sayasone and Thai Energy Minister "
            "Peerapan Salirathavibhaga in Bangkok.")
    got = events(nlp, text, published=date(2024, 3, 15))
    deals = got[got.event_type == "agreement"]
    assert len(deals) == 1 and deals.iloc[0].location == "Bangkok" and "Phoxay Sayasone" in deals.iloc[0].participants

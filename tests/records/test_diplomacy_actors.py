"""Event types and sides read from participants' titles, places and the article's countries (full pipeline)."""
from datetime import date

import pytest

import pipeline
from pipeline.records.diplomacy_actors import person_countries

FMT = "https://www.freemalaysiatoday.com/category/world/2023/12/11/vietnam-cambodia-agree-to-double-bilateral-trade-mekong-river-cooperation/"
AKP = "https://cambodianewsgazette.com (AKP, Cambodia-Laos PMs' meeting, 2022)"
JP = "https://www.thejakartapost.com (Indonesia-India Joint Commission, 2019)"
JIJI = "https://www.nippon.com/en/news/yjj2023112700738/ (Jiji Press)"


def events(nlp, text, published=date(2023, 12, 11)):
    art = pipeline.Article(doc_id="d", text=text, published=published)
    return pipeline.extract([art], nlp=nlp).diplomacy_events


@pytest.mark.parametrize("text,etype,pair,provenance", [
    ("Trade rose to US$10 billion last year, the government said in a statement following a meeting in Hanoi between "
     "Vietnam's prime minister Pham Minh Chinh and his Cambodian counterpart Hun Manet.", "meeting", {"VNM", "KHM"}, FMT),
    ("Together with her Indian counterpart Subrahmanyam Jaishankar, Indonesian Foreign Minister Retno Marsudi cochaired "
     "the sixth Joint Commission Meeting in New Delhi on Friday.", "meeting", {"IDN", "IND"}, JP),
    ("Chinh and Hun Manet at the meeting agreed to further defence and security cooperation between Vietnam and Cambodia.",
     "military_cooperation", {"VNM", "KHM"}, FMT),
    ("The two ministers reiterated the commitment to strengthening the Indonesia-India Comprehensive Strategic "
     "Partnership, particularly cooperation in the defense industry.", "military_cooperation", {"IDN", "IND"}, JP),
    ("The two ministers reiterated the commitment to strengthening the Indonesia-India Comprehensive Strategic "
     "Partnership.", "cooperation_commitment", {"IDN", "IND"}, JP),
    ("Japan will support Vietnam through its Official Security Assistance framework, which provides free defense "
     "equipment to like-minded countries.", "military_cooperation", {"JPN", "VNM"}, JIJI),
    ("The Lao Prime Minister took the opportunity to invite Cambodian army commander Hun Manet to pay a visit to Laos.",
     "request", {"LAO", "KHM"}, AKP),
    ("The Cambodian minister signed with the Ambassador of Japan an Exchange of Notes on the Extension of Japanese "
     "Grant Aid to Cambodia.", "aid_pledge", {"JPN", "KHM"}, "https://cambodianewsgazette.com/cambodia-japan-sign-key-documents/"),
    ("The leaders of Vietnam and Laos set the target at the 46th meeting of the Vietnam-Laos Intergovernmental "
     "Committee in early January.", "meeting", {"VNM", "LAO"}, "https://en.vietnamplus.vn (Vietnam-Laos trade, 2024)"),
    ("Thai Foreign Minister Parnpree Bahiddha-Nukara paid a courtesy call on Cambodian Prime Minister Hun Manet.",
     "meeting", {"THA", "KHM"}, "composed (Khmer Times courtesy-call phrasing)"),
    ("As a result, Cambodia and the EU strengthened cooperation in trade and investment.", "cooperation_commitment",
     {"KHM", "EUU"}, "https://m.phnompenhpost.com/business/cambodian-jan-nov-exports-to-eu-jump-by-a-fifth"),
])
def test_event_types_and_sides(nlp, text, etype, pair, provenance):
    got = events(nlp, text)
    assert any(e.event_type == etype and {e.actor1, e.actor2} == pair for e in got.itertuples()), \
        (provenance, got[["event_type", "actor1", "actor2"]])


@pytest.mark.parametrize("text,absent,provenance", [
    ("Thanks to rising commodity prices following Russia's invasion of Ukraine, China's imports from Indonesia rose.",
     "praise", "https://asia.nikkei.com (China-Indonesia trade, 2022)"),
    ("The two leaders spoke with reporters after the trade figures were released in Jakarta.", "meeting", "composed"),
])
def test_no_event_from_look_alike_words(nlp, text, absent, provenance):
    got = events(nlp, text)
    assert absent not in set(got.event_type), (provenance, got[["event_type", "actor1", "actor2"]])


def test_place_of_a_meeting_is_not_a_side(nlp):
    text = ("Cambodian Prime Minister Hun Sen and Lao Prime Minister Phankham Viphavanh praised the ties between Cambodia and Laos. "
            "During their bilateral meeting in Kumamoto city, Japan, the two Premiers were delighted with the achievements.")
    got = events(nlp, text, published=date(2022, 4, 26))
    meetings = got[got.event_type == "meeting"]
    assert [{a, b} for a, b in zip(meetings.actor1, meetings.actor2)] == [{"KHM", "LAO"}]  # source: AKP, 2022


def test_a_sea_is_not_a_side(nlp):
    text = ("Japanese Prime Minister Fumio Kishida and Vietnamese President Vo Van Thuong met in Tokyo on Monday. "
            "\"We agreed on the importance of peaceful resolution of disputes in the South China Sea,\" Kishida said.")
    got = events(nlp, text, published=date(2023, 11, 28))
    assert "CHN" not in set(got.actor1) | set(got.actor2), got[["event_type", "actor1", "actor2"]]  # source: JIJI


@pytest.mark.parametrize("text,name,code", [
    ("Vietnam's prime minister Pham Minh Chinh met his Cambodian counterpart Hun Manet.", "Hun Manet", "KHM"),
    ("Vietnam's prime minister Pham Minh Chinh met his Cambodian counterpart Hun Manet.", "Pham Minh Chinh", "VNM"),
    ("Samdech Hun Sen, Prime Minister of the Kingdom of Cambodia, welcomed the delegation.", "Hun Sen", "KHM"),
])
def test_person_country_from_title(nlp, text, name, code):
    assert person_countries(nlp(text)).get(name) == code


@pytest.mark.parametrize("text,published,etype,start,provenance", [
    ("Trade rose 20% a year in the 2015-2022 period, the government said in a statement following a meeting in Hanoi "
     "between Vietnam's prime minister Pham Minh Chinh and his Cambodian counterpart Hun Manet today.",
     date(2023, 12, 11), "meeting", "2023-12-11", FMT),
    ("In his trade visit to India, Indonesian Minister of Trade Zulkifli Hasan said India was a strategic partner. "
     "The minister spoke in an official statement on Tuesday (23/8/2022).",
     None, "visit", "2022-08-23", "https://www.palmoilmagazine.com/news/9612/"),
    ("In 2024, the Cambodian ministry leadership participated in key meetings of the Cambodia-EU Joint Committee. "
     "As a result, both sides strengthened cooperation in trade and investment.",
     None, "cooperation_commitment", "2024-01-01", "https://m.phnompenhpost.com/business/cambodian-jan-nov-exports-to-eu-jump-by-a-fifth"),
])
def test_event_date_from_its_clause_or_the_article(nlp, text, published, etype, start, provenance):
    got = events(nlp, text, published=published)
    assert start in set(got[got.event_type == etype].date_start), (provenance, got[["event_type", "date_start"]])


ENA = "https://www.ena.et (Ethiopia's Deputy PM on the margins of the AU ministerial session, 2022)"


@pytest.mark.parametrize("text,etype,pairs,provenance", [
    ("Deputy Prime Minister and Foreign Minister of Ethiopia, Demeke Mekonnen has held talks with Ministers of Foreign "
     "Affairs of Morocco, Tunisia and Comoros on bilateral and continental issues.", "meeting",
     [{"ETH", "MAR"}, {"ETH", "TUN"}, {"ETH", "COM"}], ENA),
    ("Vietnam, Laos and Cambodia held talks on the Mekong River in Vientiane.", "meeting", [{"VNM", "LAO"}], "composed"),
    ("The Visit Of The Speaker Of The Kenyan Senate To Morocco\n\nThe speaker praised the ties.", "visit",
     [{"KEN", "MAR"}], "https://www.maroc.ma (MAP, 2014)"),
])
def test_one_event_per_side_met(nlp, text, etype, pairs, provenance):
    got = events(nlp, text)
    sides = [{a, b} for a, b in zip(got[got.event_type == etype].actor1, got[got.event_type == etype].actor2)]
    assert sides == pairs, (provenance, got[["event_type", "actor1", "actor2"]])


@pytest.mark.parametrize("text,name,code,provenance", [
    ("Deputy Prime Minister and Foreign Minister of Ethiopia, Demeke Mekonnen has held talks in Addis Ababa.",
     "Demeke Mekonnen", "ETH", ENA),
    ("The Moroccan Minister Nasser Bourita spoke in Rabat.", "Nasser Bourita", "MAR", "composed (a demonym the gazetteer lacks)"),
    ("In Cambodia, Hun Sen said trade grew.", "Hun Sen", None, "composed (a place before a comma is not a title)"),
])
def test_person_country_from_title_before_a_comma(nlp, text, name, code, provenance):
    assert person_countries(nlp(text)).get(name) == code, provenance


def test_a_country_in_an_aside_is_not_a_side(nlp):
    text = ("Japanese Prime Minister Fumio Kishida and Vietnamese President Vo Van Thuong met in Tokyo on Monday. "
            "\"We agreed on the importance of peaceful resolution of disputes,\" Kishida noted, referring to China's "
            "growing assertiveness in the region.")
    got = events(nlp, text, published=date(2023, 11, 28))
    assert "CHN" not in set(got.actor1) | set(got.actor2), got[["event_type", "actor1", "actor2"]]  # source: JIJI


def test_an_assurance_is_a_commitment(nlp):
    text = ("Philippine President Ferdinand Marcos Jr. and Vietnamese Prime Minister Pham Minh Chinh met on Wednesday. "
            "Pham assured Marcos that Vietnam will continue trying to provide a long-term strategic supply to the Philippines.")
    got = events(nlp, text, published=date(2023, 5, 11))  # source: https://www.philstar.com (ASEAN Summit sidelines, 2023)
    assert {"VNM", "PHL"} in [{a, b} for t, a, b in zip(got.event_type, got.actor1, got.actor2) if t == "cooperation_commitment"]


@pytest.mark.parametrize("text,etype,pair,provenance", [
    ("South Korean President Yoon Suk Yeol held a summit with Indonesian President Joko Widodo in Jakarta on Tuesday.",
     "meeting", {"KOR", "IDN"}, "composed (Yonhap summit phrasing)"),
    ("Chinese Premier Li Qiang conferred with Australian Prime Minister Anthony Albanese in Canberra on Monday.",
     "meeting", {"CHN", "AUS"}, "composed (Xinhua phrasing)"),
    ("The Korean delegation discussed ways to boost trade with Vietnamese Deputy Minister of Industry and Trade "
     "Phan Thi Thang on Monday.", "meeting", {"KOR", "VNM"}, "composed (VnExpress phrasing)"),
    ("Indonesia and Malaysia agreed to strengthen maritime security cooperation in the Strait of Malacca.",
     "military_cooperation", {"IDN", "MYS"}, "composed (Bernama phrasing)"),
    ("The two foreign ministers co-chaired the 5th Joint Commission for Bilateral Cooperation between Malaysia and "
     "Indonesia in Kuala Lumpur on Monday.", "meeting", {"MYS", "IDN"}, "composed (Antara phrasing)"),
])
def test_meetings_without_the_word_met(nlp, text, etype, pair, provenance):
    got = events(nlp, text, published=date(2024, 3, 6))
    assert any(e.event_type == etype and {e.actor1, e.actor2} == pair for e in got.itertuples()), \
        (provenance, got[["event_type", "actor1", "actor2"]])


@pytest.mark.parametrize("text", [
    "Exporters discussed the price outlook with traders in Bangkok on Monday, and Thai rice exports to China rose.",
    "Thai Prime Minister Srettha Thavisin spoke with reporters in Bangkok after the cabinet meeting on Tuesday.",
])
def test_no_meeting_without_a_counterpart(nlp, text):
    got = events(nlp, text, published=date(2024, 3, 6))  # composed look-alikes
    assert "meeting" not in set(got.event_type), got[["event_type", "actor1", "actor2"]]

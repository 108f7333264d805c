"""Country lookup: spellings, diacritics, demonyms, capitals and stand-ins."""
import pytest

from pipeline.nlp import gazetteer
from pipeline.nlp.gazetteer import lookup


@pytest.mark.parametrize("text,code", [
    ("Việt Nam", "VNM"), ("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("Vietnamese", "VNM"), ("Japanese", "JPN"),
    ("Cambodian", "KHM"), ("Cambodia’s", "KHM"), ("the Philippines", "PHL"), ("Filipino", "PHL"), ("Lao PDR", "LAO"),
    ("Laos", "LAO"), ("Thai", "THA"), ("Thailand", "THA"), ("Indonesia", "IDN"), ("Indian", "IND"), ("Myanmar", "MMR"),
    ("Burma", "MMR"), ("South Korea", "KOR"), ("Tokyo", "JPN"), ("Hà Nội", "VNM"), ("Beijing", "CHN"),
    ("European Union", "EUU"), ("the world", "WLD"), ("Russia", "RUS"), ("Türkiye", "TUR"),
])
def test_gazetteer_lookup(text, code):
    assert lookup(text) == code


@pytest.mark.parametrize("text,doc_country,code", [("the Kingdom", "KHM", "KHM"), ("the Kingdom", "THA", "THA"),
                                                   ("the Kingdom", "VNM", None), ("the archipelago", "IDN", "IDN")])
def test_gazetteer_standins_need_the_articles_country(text, doc_country, code):
    assert lookup(text, doc_country=doc_country) == code


@pytest.mark.parametrize("text", ["Osaka", "Ministry", "the", ""])
def test_gazetteer_unknown(text):
    assert lookup(text) is None


@pytest.mark.parametrize("ranking,code", [(("JPN", "KHM"), "KHM"), (("CHN", "THA", "KHM"), "THA"), (("VNM", "JPN"), None)])
def test_gazetteer_standin_takes_the_best_ranked_country_it_fits(ranking, code):
    assert gazetteer.lookup("the Kingdom", doc_country=ranking) == code


@pytest.mark.parametrize("code,name", [("VNM", "Vietnam"), ("KHM", "Cambodia"), ("LAO", "Laos"), ("KOR", "South Korea"),
                                       ("RUS", "Russia"), ("JPN", "Japan"), ("TWN", "Taiwan")])
def test_gazetteer_country_name_is_the_common_english_one(code, name):
    assert gazetteer.country_name(code) == name

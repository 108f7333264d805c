"""Name normalisers: honorifics and titles off, capitals turned round, organisations cleaned."""
import pytest

from pipeline.entities.names import is_acronym_of, org_canonical, person_canonical, turn_capitals


@pytest.mark.parametrize("text,canonical", [
    ("Samdech Akka Moha Sena Padei Techo Hun Sen", "Hun Sen"), ("Samdech Techo Hun Sen", "Hun Sen"),
    ("H.E. KISHIDA Fumio", "Fumio Kishida"), ("Hun Sen’s", "Hun Sen"), ("Prime Minister Prayut Chan-o-cha", "Prayut Chan-o-cha"),
    ("President Joko Widodo", "Joko Widodo"), ("H.E. Mr. Sonexay Siphandone", "Sonexay Siphandone"),
    ("Dr. Kao Kim Hourn", "Kao Kim Hourn"), ("PM Modi", "Modi"), ("Xi Jinping", "Xi Jinping"),
    ("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr."), ("Deputy Prime Minister Trần Lưu Quang", "Trần Lưu Quang"),
    ("Datuk Seri Anwar Ibrahim", "Seri Anwar Ibrahim"), ("Fumio KISHIDA", "Fumio Kishida"),
])
def test_names_person_canonical(text, canonical):
    assert person_canonical(text) == canonical


@pytest.mark.parametrize("text,canonical", [
    ("the Ministry of Commerce’s", "Ministry of Commerce"), ("Cambodia’s Ministry of Commerce", "Ministry of Commerce"),
    ("State of the Ministry of Commerce", "Ministry of Commerce"), ("Phnom Penh Post - Cambodia", "Phnom Penh Post"),
    ("the Asian Vision Institute’s", "Asian Vision Institute"), ("Thailand's Board of Investment", "Board of Investment"),
    ("The Bank of Thailand", "Bank of Thailand"),
])
def test_names_org_canonical(text, canonical):
    assert org_canonical(text) == canonical


@pytest.mark.parametrize("name,turned", [("KISHIDA Fumio", "Fumio Kishida"), ("MOTEGI Toshimitsu", "Toshimitsu Motegi"),
                                         ("Joko Widodo", "Joko Widodo")])
def test_names_turn_capitals(name, turned):
    assert turn_capitals(name) == turned


@pytest.mark.parametrize("acronym,expansion,ok", [("JETRO", "Japan External Trade Organization", True),
                                                  ("JICA", "Japan International Cooperation Agency", True),
                                                  ("GDCE", "General Department of Customs and Excise", True),
                                                  ("X", "Japan External Trade Organization", False)])
def test_names_acronym(acronym, expansion, ok):
    assert is_acronym_of(acronym, expansion) is ok

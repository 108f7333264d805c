"""People as readers name them: next to an office or role, by name shape, by byline; one canonical name with its office
(`title`) and country. Full pipeline on sentences from many outlets and naming traditions."""
import pytest

P_H10 = "https://phnompenhpost.com/national/new-south-korean-envoy-pays-courtesy-visit-senate-leader"
P_H23 = "https://teslavision.tv/?p=35406"


def people(nlp, text):
    doc = nlp(text)
    return {e._.canonical: e for e in doc.ents if e.label_ == "PERSON"}


@pytest.mark.parametrize("text,name,title,country,provenance", [
    # office before the name, whatever the model says
    ("The remarks were made during a courtesy call by newly-minted South Korean ambassador Park Jung-wook on Senate "
     "president Say Chhum.", "Park Jung-wook", "Ambassador", "KOR", P_H10),
    ("Cambodian government spokesperson Pen Bona said ahead of Hun Manet’s visit to Bangkok that it would reaffirm "
     "the close relations.", "Pen Bona", "Spokesperson", "KHM", P_H23),
    ("The talks were held between Prime Minister of Kazakhstan Bakytzhan Sagintayev and his guests.",
     "Bakytzhan Sagintayev", "Prime Minister of Kazakhstan", "KAZ", "composed (Kazakh; office 'of <country>')"),
    ("Uzbek Ambassador to Kazakhstan Saidikram Niyazkhojaev met the delegation on Monday.",
     "Saidikram Niyazkhojaev", "Ambassador to Kazakhstan", "UZB", "composed (Uzbek; 'Ambassador to <country>')"),
    ("Saudi Minister of Commerce Majid bin Abdullah Al-Kassabi opened the forum in Riyadh.",
     "Majid bin Abdullah Al-Kassabi", "Minister of Commerce", "SAU", "composed (Arabic; 'bin' particle, 'Al-' prefix)"),
    ("Finance Minister Sri Mulyani Indrawati and Japanese Ambassador to Indonesia Kanasugi Kenji signed the loan.",
     "Sri Mulyani Indrawati", "Finance Minister", "", "composed (Indonesian; 'Sri' is a name here, not 'Tan Sri')"),
    ("Finance Minister Sri Mulyani Indrawati and Japanese Ambassador to Indonesia Kanasugi Kenji signed the loan.",
     "Kanasugi Kenji", "Ambassador to Indonesia", "JPN", "composed (Japanese written family name first, kept as written)"),
    # the office after the name, in apposition
    ("Hong Vanak, an economist at the Royal Academy of Cambodia, said trade would keep growing.",
     "Hong Vanak", "", "", "composed (Khmer; role in apposition)"),
    ("Sareem Fariid, head of the provincial commerce department, noted that trade grew.",
     "Sareem Fariid", "Head", "", "composed (Khmer Muslim name; 'head of')"),
    ("Nguyen Van Thanh, Deputy Minister of Industry and Trade, told reporters the target was reachable.",
     "Nguyen Van Thanh", "Deputy Minister of Industry and Trade", "", "composed (Vietnamese; office after the name)"),
    ("Siti Nurhaliza binti Tarudin, chairwoman of the council, welcomed the delegates.",
     "Siti Nurhaliza binti Tarudin", "Chairwoman", "", "composed (Malay; 'binti')"),
    # honorifics and quoted nicknames
    ("The agreements were signed with Mr. Toshimitsu Im", "Toshimitsu Im", "", "", "composed (Japanese; 'Im' cut at the excerpt's end)"),
    ("The meeting between President Joko “Jokowi” Widodo and Prime Minister Narendra Modi was held in Bangkok.",
     "Joko Widodo", "President", "", "composed (Indonesian; a nickname in quotes)"),
    ("However, Assoc Prof Dr Aat Pisanwanich said trade would contract.", "Aat Pisanwanich", "", "", "composed (Thai; stacked honorifics)"),
])
def test_people_by_office_and_shape(nlp, text, name, title, country, provenance):
    found = people(nlp, text)
    assert name in found, (provenance, sorted(found))
    assert (found[name]._.title or "") == title, provenance
    assert (found[name]._.country or "") == country, provenance


@pytest.mark.parametrize("text,name,provenance", [
    ("By Mirsaid Ibrahimzade\n\nTurkey’s exports rose.", "Mirsaid Ibrahimzade", "composed (Azerbaijani byline)"),
    ("By Fikret Dolukhanov – Trend:\n\nThe two prime ministers met.", "Fikret Dolukhanov", "composed (byline before a credit)"),
    ("Pressure grew on the Yunus-led interim government in Dhaka.", "Yunus", "composed (Bangladeshi; 'X-led')"),
])
def test_people_bylines_and_leaders(nlp, text, name, provenance):
    assert name in people(nlp, text), provenance


def test_people_one_person_one_office(nlp):
    doc = nlp("H.E. Prak Sokhonn, Deputy Prime Minister, signed the notes. Later Prak Sokhonn thanked Japan.")
    found = [e for e in doc.ents if e.label_ == "PERSON"]
    assert {e._.canonical for e in found} == {"Prak Sokhonn"}
    assert {e._.title for e in found} == {"Deputy Prime Minister"}


@pytest.mark.parametrize("text,not_person,provenance", [
    ("Traffic on Hun Sen Boulevard was heavy on Monday.", "Hun Sen Boulevard", "composed (a street named after a person)"),
    ("Prime Minister Hun Sen arrived in Phnom Penh on Monday.", "Phnom Penh", "composed (a capital, Khmer name shape)"),
    ("The Pen is mightier than the sword, the minister said.", "Pen", "composed ('Pen' as a noun)"),
    ("Exports included frozen mackerel (US$27.2 million) and apples.", "frozen mackerel", "composed (goods in a list)"),
    ("The deputy minister of Trade and Industry attended.", "Industry", "composed (a portfolio word)"),
    ("Kim Huot, director of the Battambang provincial Department of Commerce, said goods flowed.", "Battambang",
     "composed (a province before 'provincial')"),
    ("The Ministers of Foreign Affairs, Cooperation and Moroccan Expatriates met.", "Moroccan Expatriates", "composed (a portfolio)"),
    ("Hong Kong and Macau are listed separately.", "Hong Kong", "composed (a Korean/Khmer family-name shape that is a place)"),
])
def test_people_what_is_not_a_person(nlp, text, not_person, provenance):
    assert not_person not in people(nlp, text), provenance

"""Organisations as readers name them: full names of government bodies, canonical international bodies, news agencies and
newspapers as media, org_kind; documents, projects and meetings are not organisations. Full pipeline."""
import pytest

from pipeline.entities.orgs import org_kind

P_H11 = "composed after a VNA report (Vietnam-Laos trade, 2024)"


def orgs(nlp, text):
    doc = nlp(text)
    return {e._.canonical: e for e in doc.ents if e.label_ == "ORG"}


@pytest.mark.parametrize("text,canonical,kind,provenance", [
    ("The leaders set the target at the 46th meeting of the Vietnam-Laos Intergovernmental Committee in January.",
     "Vietnam-Laos Intergovernmental Committee", "government", P_H11),
    ("Both sides met under the 12th Cambodia-EU Joint Committee (JC12) last year.", "Cambodia-EU Joint Committee",
     "government", "composed (a pair committee with an ordinal)"),
    ("Cambodia Chamber of Commerce vice-president Lim Heng told reporters trade was rising.", "Cambodia Chamber of Commerce",
     "other", "composed (a country's chamber of commerce)"),
    ("The envoy paid a courtesy call on Senate president Say Chhum.", "Senate", "government", "composed (a legislature)"),
    ("The Commerce Ministry’s Permanent Secretariat said exports rose.", "Ministry of Commerce", "government",
     "composed (Thai usage: 'Commerce Ministry')"),
    ("The key meetings included the 12th Subgroup on Trade and Investment (SGTI) in Brussels.",
     "Subgroup on Trade and Investment", "other", "composed (ordinal off, acronym after)"),
    ("The project covers the Outreach Facility of Cambodian Mine Action Centre in Kampong Chhnang.",
     "Cambodian Mine Action Centre", "other", "composed (a national body named by demonym)"),
    ("Both are members of G20, the minister said.", "Group of Twenty", "international", "composed (alias table)"),
    ("MANILA, NNA - Philippine executives joined the trip.", "NNA", "media", "composed (a credit in a dateline)"),
    ("Tokyo, Nov. 27 (Jiji Press)--The prime ministers met.", "Jiji Press", "media", "composed (agency credit)"),
    ("Turkey’s exports rose, the Ministry of Trade told Trend.", "Trend News Agency", "media", "composed ('told <agency>')"),
    ("A screen shows a CCTV state media broadcast of the meeting. (Reuters photo)", "China Central Television", "media",
     "composed (a broadcaster's acronym)"),
    ("Hong Vanak, an economist, confirmed to The Post on December 5.", "The Post", "media", "composed (a newspaper's short name)"),
])
def test_orgs_full_names_and_kinds(nlp, text, canonical, kind, provenance):
    found = orgs(nlp, text)
    assert canonical in found, (provenance, sorted(found))
    assert found[canonical]._.org_kind == kind, provenance


@pytest.mark.parametrize("text,not_org,provenance", [
    ("The ministry pointed to the Regional Comprehensive Economic Partnership Agreement (RCEP).",
     "Regional Comprehensive Economic Partnership Agreement", "composed (a trade agreement)"),
    ("Park said the CKFTA would lift exports.", "CKFTA", "composed (a trade-agreement acronym)"),
    ("The ministry pointed to the Law on Investment passed in 2021.", "Law on Investment", "composed (a law)"),
    ("Funds go to the Project for the Expansion of Phum Prek Water Supply System.",
     "Project for the Expansion of Phum Prek Water Supply System", "composed (a project)"),
    ("They met on the sidelines of the ASEAN Summit last month.", "ASEAN Summit", "composed (a meeting)"),
    ("The Kazakh-Uzbek talks covered trade.", "Kazakh-Uzbek", "composed (a pair of nations)"),
    ("Of the figure, Việt Nam's exports to Cambodia rose by 15.83 per cent.", "Việt Nam", "composed (a country, not a body)"),
    ("Stay current - Follow FMT on WhatsApp, Google news and Telegram\n\nSubscribe to our newsletter.", "Telegram",
     "composed (a site's follow-us line)"),
    ("Some 20 AP reporters waited outside.", "Associated Press", "composed ('AP' outside a credit)"),
])
def test_orgs_what_is_not_an_org(nlp, text, not_org, provenance):
    assert not_org not in orgs(nlp, text), provenance


def test_orgs_summit_keeps_the_body(nlp):
    assert "Association of Southeast Asian Nations" in orgs(nlp, "They met on the sidelines of the ASEAN Summit last month.")


@pytest.mark.parametrize("canonical,kind", [
    ("Ministry of Foreign Affairs and International Cooperation", "government"), ("Bank of Thailand", "government"), ("Central Bank of Egypt", "government"),
    ("Asian Development Bank", "international"), ("Vietnam News Agency", "media"), ("Mitsubishi Corporation", "company"),
    ("Mekong Centre for Strategic Studies", "other"), ("World Trade Organization", "international"), ("Khmer Times", "media"), ("Solvent Extractors’ Association", "other"),
])
def test_orgs_kind_from_name(canonical, kind):
    assert org_kind(canonical) == kind

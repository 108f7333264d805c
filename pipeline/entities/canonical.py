"""One canonical name per person and organisation: entity clean-up, honorifics off, acronyms and surnames linked."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp import gazetteer
from pipeline.entities.countries import country_of, org_aliases
from pipeline.nlp.furniture import in_furniture
from pipeline.entities.credits import credited
from pipeline.entities.orgs import body_words, not_an_org, org_kind
from pipeline.entities.people import office_of
from pipeline.entities.names import (acronym_after, has_org_head, honorifics, is_acronym_of, org_canonical, person_canonical,
                    starts_with_honorific, titles)
from pipeline.nlp.resources import read_csv
from pipeline.nlp.doc_index import forget, overlapping, spans_in, text_of

PLACE_WORDS = re.compile(r"\b(?:Province|Prefecture|District|Bridge|Port|City|Island|River|Street|Road|Airport|Boulevard|Avenue)\b")
KEEP = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")


@lru_cache(maxsize=1)
def junk() -> frozenset[str]:
    return frozenset(r["text"].casefold() for r in read_csv("lexicons/entity_junk.csv", ("text", "reason")))


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_csv("lexicons/portfolio_words.csv", ("word",)))


GENERIC_GOVERNMENT = re.compile(r"^(?:the\s+)?(\w+)[- ]Government$", re.IGNORECASE)
HEADLINE_MIN_WORDS = 5


def _is_headline(ent: Span) -> bool:
    """The entity sits in a title-case line with no sentence end (a headline), where the model's labels are unreliable."""
    text = text_of(ent.doc)
    start, end = text.rfind("\n", 0, ent.start_char) + 1, text.find("\n", ent.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if w.lower() not in ("a", "an", "the", "and", "of", "to", "in", "for", "on", "with")]
    return len(words) >= HEADLINE_MIN_WORDS and not line.endswith(".") and all(w[0].isupper() for w in words)


def _minister_split(doc: Doc, ent: Span) -> list[Span]:
    """'Minister of [Industry and Trade Nguyễn Hồng Diên]': the portfolio is dropped, the name after it is a person."""
    if not re.search(r"\b(?:Minister|Ministers|Secretary)\s+(?:of|for)\s+$", text_of(doc)[max(0, ent.start_char - 25):ent.start_char]):
        return [ent]
    last = max((t.i for t in ent if t.text in portfolio_words() or t.lower_ in ("and", "&", ",")), default=None)
    if last is None:
        return [ent]
    name = doc[last + 1:ent.end]
    return [Span(doc, name.start, name.end, label="PERSON")] if len(name) >= 1 and all(t.is_title or t.is_upper for t in name) else []


@lru_cache(maxsize=1)
def subdivisions() -> frozenset[str]:
    """Folded names of provinces, prefectures and states (pycountry), to catch places tagged as persons."""
    import pycountry
    return frozenset(gazetteer.fold(s.name) for s in pycountry.subdivisions)


def _is_place(text: str) -> bool:
    key = gazetteer.fold(re.sub(PLACE_WORDS, "", text))
    return bool(PLACE_WORDS.search(text)) or key in subdivisions() or gazetteer.entry(text) is not None


FOLLOW_LINE = re.compile(r"^\W*(?:Follow|Stay current|Subscribe|Share|Like)\b.*\b(?:on|via)\b", re.I)


def _follow_line(ent: Span) -> bool:
    """'Stay current - Follow FMT on WhatsApp, Google news and Telegram': brands in a site's own call to follow it."""
    text = text_of(ent.doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    return bool(FOLLOW_LINE.match(text[start:ent.start_char]))


def _relabel(ent: Span) -> Optional[str]:
    """The label an entity should have, or None to drop it."""
    text, label = ent.text.strip(), ent.label_
    if not text or text.casefold() in junk() or not re.search(r"[A-Za-zÀ-ỹ]", text) or "\n" in ent.text.strip():
        return None
    if text in org_aliases():
        return "ORG" if org_aliases()[text].get("context") != "credit" or credited(ent) else None
    if label == "ORG" and not_an_org(ent):
        other = not_an_org(ent)
        return None if other == "DROP" else other
    if label == "ORG" and (gazetteer.entry(org_canonical(text)) or ("", ""))[1] == "name":
        return "GPE"
    if text[:1] in "•●▪◦·*" or _follow_line(ent):
        return None
    if label == "PERSON" and (re.search(r"\d", text) or all(w in portfolio_words() for w in text.split())):
        return None
    if starts_with_honorific(text):
        return "PERSON" if person_canonical(text) else None
    if label == "PERSON" and _is_place(text):
        return "FAC" if PLACE_WORDS.search(text) and "Province" not in text else "GPE"
    if label == "PERSON" and text.isupper() and len(text) <= 8:
        return "ORG"
    if label == "ORG" and (len(ent) == 1 and not text.isupper() and text not in org_aliases() and text not in body_words()):
        return None
    last = ent[-2] if len(ent) > 1 and ent[-1].text in ("'s", "’s", "’", "'") else ent[-1]
    if label == "ORG" and (last.is_lower or last.is_stop or "Photo" in text):
        return None
    generic = GENERIC_GOVERNMENT.match(text)
    if label == "ORG" and generic and gazetteer.entry(generic.group(1)):
        return None
    if label in ("ORG", "PERSON") and _is_headline(ent):
        return None
    return label if label in KEEP else None


def _preceded_by_title(doc: Doc, start: int) -> bool:
    before = text_of(doc)[max(0, doc[start].idx - 40):doc[start].idx]
    return any(re.search(re.escape(t) + r"\s+(?:of\s+[\w ,&-]+\s+)?$", before) for t in titles())


def _title_follows(ent: Span) -> bool:
    after = text_of(ent.doc)[ent.end_char:ent.end_char + 40]
    return any(re.match(r",\s+" + re.escape(t) + r"\b", after) for t in titles())


def _fix_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """A GPE/ORG that is no known place but sits next to a title ('Sho Hideki, Director General') is a person."""
    out = []
    for e in ents:
        if e.label_ in ("GPE", "ORG") and not _is_place(e.text) and e.text not in org_aliases() and not has_org_head(e.text) \
                and (_title_follows(e) or _preceded_by_title(doc, e.start)):
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def _split_orgs(doc: Doc, ent: Span) -> list[Span]:
    """'X Centre and Y Institute' -> two orgs when both halves have an organisation head word."""
    for tok in ent:
        if tok.lower_ == "and" and tok.i > ent.start:
            left, right = doc[ent.start:tok.i], doc[tok.i + 1:ent.end]
            if len(right) and has_org_head(left.text) and has_org_head(right.text) and not left.text.startswith("Ministry"):
                return [Span(doc, left.start, left.end, "ORG"), Span(doc, right.start, right.end, "ORG")]
    return [ent]


NAME_WORD = r"[A-ZÀ-ỸĐ][\w'’.-]*"


@lru_cache(maxsize=1)
def title_name_regex() -> re.Pattern:
    """A title, its portfolio ('of Industry and Trade'), then a name of 2-4 capitalised words."""
    from pipeline.values.numbers import alternation
    port = alternation(portfolio_words())
    return re.compile(rf"\b(?:{alternation(titles())})\s+(?:(?:of|for)\s+(?:(?:{port}|and|&|the)[\s,]+)+)?"
                      rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})")


def title_people(doc: Doc) -> list[Span]:
    """Persons the model missed, named right after a title ('Minister of Industry and Trade Nguyễn Hồng Diên')."""
    found = []
    for m in title_name_regex().finditer(text_of(doc)):
        words = m.group("name").split()
        while words and (words[-1] in portfolio_words() or gazetteer.entry(words[-1]) or words[-1] in titles()):
            words.pop()
        if len(words) < 2 or any(w in portfolio_words() or w in titles() or gazetteer.entry(w) for w in words):
            continue
        span = doc.char_span(m.start("name"), m.start("name") + len(" ".join(words)), label="PERSON", alignment_mode="contract")
        if span is not None and not in_furniture(doc, span.start_char):
            found.append(span)
    return found


BYLINE_NAME = r"[A-ZÀ-ỸĐ][a-zà-ỹđ'’.-]+(?:[ \t]+[A-ZÀ-ỸĐ][a-zà-ỹđ'’.-]+){1,3}"
BYLINE = re.compile(rf"^[ \t]*(?:[•●▪·][ \t]*|(?:By|BY|Written by|Story by|Reported by)[ \t]+)(?P<name>{BYLINE_NAME})[ \t]*$", re.M)
CREDIT = re.compile(rf"\b(?:Reporting|Writing|Editing|Additional reporting|Compiled)\s+by\s+(?P<names>{BYLINE_NAME}"
                    rf"(?:\s*(?:,|and)\s*{BYLINE_NAME})*)")


def byline_people(doc: Doc) -> list[Span]:
    """Authors the model misses: a byline line ('By Sao Phal Niseiy', '• Sao Phal Niseiy') and agency credits
    ('Reporting by Prak Chan Thul and Panu Wongcha-um; Editing by Martin Petty')."""
    text, found = text_of(doc), []
    spots = [(m.start("name"), m.group("name")) for m in BYLINE.finditer(text)]
    for m in CREDIT.finditer(text):
        for part in re.finditer(BYLINE_NAME, m.group("names")):
            spots.append((m.start("names") + part.start(), part.group(0)))
    for start, name in spots:
        if any(gazetteer.entry(w) or lookup_calendar(w) for w in name.split()):
            continue
        span = doc.char_span(start, start + len(name), label="PERSON", alignment_mode="contract")
        if span is not None and len(span) > 1:
            found.append(span)
    return found


def lookup_calendar(word: str) -> bool:
    from pipeline.values.dates.calendar_words import lookup
    return bool(lookup("month", word) or lookup("weekday", word))


def _with_title_people(doc: Doc, ents: list[Span]) -> list[Span]:
    found = title_people(doc) + byline_people(doc)
    people = [p for p, near in zip(found, overlapping(found, ents)) if not any(e.label_ == "PERSON" for e in near)]
    kept = [e for e, near in zip(ents, overlapping(ents, people)) if not near]
    return kept + people


def clean_entities(doc: Doc) -> None:
    """Drop junk and page-furniture entities, relabel the model's known confusions, split joined orgs."""
    ents = []
    for ent in doc.ents:
        if in_furniture(doc, ent.start_char):
            continue
        label = _relabel(ent)
        bodies = _bodies_inside(doc, ent) if label != ent.label_ and ent.label_ == "ORG" and label in (None, "EVENT") else []
        ents += bodies  # 'the ASEAN Summit': ASEAN is the body (the meeting itself is left to the events)
        if label is None or bodies:
            continue
        ent = Span(doc, ent.start, ent.end, label=label) if label != ent.label_ else ent
        for part in (_minister_split(doc, ent) if label == "ORG" else [ent]):
            ents += _split_orgs(doc, part) if part.label_ == "ORG" else [part]
    ents = [e for e in ents if not _undefined_short_acronym(doc, e)]
    ents = _name_parts_are_people(_with_title_people(doc, _fix_people(doc, ents)))
    ents = [e for e in (_place_not_person(e) for e in ents) if not _honorific_only(e) and not _not_a_name(e)]
    doc.ents = filter_spans(ents)
    forget(doc, "ents")


def _not_a_name(ent: Span) -> bool:
    """'frozen mackerel', 'International Cooperation', 'Moroccan Expatriates': a 'person' with no name word in it."""
    if ent.label_ != "PERSON":
        return False
    words = [w.strip(".,;:'’") for w in ent.text.split()]
    words = [w for w in words if w]
    return not any(w[:1].isupper() for w in words) or all(w in portfolio_words() or gazetteer.entry(w) for w in words)


@lru_cache(maxsize=1)
def place_after_regex() -> re.Pattern:
    """A place noun right after a name, allowing 'deep-sea port' and 'special economic zone'."""
    nouns = "|".join(re.escape(n) for n in sorted(gazetteer.place_nouns(), key=len, reverse=True))
    return re.compile(rf"\s*(?:deep-sea\s+|special economic\s+)?(?:{nouns})\b", re.I)


def _bodies_inside(doc: Doc, ent: Span) -> list[Span]:
    """Well-known bodies named inside a meeting or project ('the ASEAN Summit', 'Grant Project executed under JICA')."""
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in ent if len(ent) > 1 and t.text in org_aliases() and t.text.isupper()
            and org_aliases()[t.text].get("context") != "credit"]


def _place_not_person(ent: Span) -> Span:
    """'Preah Sihanouk province', 'Sihanouk deep-sea port': a 'person' named right before a place noun is a place."""
    if ent.label_ == "PERSON" and place_after_regex().match(text_of(ent.doc), ent.end_char):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def _honorific_only(ent: Span) -> bool:
    """'Samdech Akka Moha Sena' cut from 'Samdech Akka Moha Sena Padei Techo Hun Sen': no name left, only a title."""
    if ent.label_ != "PERSON":
        return False
    name = person_canonical(ent.text).lower()
    return not name or any(name in h.lower() for h in honorifics() if len(h) > len(name))


def _name_parts_are_people(ents: list[Span]) -> list[Span]:
    """'invited Trong to visit': a one-word GPE/ORG that is part of a person's full name in the article is that person."""
    parts = {w for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split() if w[:1].isupper() and len(w) > 2}
    tails = {" ".join(e.text.split()[k:]) for e in ents if e.label_ == "PERSON" for k in range(1, len(e.text.split()))}
    out = []
    for e in ents:
        one = len(e) == 1 and e.text in parts
        if e.label_ in ("GPE", "ORG") and (one or e.text in tails) and not _is_place(e.text) and e.text not in org_aliases():
            e = Span(e.doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def _undefined_short_acronym(doc: Doc, ent: Span) -> bool:
    """'SPM' (a photo credit): an all-capitals org of <= 4 letters that is neither well known nor defined in the text."""
    text = ent.text.strip()
    return (ent.label_ == "ORG" and text.isupper() and len(text) <= 4 and text not in org_aliases()
            and f"({text})" not in text_of(doc))


def _acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms defined in the text: 'Japan External Trade Organization (JETRO)' -> {'JETRO': expansion}."""
    found = {}
    for ent in doc.ents:
        if ent.label_ == "ORG":
            acro = acronym_after(text_of(doc)[ent.end_char:ent.end_char + 14])
            if acro and is_acronym_of(acro, org_canonical(ent.text)):
                found[acro.upper()] = org_canonical(ent.text)
    return found


def _org_name(ent: Span, acronyms: dict[str, str]) -> tuple[str, str, str]:
    """(canonical, country, kb_id) of an organisation mention."""
    alias = org_aliases().get(ent.text) or org_aliases().get(org_canonical(ent.text))
    if alias:
        return alias["canonical"], alias.get("country", ""), alias.get("kb_id", "")
    name = org_canonical(ent.text)
    if name.upper() in acronyms:
        name = acronyms[name.upper()]
        alias = org_aliases().get(name)
        if alias:
            return alias["canonical"], alias.get("country", ""), alias.get("kb_id", "")
    return name, _org_country(ent), ""


def _org_country(ent: Span) -> str:
    """An organisation's country from its own words ('Cambodia's Ministry', 'Embassy of Japan', 'Cambodian Embassy')."""
    for token in ent:
        code = gazetteer.lookup(token.text) or gazetteer.lookup(ent.doc[token.i:token.i + 2].text)
        if code:
            return code
    prev = ent.doc[max(0, ent.start - 2):ent.start]
    near = [e for e in spans_in(ent.doc, "ents", prev.start_char, prev.end_char) if e.end <= ent.start] if len(prev) else []
    return next((e._.country for e in near if e.label_ in ("NORP", "GPE") and e._.country), "")


def _person_country(ent: Span) -> str:
    """A person's country from a demonym or country right before the name and its title ('Japanese Foreign Minister X')."""
    window = ent.doc[max(0, ent.start - 6):ent.start]
    for e in spans_in(ent.doc, "ents", window.start_char, window.end_char) if len(window) else []:
        if e.label_ in ("NORP", "GPE") and e._.country and e.end <= ent.start:
            between = ent.doc[e.end:ent.start]
            if all(t.is_title or t.is_upper or t.lower_ in ("of", "and", "to") for t in between):
                return e._.country
    return ""


def _link_people(people: list[Span]) -> dict[str, str]:
    """Short forms -> the longest full name in the document that contains them ('Kishida' -> 'Fumio Kishida')."""
    first = {}
    for p in people:
        first.setdefault(p._.canonical, p.start_char)
    names = sorted(first, key=lambda n: (-len(n.split()), first[n]))  # ties: the name met first (deterministic)
    link = {}
    for short in names:
        for full in names:
            if len(full.split()) > len(short.split()) and set(short.split()) <= set(full.split()):
                link[short] = full
                break
    return link


def _share_offices(people: list[Span]) -> None:
    """Every mention of a person gets the office and country stated at any of them ('Prak Sokhonn' … 'Sokhonn')."""
    title, country = {}, {}
    for p in people:
        title.setdefault(p._.canonical, p._.title) if p._.title else None
        country.setdefault(p._.canonical, p._.country) if p._.country else None
    for p in people:
        p._.title = p._.title or title.get(p._.canonical)
        p._.country = p._.country or country.get(p._.canonical)


@Language.factory("news_canonical")
class Canonicaliser:
    """Sets `_.canonical`, `_.country`, `_.kb_id` on persons and organisations after cleaning the entities."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        titles(), junk()

    def __call__(self, doc: Doc) -> Doc:
        clean_entities(doc)
        acronyms, ents = _acronyms(doc), list(doc.ents)
        people = [e for e in ents if e.label_ == "PERSON"]
        for e in people:
            e._.canonical = person_canonical(e.text)
        link = _link_people(people)
        for e in people:
            e._.canonical = link.get(e._.canonical, e._.canonical)
            office = office_of(doc, e)
            e._.country = (office.country if office else "") or _person_country(e) or None
            e._.title = (office.title if office else "") or None
        _share_offices(people)
        for e in ents:
            if e.label_ == "ORG":
                name, country, kb = _org_name(e, acronyms)
                e._.canonical, e._.country, e._.kb_id = name, country or None, kb or None
        orgs = [e for e in ents if e.label_ == "ORG"]
        self._unify_orgs(orgs)
        for e in orgs:
            e._.org_kind = org_kind(e._.canonical)
        return doc

    @staticmethod
    def _unify_orgs(orgs: list[Span]) -> None:
        """'Royal Government' and 'Royal Government of Cambodia' in one article are one body: the longer name."""
        names = {o._.canonical for o in orgs}
        for o in orgs:
            longer = [n for n in names if n.startswith(o._.canonical + " of ")]
            if longer:
                o._.canonical = min(longer, key=len)

"""Who an event is between: the countries its participants act for (read from their titles in the parse:
"Vietnam's prime minister Pham Minh Chinh", "his Cambodian counterpart Hun Manet", "Hun Sen, Prime Minister of
the Kingdom of Cambodia"), the states named as actors, and the article's countries for what the sentence leaves
implicit. Where an event happens ("in Kumamoto city, Japan") and seas or regions ("the South China Sea") are not
parties."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.entities.countries import country_of
from pipeline.entities.names import titles
from pipeline.nlp import gazetteer
from pipeline.nlp.doc_index import cached
from pipeline.records.clauses import dateline_end, main_countries, sent_ents
from pipeline.records.diplomacy_syntax import in_clause

TITLE_DEPS = ("compound", "amod", "poss", "appos", "nmod")  # what attaches a title to a name and a country to a title
NAME_HEAD_DEPS = ("compound", "appos")  # a name standing in apposition to its title ('counterpart Hun Manet')
PLACE_PREPS = ("in", "at", "near")
TITLE_RUN = 6  # words a title may run to before a name
DASHES = ("-", "–", "—")
BARE = "BARE_COUNTRY"  # a country word the entity model left unlabelled
PLACE_CLIMB = ("appos", "compound", "conj", "npadvmod", "nmod")


DEMONYM_ENDINGS = re.compile(r"(?:ian|ean|an|ese|ish|i|n)$")
NAME_ENDINGS = ("", "a", "ia", "o", "e", "en", "on", "u", "stan", "istan")  # what a country name adds to its demonym's stem


@lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    import pycountry
    return tuple((c.name.lower().split()[0].rstrip(","), c.alpha_3) for c in pycountry.countries)


@lru_cache(maxsize=512)
def demonym_country(word: str) -> Optional[str]:
    """'Moroccan' -> MAR, 'Ethiopian' -> ETH, 'Tunisian' -> TUN: a demonym the gazetteer lacks, read as the one
    country name its stem begins (a stem of at least four letters that one country's name continues with a usual ending)."""
    stem = DEMONYM_ENDINGS.sub("", word.strip().lower())
    if len(stem) < 4 or not word[:1].isupper():
        return None
    hits = {code for first, code in _country_names() if first.startswith(stem)
            and first[len(stem):] in NAME_ENDINGS}
    return hits.pop() if len(hits) == 1 else None


def ent_country(ent: Span) -> Optional[str]:
    """The country a GPE/NORP entity names: its code, else a demonym the gazetteer lacks."""
    if ent._.country:
        return ent._.country
    return demonym_country(ent.text) if ent.label_ == "NORP" and len(ent) == 1 else None


def _country_ent(tok: Token) -> Optional[str]:
    """The country a state-naming token belongs to (a GPE/NORP entity with a code)."""
    if tok.ent_type_ not in ("GPE", "NORP"):
        return None
    ents = [e for e in tok.doc.ents if e.start <= tok.i < e.end]
    return ent_country(ents[0]) if ents else None


def _title_tokens(root: Token, name: set[int]) -> list[Token]:
    """The tokens of a name's title phrase: modifiers of the name, of the title it stands beside, and their 'of' objects."""
    heads = [root]
    if root.dep_ in NAME_HEAD_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        heads.append(root.head)
    out: list[Token] = []
    for head in heads:
        out += [head] if head.i not in name else []
        for child in head.children:
            if child.i in name or child.dep_ not in TITLE_DEPS + ("prep",):
                continue
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            out += [t for t in child.subtree if t.i not in name]
    return out


def _title_before(person: Span) -> list[Token]:
    """The run of title words right before a name ('his Cambodian counterpart', "Vietnam's prime minister"), for
    when the parser attaches the name elsewhere."""
    out: list[Token] = []
    before = list(reversed(person.doc[max(0, person.start - TITLE_RUN - 1):person.start]))
    comma = bool(before) and before[0].text == ","  # 'Foreign Minister of Ethiopia, Demeke Mekonnen'
    for tok in before[1:] if comma else before:
        if not (tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.tag_ in ("PRP$", "POS") or tok.lower_ == "of"):
            break
        out.append(tok)
    if comma and not any(t.lower_ in office_words() for t in out):
        return []
    return out


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The head words of titles ('minister', 'ambassador', 'president') from models/lexicons/honorifics.csv."""
    return frozenset(t.split()[-1].lower() for t in titles())


def title_country(person: Span) -> Optional[str]:
    """The country a person acts for, from the title phrase around their name in the parse, else right before it."""
    if person._.country:
        return person._.country
    name = {t.i for t in person}
    parsed = sorted(_title_tokens(person.root, name), key=lambda t: abs(t.i - person.start))
    return next((c for c in map(_country_ent, parsed + _title_before(person)) if c), None)


def person_countries(doc: Doc) -> dict[str, str]:
    """Canonical person name -> the country their title names anywhere in the article (first mention wins)."""
    return cached(doc, "event_person_countries", _person_countries)


def _person_countries(doc: Doc) -> dict[str, str]:
    found: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            code = title_country(ent)
            if code:
                found.setdefault(ent._.canonical or ent.text, code)
    return found


def is_place(ent: Span) -> bool:
    """'in Kumamoto city, Japan', 'at talks in Vietnam': a country named as where something happens."""
    tok = ent.root
    while tok.dep_ in PLACE_CLIMB and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def _not_a_party(ent: Span) -> bool:
    """Seas, gulfs and regions ('the South China Sea', 'the Gulf of Thailand') name no state."""
    return ent.label_ == "LOC" and gazetteer.lookup(ent.text) is None


def named_pair(ent: Span) -> list[str]:
    """'the Indonesia–India Comprehensive Strategic Partnership', 'the Cambodia-EU Joint Committee': two states
    joined by a dash inside a name are its two sides."""
    codes: list[str] = []
    for tok in ent:
        nxt = tok.doc[tok.i + 1] if tok.i + 2 < ent.end else None
        if nxt is None or nxt.text not in DASHES:
            continue
        left, right = gazetteer.lookup(tok.text), gazetteer.lookup(tok.doc[tok.i + 2].text)
        if left and right and left != right:
            codes += [c for c in (left, right) if c not in codes]
    return codes


def sentence_actors(doc: Doc, sent: Span, visit: bool = False, trigger: Optional[Token] = None) -> tuple[list[str], list[str]]:
    """(parties, places): countries acting in a sentence in order (states, bodies, persons by their titles) and
    countries named only as where it happens (a visit's destination is a party) or, unless one of the article's two
    main countries, only in another clause than the event's `trigger` ('…, referring to China's assertiveness')."""
    people = person_countries(doc)
    parties: list[str] = []
    places: list[str] = []
    body = dateline_end(sent)
    mentions = [e for e in sent_ents(doc, sent) if e.start_char >= body and not _not_a_party(e)] + _unlabelled(sent, body)
    top = main_countries(doc)[:2]
    for ent in sorted(mentions, key=lambda e: e.start):
        place = ent.label_ in ("GPE", "LOC", BARE) and not visit and is_place(ent)
        aside = not in_clause(ent, trigger)
        for code in _codes(ent, people):
            target = places if place or (aside and code not in top) else parties
            if code not in target:
                target.append(code)
    return parties, [c for c in places if c not in parties]


def _unlabelled(sent: Span, body: int) -> list[Span]:
    """Country names and demonyms the entity model left unlabelled (often in title-case headlines: 'The Visit Of
    The Speaker Of The Kenyan Senate To Morocco'), as one-word spans labelled BARE."""
    out = []
    for tok in sent:
        found = gazetteer.entry(tok.text) if not tok.ent_type_ and tok.is_title and tok.idx >= body else None
        if found and found[1] in ("name", "demonym"):
            span = Span(sent.doc, tok.i, tok.i + 1, label=BARE)
            out.append(span)
    return out


def _codes(ent: Span, people: dict[str, str]) -> list[str]:
    """The countries one entity acts for: a person's by title, a state's own, a body's, or a dashed pair in a name."""
    if ent.label_ == "PERSON":
        code = people.get(ent._.canonical or ent.text)
    elif ent.label_ == BARE:
        code = gazetteer.lookup(ent.text)
    else:
        pair = named_pair(ent) if ent.label_ == "ORG" else []
        if len(pair) == 2:  # a pair body ('the Cambodia-EU Joint Committee') acts for both, whatever its own country
            return pair
        code = ent_country(ent) or (country_of(ent) if ent.label_ == "ORG" else None)
    if not code and ent.label_ != "PERSON":
        return named_pair(ent)
    return [code] if code and code != "WLD" else []


def event_pair(doc: Doc, sent: Span, visit: bool = False, trigger: Optional[Token] = None) -> Optional[tuple[str, str]]:
    """The two sides of a sentence's event: its acting countries, completed with the article's main countries,
    then the places it names."""
    parties, places = sentence_actors(doc, sent, visit, trigger)
    pool = parties + [c for c in main_countries(doc) if c not in parties and c not in places] + places
    return (pool[0], pool[1]) if len(pool) >= 2 else None


def coordinated_sides(doc: Doc, sent: Span, pair: tuple[str, str]) -> list[tuple[str, str]]:
    """'held talks with the foreign ministers of Morocco, Tunisia and Comoros': the first side with each of the
    coordinated states it met (one event per pair), when the first side is not itself in that coordination."""
    people = person_countries(doc)
    roots, first = {}, set()
    for ent in sent_ents(doc, sent):
        codes = _codes(ent, people) if ent.label_ in ("GPE", "NORP") else []
        if len(codes) == 1:
            (first.add(ent.root.i) if codes[0] == pair[0] else roots.setdefault(ent.root.i, codes[0]))
    for i, code in roots.items():
        conjuncts = {t.i for t in doc[i].conjuncts}
        group = [roots[j] for j in sorted(conjuncts) if j in roots]
        if code == pair[1] and group and not conjuncts & first:
            return [(pair[0], c) for c in dict.fromkeys([code] + group)]
    return [pair]

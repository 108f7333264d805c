"""Sentence-level helpers shared by the record builders: mentions in a sentence, country roles, period, source."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Callable, Optional

from spacy.tokens import Doc, Span

from pipeline.nlp import extensions as ext
from pipeline.entities.countries import country_of, lookup
from pipeline.nlp.doc_index import cached, spans_in, text_of
from pipeline.nlp.furniture import in_furniture
from pipeline.nlp.resources import read_csv
from pipeline.values.numbers import alternation
from pipeline.nlp.annotations import DateValue
from pipeline.values.dates.finder import find_dates

COMPARISON = re.compile(r"(?:compared (?:to|with)|from|than|over|against|versus|vs\.?)\s+(?:the\s+)?$", re.I)
SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
SOURCE_BEFORE = re.compile(r"(?:according to(?:\s+(?:a|the|latest|new|official|preliminary)){0,2}(?:\s+(?:report|data|statement|figures|statistics)\s+(?:from|by|of|released by))?"
                           r"|data (?:from|of)|figures (?:from|of)|statistics (?:from|of)|report(?:ed)? by|trade data of)\s+(?:the\s+)?(?:\w+['’]s\s+)?$", re.I)
SOURCE_AFTER = re.compile(r"^\s*(?:\([A-Z]+\)\s*)?(?:reported|said|showed|shows|data|figures|statistics|announced)\b", re.I)


@dataclass(frozen=True)
class CountryMention:
    """A country named in a sentence and the little word that gives its role ('to', 'from', 'poss', ...)."""

    code: str
    start: int
    end: int
    role: str
    label: str


def in_span(spans, sent: Span) -> list[Span]:
    return [s for s in spans if sent.start_char <= s.start_char < sent.end_char]


def group(doc: Doc, name: str, sent: Span) -> list[Span]:
    """A span group's spans inside a sentence, in order."""
    return spans_in(doc, name, sent.start_char, sent.end_char) if name in doc.spans else []


def sent_ents(doc: Doc, sent: Span) -> list[Span]:
    """The entities inside a sentence, in order (indexed once per document)."""
    return spans_in(doc, "ents", sent.start_char, sent.end_char)


def _role(doc: Doc, start: int, end: int) -> str:
    before = text_of(doc)[max(0, start - 14):start].lower()
    after = text_of(doc)[end:end + 3]
    if re.match(r"['’]s?\b", after) or after.startswith("’"):
        return "poss"
    for word in ("between", "from", "to", "in", "of", "with", "for", "and", "help"):
        if re.search(rf"\b{word}\s+(?:the\s+)?$", before):
            return word
    return ""


STAMP = r"(?:\s*(?:date|published|updated|posted)?:?\s*(?:19|20)\d\d-[01]\d-[0-3]\d\s+)?"  # a scraper's 'date 2022-08-03 '
DATELINE = re.compile(STAMP + r"\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]{2,30})?\s*(?:\([^)]{2,40}\)\s*)?(?:[-—–]{1,2}|:)\s")


def dateline_end(sent: Span) -> int:
    """Where a dateline opening the sentence ends ('MANILA, Philippines — ', 'SEOUL, June 23 (Yonhap) -- '), else its start."""
    m = DATELINE.match(text_of(sent.doc), sent.start_char, sent.end_char)
    return m.end() if m else sent.start_char


# 'The Government of Japan', 'the Japanese government', 'the Royal Government of Cambodia': the state itself
GOVERNMENT = re.compile(r"^(?:the\s+)?(?:(?:royal|federal|central|national|imperial)\s+)?(?:government|state|cabinet|administration)\s+of\b"
                        r"|\bgovernment$", re.I)


@lru_cache(maxsize=1)
def bloc_table() -> tuple[re.Pattern, dict[str, str]]:
    """The regional groupings of models/lexicons/blocs.csv: a regex of their names and name -> code."""
    table = {r["name"].lower(): r["code"] for r in read_csv("lexicons/blocs.csv", ("name", "code"))}
    return re.compile(rf"\b(?:{alternation(table)})\b", re.I), table


def bloc_codes() -> frozenset[str]:
    return frozenset(bloc_table()[1].values())


def blocs_in(doc: Doc, sent: Span, taken: list[CountryMention]) -> list[CountryMention]:
    """'exports to ASEAN', 'trade between China and the Gulf Cooperation Council': groupings as parties."""
    pattern, table = bloc_table()
    out = []
    for m in pattern.finditer(text_of(doc), sent.start_char, sent.end_char):
        if m.group(0)[0].isupper() and not any(t.start < m.end() and m.start() < t.end for t in taken):
            out.append(CountryMention(table[m.group(0).lower()], m.start(), m.end(), _role(doc, m.start(), m.end()), "ORG"))
    return out


def countries_in(doc: Doc, sent: Span) -> list[CountryMention]:
    """Country mentions of a sentence (GPE/NORP with a code, persons and orgs acting for one, regional groupings),
    in order; a dateline's place ('MANILA, Philippines — ') is where the story was filed, not a party."""
    out = _countries_in(doc, sent)
    return sorted(out + blocs_in(doc, sent, out), key=lambda m: m.start)


def _countries_in(doc: Doc, sent: Span) -> list[CountryMention]:
    out, body = [], dateline_end(sent)
    for ent in sent_ents(doc, sent):
        if ent.start_char < body:
            continue
        code = ent._.country if ent.label_ in ("GPE", "NORP", "LOC") or (ent.label_ == "ORG" and (ent._.country == "EUU" or GOVERNMENT.search(ent.text))) else None
        if code is None and ent.label_ in ("GPE", "NORP"):
            code = lookup(ent.text, doc._.country_ranking or doc._.doc_country)
        if code and code not in ("EUU",) or (code == "EUU"):
            out.append(CountryMention(code, ent.start_char, ent.end_char, _role(doc, ent.start_char, ent.end_char), ent.label_))
    return out


def main_countries(doc: Doc) -> list[str]:
    """The article's countries by how often they are named in its body, most first."""
    return cached(doc, "main_countries", _main_countries)


PAIR_IN_NAME = re.compile(r"\b([A-Z][A-Za-z.]+)\s?[-–]\s?([A-Z][A-Za-z.]+)\b")


def _main_countries(doc: Doc) -> list[str]:
    codes = [e._.country for e in doc.ents if (e.label_ in ("GPE", "NORP") or e._.country == "EUU") and e._.country
             and not in_furniture(doc, e.start_char) and e._.country != "WLD"]
    codes += [c for e in doc.ents if e.label_ == "ORG" and not in_furniture(doc, e.start_char) for c in pair_in_name(e.text)]
    counts = Counter(codes)
    return sorted(counts, key=lambda c: (-counts[c], codes.index(c)))


def pair_in_name(name: str) -> list[str]:
    """'Cambodia-EU Joint Committee' -> ['KHM', 'EUU']: the two states a body's name joins with a dash."""
    m = PAIR_IN_NAME.search(name)
    codes = [lookup(part) for part in m.groups()] if m else []
    return codes if len(codes) == 2 and all(codes) and codes[0] != codes[1] else []


def other_country(doc: Doc, *known: Optional[str]) -> Optional[str]:
    """The article's most-named country that is not one of `known`."""
    return next((c for c in main_countries(doc) if c not in known), None)


# 'over the same period in 2023', 'compared to the nearly $41.9 million logged in April 2021': the base of a comparison
COMPARED_PERIOD = re.compile(r"(?:\b(?:the\s+)?(?:same|corresponding|year-ago|like)\s+(?:period|time|month|quarter|half|months)\s+(?:of|in|last)\s+"
                             r"|\b(?:compared\s+(?:to|with)|from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|against|versus)\s+"
                             r"(?:(?!\bto\b)[^,;]){0,25}?(?:\$|US\$|USD|\d)(?:(?!\bto\b)[^,;]){0,40})$", re.I)


OVER_SPAN = re.compile(r"(?:the\s+)?(?:past|last|first|previous|next|course|period|span)\b", re.I)


def sentence_periods(doc: Doc, sent: Span) -> list[tuple[DateValue, Span]]:
    """Every period a sentence's figures may refer to: resolved calendar dates that are not comparison bases
    ('… over the same period in 2023', '… from $132.74 million in November 2021') nor the dateline's date;
    'since 2016' runs to the article's date."""
    out, body = [], dateline_end(sent)
    for span in group(doc, ext.DATES, sent):
        v = span._.value
        if v is None or v.type != "date" or v.start is None or span.start_char < body:
            continue
        before = text_of(doc)[max(sent.start_char, span.start_char - 80):span.start_char]
        compared = COMPARISON.search(before[-20:])
        if compared and compared.group(0).lower().startswith("over") and OVER_SPAN.match(span.text):
            compared = None  # 'over the past seven months of 2018': a span of time, not a base
        if compared or span.text.lower().startswith("the same") or COMPARED_PERIOD.search(before):
            continue
        if SINCE.search(before[-20:]):  # 'since 2016': from then to the article's date
            ref = doc._.reference_date
            if ref is None or ref < v.start:
                continue
            v = replace(v, end=ref, granularity="range")
        out.append((v, span))
    return out


def reanchored(doc: Doc, sent: Span, reference: date) -> list[tuple[DateValue, Span]]:
    """Dates of a sentence the article left without a year ('In April, bilateral trade was …', 'the January-July
    period'), read again against the period the article is talking about."""
    out = []
    for span in group(doc, ext.DATES, sent):
        v = span._.value
        if v is None or v.type != "date" or v.start is not None:
            continue
        lead = text_of(doc)[max(sent.start_char, span.start_char - 12):span.start_char]  # 'In April': the grammar wants its preposition
        for start, _, value in find_dates(lead + span.text, reference):
            if start <= len(lead) and value.type == "date" and value.start is not None and value.start.year == reference.year:
                out.append((value, span))
                break
    return out


def sentence_period(doc: Doc, sent: Span) -> Optional[tuple[DateValue, Span]]:
    """The period a sentence's figures refer to: its first period longer than a day, else its first day
    ('said on Monday' only when the sentence names no longer period)."""
    found = sentence_periods(doc, sent)
    return next((p for p in found if p[0].granularity != "day"), found[0] if found else None)


def sentence_source(doc: Doc, sent: Span) -> str:
    """The body a figure is attributed to ('according to the GDCE', 'the Department ... reported')."""
    for ent in sent_ents(doc, sent):
        if ent.label_ != "ORG":
            continue
        before, after = text_of(doc)[max(0, ent.start_char - 40):ent.start_char], text_of(doc)[ent.end_char:ent.end_char + 30]
        if SOURCE_BEFORE.search(before) or SOURCE_AFTER.match(after):
            return ent._.canonical or ent.text
    return ""


def person_names(sent: Span) -> list[str]:
    """Canonical names of the persons in a sentence, in order, without repeats."""
    names: list[str] = []
    for ent in sent_ents(sent.doc, sent):
        if ent.label_ == "PERSON" and (ent._.canonical or ent.text) not in names:
            names.append(ent._.canonical or ent.text)
    return names


def acting_countries(doc: Doc, sent: Span) -> list[str]:
    """Countries of every actor in a sentence (places, demonyms, persons and bodies acting for one), in order."""
    codes: list[str] = []
    body = dateline_end(sent)
    for ent in sent_ents(doc, sent):
        if ent.start_char < body:  # 'JAKARTA, Jakarta Post -- ': where the story was filed
            continue
        code = ent._.country or (country_of(ent) if ent.label_ in ("ORG",) else None)
        if code and code not in codes and code not in ("WLD",):
            codes.append(code)
    return codes


def in_headline(sent: Span) -> bool:
    """Whether a sentence is a headline: its line is short and has no closing punctuation."""
    text = text_of(sent.doc)
    end = text.find("\n", sent.start_char)
    line = text[sent.start_char:end if end != -1 else len(text)].strip()
    return bool(line) and len(line) < 160 and not re.search(r"[.!?\"”’)]$", line)


def drop_restated_headlines(doc: Doc, items: list, key: Callable) -> list:
    """A headline restates the story: a record or event from one is dropped when the body has one with the same key."""
    sents = list(doc.sents)
    head = [in_headline(sents[item.sentence_id]) for item in items]
    body = {key(item) for item, h in zip(items, head) if not h}
    return [item for item, h in zip(items, head) if not h or key(item) not in body]

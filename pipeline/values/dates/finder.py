"""Dates, periods and durations: the grammar in models/patterns/dates.jsonl, resolved against the reference date."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Callable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import extensions as ext
from pipeline.values.dates.calendar_words import words
from pipeline.values.dates.filing_country import dateline_country
from pipeline.values.figure_matching import add_spans
from pipeline.values.numbers import alternation, small_word_number_regex
from pipeline.values.dates.resolvers import resolve
from pipeline.nlp.resources import ResourceError, read_csv, read_jsonl
from pipeline.nlp.annotations import DateValue
from pipeline.nlp.doc_index import text_of

GRAMMAR = "patterns/dates.jsonl"


def _weekdays(names) -> str:
    """Full weekday names in any case; abbreviations only capitalised ('Sat', never 'sat down')."""
    full = alternation(n for n in names if n.endswith("day"))
    short = alternation(n.capitalize() for n in names if not n.endswith("day"))
    return rf"(?:{full}|(?-i:{short})\.?)"


def _placeholders() -> dict[str, str]:
    w = words()
    months = alternation(w["month"])
    caps = alternation(m.capitalize() for m in w["month"] if m != "may") + "|May(?=\\s+\\d)"
    return {
        "MONTH": months, "MONTHCAP": f"(?-i:{caps})", "WEEKDAY": _weekdays(w["weekday"]),
        "ORDINAL": alternation(w["ordinal"]), "UNIT": alternation(w["unit"]), "PART": alternation(w["part"]),
        "YEAR": r"(?<![\d,.$€£])(?:1[89]|20)\d\d(?![\d,.]\d)", "DAY": r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?!\d)",
        "NUM": rf"(?:\d+|{small_word_number_regex()})", "DAYWORD": alternation(w["dayword"]).replace(r"\ ", r"[\s-]"),
    }


@lru_cache(maxsize=1)
def grammar() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(rule id, label, compiled pattern) for every line of the date grammar, in priority order."""
    fills = _placeholders()
    compiled = []
    for row in read_jsonl(GRAMMAR, ("label", "id", "pattern")):
        template = row["pattern"]
        for key, value in fills.items():
            template = template.replace("{" + key + "}", f"(?:{value})")
        try:
            compiled.append((row["id"], row["label"], re.compile(rf"(?<![\w-]){template}(?![\w])", re.IGNORECASE)))
        except re.error as exc:
            raise ResourceError(f"{GRAMMAR}: rule {row['id']!r}: {exc}") from None
    return tuple(compiled)


# Every date the grammar finds holds a digit or a calendar word (a month, weekday or unit, 'today', 'weekend'), with
# at most this much text before the first and after the last: the grammar only searches such stretches of a text.
REACH_BEFORE, REACH_AFTER, MERGE_GAP = 80, 50, 100
ANCHOR_WORDS = ("quarter", "quarters", "half", "weekend", "today", "tomorrow", "tmrw", "yesterday", "tonight", "tonite",
                "night", "morning", "afternoon", "evening", "eoy", "eom", "eow", "eod", "fortnight")


@lru_cache(maxsize=1)
def anchor_regex() -> re.Pattern:
    """A digit run or a calendar word: what every date holds."""
    w = words()
    vocab = set(w["month"]) | set(w["weekday"]) | set(w["unit"]) | set(ANCHOR_WORDS)
    return re.compile(rf"\d+|\b(?:{alternation(vocab)})\b", re.IGNORECASE)


def stretches(text: str) -> list[tuple[int, int]]:
    """The stretches of text around digits and calendar words, merged when close (one search each)."""
    out: list[list[int]] = []
    for m in anchor_regex().finditer(text):
        start, end = max(0, m.start() - REACH_BEFORE), min(len(text), m.end() + REACH_AFTER)
        if out and start <= out[-1][1] + MERGE_GAP:
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def candidates(text: str) -> list[tuple[int, int, str, dict]]:
    """Non-overlapping grammar matches (start, end, rule, groups): longest first, then grammar order."""
    found = []
    parts = stretches(text)
    for order, (rule, _, pattern) in enumerate(grammar()):
        for lo, hi in parts:
            for m in pattern.finditer(text, lo, hi):
                start, end = m.span("span") if "span" in pattern.groupindex else m.span()
                if end > start:
                    found.append((start, end, order, rule, m.groupdict()))
    chosen: list[tuple[int, int, str, dict]] = []
    for start, end, _, rule, groups in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, rule, groups))
    return sorted(chosen)


RANGE_GAP = re.compile(r"\s*(?:-|–|—|~|to|till|until|through|thru|(?P<and>and))\s*", re.IGNORECASE)
RANGE_OPEN = re.compile(r"(?:\b(?P<word>from|between)\s+)$", re.IGNORECASE)


def _joined(text: str, a: tuple, b: tuple) -> Optional[DateValue]:
    """'from March 3 to April 2, 2024', '10/1/2018 - 10/7/2018': two dates joined into one period, else None."""
    (a_start, a_end, va), (b_start, _, vb) = a, b
    gap = RANGE_GAP.fullmatch(text, a_end, b_start)
    if not gap or va.type != "date" or vb.type != "date" or not va.start or not vb.start:
        return None
    opener = RANGE_OPEN.search(text[max(0, a_start - 10):a_start])
    if gap.group("and") and not (opener and opener.group("word").lower() == "between"):
        return None
    if not opener and not (va.granularity == vb.granularity == "day") and not _explicit_bounds(va, vb):
        return None
    first = va.start
    if va.relative and not vb.relative and first.year != vb.start.year:  # 'Nov 18 to Dec 19, 2015'
        first = _with_year(first, vb.end.year) or first
        if first > vb.end:
            first = _with_year(first, vb.end.year - 1) or first
    if first >= vb.end:
        return None
    return DateValue("date", first, vb.end, "range", va.relative and vb.relative, True)


def _explicit_bounds(a: DateValue, b: DateValue) -> bool:
    """Two months or years written out in full ('December 2020 to November 2021', '2014 through May 2018')."""
    return not a.relative and not b.relative and {a.granularity, b.granularity} <= {"month", "year"}


def _with_year(d: date, year: int) -> Optional[date]:
    try:
        return d.replace(year=year)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def fiscal_years() -> dict[str, tuple[str, str]]:
    """ISO3 -> (start month, named_by) from models/lexicons/fiscal_years.csv."""
    return {r["iso3"]: (r["start_month"], r["named_by"]) for r in read_csv("lexicons/fiscal_years.csv", ("iso3", "start_month", "named_by"))}


Owner = Callable[[int], Optional[str]]


def _resolved(text: str, reference: Optional[date], blocked: tuple, country: Optional[str] = None,
              owner: Optional[Owner] = None) -> list[tuple[int, int, DateValue]]:
    """Every grammar match resolved, in text order ('the same period last year' sees the period before it)."""
    out, previous = [], None
    for start, end, rule, groups in candidates(text):
        if any(start < e and s < end for s, e in blocked):
            continue
        fiscal = fiscal_years().get((owner(start) if owner else None) or country or "")
        if fiscal and (groups.get("fiscal") or (rule == "year_range" and fiscal[0] != "1")):
            groups = dict(groups, _fiscal_start=fiscal[0], _fiscal_named_by=fiscal[1])
        value = resolve(rule, groups, reference, previous)
        if value is None:
            continue
        if value.type == "date" and value.granularity in ("range", "quarter", "half", "month") and value.start:
            previous = value
        out.append((start, end, value))
    return out


def find_dates(text: str, reference: Optional[date], *, blocked: tuple = (), country: Optional[str] = None,
               owner: Optional[Owner] = None) -> Iterator[tuple[int, int, DateValue]]:
    """(start, end, DateValue) of every date, period and duration; `blocked` spans (money, percent) are skipped;
    `country` (the article's) decides what its fiscal years are, unless `owner` names the country whose fiscal
    year a match at a given offset is."""
    found = _resolved(text, reference, blocked, country, owner)
    i = 0
    while i < len(found):
        joined = _joined(text, found[i], found[i + 1]) if i + 1 < len(found) else None
        if joined is not None:
            yield found[i][0], found[i + 1][1], joined
            i += 2
            continue
        yield found[i]
        i += 1


@Language.factory("news_dates")
class DateFinder:
    """Puts dates, periods and durations in doc.spans['dates'] with a DateValue."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        grammar()

    def __call__(self, doc: Doc) -> Doc:
        blocked = tuple((s.start_char, s.end_char) for g in (ext.AMOUNTS, ext.PERCENTAGES) if g in doc.spans
                        for s in doc.spans[g])
        home = dateline_country(text_of(doc)) or doc._.doc_country  # whose fiscal year: where the story was filed
        found = find_dates(text_of(doc), doc._.reference_date, blocked=blocked, country=home, owner=fiscal_owner(doc))
        add_spans(doc, ext.DATES, list(found))
        return doc


ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


def fiscal_owner(doc: Doc) -> Owner:
    """Whose fiscal year a date at a character offset is: a country with a fiscal year of its own that acts in the
    sentence ('Pakistan exported … in fiscal year 2021-22' is Pakistan's, whatever the dateline), else None."""
    table = fiscal_years()
    actors = [(e.start_char, e._.country) for e in doc.ents
              if e._.country in table and (e.root.dep_ in ACTOR_DEPS or e.root.head.dep_ in ACTOR_DEPS and e.root.dep_ == "compound")]
    if not actors:
        return lambda at: None
    bounds = [(s.start_char, s.end_char) for s in doc.sents]

    def owner(at: int) -> Optional[str]:
        sentence = next(((a, b) for a, b in bounds if a <= at < b), None)
        return next((c for pos, c in actors if sentence and sentence[0] <= pos < sentence[1]), None)
    return owner

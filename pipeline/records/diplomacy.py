"""Diplomacy events: trigger patterns (models/patterns/diplomacy.jsonl) + actors, participants, place and date."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.nlp import extensions as ext
from pipeline.nlp import gazetteer
from pipeline.records.clauses import drop_restated_headlines, person_names
from pipeline.records.diplomacy_actors import coordinated_sides, event_pair
from pipeline.records.diplomacy_dates import event_date, main_event_date
from pipeline.nlp.furniture import in_furniture
from pipeline.nlp.doc_index import drop, mention_id, text_of
from pipeline.records.clauses import sent_ents
from pipeline.nlp.resources import ResourceError, read_jsonl
from pipeline.nlp.annotations import DiplomacyEvent

PATTERNS = "patterns/diplomacy.jsonl"
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|off)|\b(?:visit(?:ed|s|ing)?|trip|travel(?:led|ed)?|arrived|flew)\s+(?:\w+\s+)?to)\s+(?:the\s+)?$",
                          re.I)
PRONOUN_SUBJECT = re.compile(r"^\s*(?:[A-Z][^,]{0,40},\s*)?(?:He|She)\b")
EVENT_DAY_GRANULARITY = ("day", "week")
SEVERAL_SIDES = ("meeting", "visit")  # 'held talks with the ministers of Morocco, Tunisia and Comoros': one meeting each
UPGRADE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?[\"“‘']?(?P<old>[\w -]*?partnership)[\"”’']?\s+to\s+(?:an?\s+|the\s+)?[\"“‘']?(?P<new>[\w -]*?partnership)", re.I)
UPGRADE_TO = re.compile(r"\bto\s+(?:the\s+level\s+of\s+|an?\s+|the\s+)?[\"“‘']?(?P<new>(?:(?!to\b)[\w-]+\s+){0,5}?partnership)", re.I)


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(event_type, cameo, compiled trigger) in file order."""
    out = []
    for row in read_jsonl(PATTERNS, ("label", "id", "pattern")):
        try:
            out.append((row["label"], row["id"], re.compile(row["pattern"], re.I)))
        except re.error as exc:
            raise ResourceError(f"{PATTERNS}: {row['label']}: {exc}") from None
    return tuple(out)


def location_of(doc: Doc, sent: Span, default: str) -> str:
    """'in Kumamoto', 'at the JETRO Headquarters in Osaka', 'a visit to Vientiane': where the event is; a city or
    venue before a country ('during a visit to Cambodia ... in Kampong Cham' -> Kampong Cham)."""
    places = [e for e in sent_ents(doc, sent) if e.label_ in ("GPE", "FAC", "LOC") and not _modifier(e)
              and PLACE_BEFORE.search(text_of(doc)[max(0, e.start_char - 24):e.start_char])]
    places.sort(key=lambda e: bool(e._.country))
    return re.sub(r"^the\s+", "", places[0]._.canonical or places[0].text) if places else default


def _modifier(ent: Span) -> bool:
    """'in the Myanmar issue': a place name used as a noun modifier is not where something happened."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return bool(nxt is not None and nxt.pos_ == "NOUN" and ent.root.dep_ in ("compound", "amod", "nmod")
                and nxt.lower_ not in gazetteer.place_nouns())


def upgrade_detail(text: str) -> str:
    """'strategic partnership -> comprehensive strategic partnership' from the upgrade sentence."""
    m = UPGRADE.search(text)
    if m:
        return f"{m.group('old').strip().lower()} -> {m.group('new').strip().lower()}"
    m = UPGRADE_TO.search(text)
    return f"-> {m.group('new').strip().lower()}" if m else ""


class Tracker:
    """What carries across sentences: the last persons named (for 'He thanked ...'), place, event date."""

    def __init__(self, doc: Doc):
        self.people: list[str] = []
        self.date = main_event_date(doc)
        self.last = None  # the last date an event sentence stated (for an article with no event day)
        self.place = ""

    def default_date(self):
        return self.date or self.last

    def participants(self, sent: Span) -> list[str]:
        names = person_names(sent)
        if PRONOUN_SUBJECT.match(sent.text) and self.people:
            names = [self.people[-1]] + [n for n in names if n != self.people[-1]]
        self.people += [n for n in person_names(sent) if n not in self.people[-1:]]
        return names


def _trigger_root(doc: Doc, sent: Span, m: re.Match) -> Optional[Token]:
    """The token that heads a trigger's words in the parse."""
    span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def sentence_events(doc: Doc, sent: Span, sid: int, tracker: Tracker) -> list[DiplomacyEvent]:
    """Every event a sentence reports, one per event type."""
    names = tracker.participants(sent)
    tracker.place = location_of(doc, sent, tracker.place)
    found, events, text = set(), [], sent.text
    for event_type, cameo, pattern in patterns():
        m = pattern.search(text)
        if not m or event_type in found:
            continue
        trigger = _trigger_root(doc, sent, m)
        pair = event_pair(doc, sent, visit=event_type == "visit", trigger=trigger)
        if pair is None:
            continue
        found.add(event_type)
        when = event_date(doc, sent, trigger, tracker.default_date())
        tracker.last = when if tracker.date is None and when is not None else tracker.last
        pairs = coordinated_sides(doc, sent, pair) if event_type in SEVERAL_SIDES else [pair]
        events += [DiplomacyEvent(
            sentence_id=sid, evidence=text.strip(),
            event_type=event_type, cameo=cameo, actor1=a, actor2=b, participants=tuple(names),
            location=tracker.place, date_start=when[0].start if when else None, date_end=when[0].end if when else None,
            detail=upgrade_detail(text) if event_type == "relationship_upgrade" else "", trigger=m.group(0),
            date_id=mention_id(doc, ext.DATES, when[1]) if when else "") for a, b in pairs]
    return events


def _completes(events: list[DiplomacyEvent], event: DiplomacyEvent) -> bool:
    """'They signed an MoU on Thursday. The MoU was signed by A and B in Bangkok.': the next sentence names who signed
    the agreement just reported, and where; it fills that event in instead of counting twice."""
    if not events or not event.participants:
        return False
    last = events[-1]
    same = (last.event_type == event.event_type == "agreement" and {last.actor1, last.actor2} == {event.actor1, event.actor2}
            and last.date_start == event.date_start and not last.participants and event.sentence_id - last.sentence_id <= 2)
    if same:
        events[-1] = replace(last, participants=event.participants, location=event.location or last.location)
    return same


@Language.factory("news_diplomacy")
class DiplomacyEventFinder:
    """Sets doc._.events from the article body, one event per type and sentence, repeats of the same event merged."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        patterns()

    def __call__(self, doc: Doc) -> Doc:
        tracker, events, seen = Tracker(doc), [], set()
        for sid, sent in enumerate(doc.sents):
            if in_furniture(doc, sent.start_char):
                break
            for event in sentence_events(doc, sent, sid, tracker):
                key = (event.event_type, frozenset((event.actor1, event.actor2)), event.date_start, event.participants[:1])
                if key in seen:
                    continue
                seen.add(key)
                if not _completes(events, event):
                    events.append(event)
        doc._.events = drop_restated_headlines(doc, events, lambda e: (e.event_type, frozenset((e.actor1, e.actor2))))
        drop(doc)  # the lookup index holds spans: keep doc.user_data serialisable
        return doc

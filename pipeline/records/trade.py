"""Trade records: flows (export, import, bilateral, investment, aid) with value, growth, share, rank, period, source."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import extensions as ext
from pipeline.nlp import gazetteer
from pipeline.records.clauses import (CountryMention, countries_in, drop_restated_headlines, group, other_country, sentence_period,
                      sentence_source)
from pipeline.nlp.furniture import in_furniture
from pipeline.values.fx import to_usd
from pipeline.records.hs_codes import hs_code, normalise_commodity
from pipeline.nlp.doc_index import mention_id, text_of
from pipeline.values.numbers import alternation
from pipeline.nlp.resources import read_csv
from pipeline.nlp.annotations import TradeRecord

LIST_MARKER = re.compile(r"\b(?:including|of which|with|such as|led by|mainly|comprising|notably)\b", re.I)
CONTINUATION = re.compile(r"^\s*(?:(?:In|By|During|For)\b[^,]{0,40},\s*)?(?:it|the figure|this|that|the value|the total)\s+"
                          r"(?:reached|rose|hit|stood|totall?ed|amounted|was|grew|fell|increased|decreased|jumped)\b", re.I)
RANK = re.compile(r"\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|top|largest|biggest)"
                  r"(?:[- ](?:biggest|largest|top))?\s+(?P<what>(?:export|import|trading|trade)\s+(?:destination|market|partner|source)"
                  r"|(?:foreign\s+)?investor|(?:ODA|aid|development)\s+(?:provider|donor|partner)|donor"
                  r"|source\s+of\s+(?:foreign\s+(?:direct\s+)?)?investment|source\s+of\s+(?:FDI|ODA|official development assistance|aid))", re.I)
RANK_FLOWS = {"export": ("export", "bilateral"), "import": ("import", "bilateral"), "trading": ("bilateral", "export", "import"),
              "trade": ("bilateral", "export", "import"), "investor": ("investment",), "foreign": ("investment",),
              "oda": ("aid",), "aid": ("aid",), "development": ("aid",), "donor": ("aid",), "source": ("investment", "aid")}
TARGET_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:target|goal|mark|threshold|milestone)s?\b", re.I)
ORDINALS = {w: i for i, w in enumerate(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1)}
SHARE_BEFORE = re.compile(r"\b(?:accounting for|accounted for|accounts for|account for|share of|making up|made up|makes up|represent(?:ing|ed|s)?)\b[^.;]{0,25}$", re.I)
SHARE_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:market|total|all|its|overall|financing|global)|(?:of\s+the\s+)?market share|share)\b", re.I)
NOT_GOODS = re.compile(r"^(?:a|an|the|its|their|this|that)\b|\b(?:total|capital|growth|annual|value|share|rate|increase|figure|year|period)\b", re.I)
JOINER = re.compile(r"(?:to|at|of|by|from|reaching|reached|worth|valued at|totall?ing|and)?", re.I)
VERB_TRIGGER = re.compile(r"exported|imported|shipped", re.I)
COPULA = re.compile(r"^\s*(?:is|was|remains|remained|became|has become|has been|stays|stayed)\s+(?:now\s+|still\s+|also\s+|again\s+)?$", re.I)
WORLD = re.compile(r"\b(?:total|overall|global|worldwide)\s+(?:\w+\s+){0,3}$", re.I)


@lru_cache(maxsize=1)
def triggers() -> tuple[re.Pattern, dict[str, str]]:
    """The trigger regex and phrase -> flow table."""
    table = {r["phrase"].lower(): r["flow"] for r in read_csv("lexicons/trade_triggers.csv", ("phrase", "flow"))}
    return re.compile(rf"\b(?:{alternation(table)})\b", re.I), table


@lru_cache(maxsize=1)
def change_words() -> dict[str, int]:
    return {r["word"]: int(r["sign"]) for r in read_csv("lexicons/change_words.csv", ("word", "sign"))}


@lru_cache(maxsize=1)
def exclusion_regex() -> re.Pattern:
    """Words right before a money figure that make it a target, forecast, cost or company figure."""
    phrases = [r["phrase"] for r in read_csv("lexicons/record_exclusions.csv", ("phrase", "reason")) if r["reason"] != "intent"]
    return re.compile(rf"\b(?:{alternation(phrases)})\s+(?:(?:of|at|about|around|nearly|some|over|more than|the|a|an)\s+)*$", re.I)


@lru_cache(maxsize=1)
def intent_regex() -> re.Pattern:
    """A plan or aim earlier in the clause, then 'to' right before the figure: 'aims to lift exports ... to $40 billion'."""
    words = [r["phrase"] for r in read_csv("lexicons/record_exclusions.csv", ("phrase", "reason")) if r["reason"] == "intent"]
    return re.compile(rf"\b(?:{alternation(words)})\b[^.;:]*\b(?:to|exceed|reach|top|surpass|hit|cross)\s+"
                      r"(?:about\s+|around\s+|nearly\s+|over\s+|more than\s+|at least\s+)?$", re.I)


FUTURE_YEAR_AFTER = re.compile(r"^\s*(?:by|in|before)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)


def excluded(doc: Doc, span: Span) -> bool:
    """A target, forecast, cost or company figure rather than a reported flow ('by 2025' after a later year, too)."""
    text = text_of(doc)
    if exclusion_regex().search(text[max(0, span.start_char - 40):span.start_char]) or TARGET_AFTER.match(text[span.end_char:span.end_char + 30]):
        return True
    clause_start = max(span.sent.start_char, span.start_char - 160)
    if intent_regex().search(text[clause_start:span.start_char]):
        return True
    later = FUTURE_YEAR_AFTER.match(text[span.end_char:span.end_char + 30])
    ref = doc._.reference_date
    return bool(later and ref and int(later.group("year")) > ref.year)


def change_sign(before: str) -> Optional[int]:
    """Sign of the last change word in the text before a percentage ('rose by' -> +1, 'down' -> -1)."""
    words = re.findall(r"[a-z]+", before.lower())[-6:]
    signs = [change_words()[w] for w in words if w in change_words()]
    return signs[-1] if signs else None


def percent_role(doc: Doc, span: Span) -> tuple[str, int]:
    """('share', 1), ('change', sign) or ('', 0) for a percentage in a trade sentence."""
    before, after = text_of(doc)[max(0, span.start_char - 45):span.start_char], text_of(doc)[span.end_char:span.end_char + 30]
    if SHARE_BEFORE.search(before) or SHARE_AFTER.match(after):
        return "share", 1
    sign = change_sign(before[-35:])
    return ("change", sign) if sign else ("", 0)


@dataclass
class Figures:
    """The money amount, growth and share found for one flow or commodity."""

    amount: Optional[Span] = None
    change: Optional[float] = None
    change_span: Optional[Span] = None
    share: Optional[float] = None
    share_span: Optional[Span] = None

    def empty(self) -> bool:
        return self.amount is None and self.change is None and self.share is None


def collect(doc: Doc, amounts: list[Span], pcts: list[Span], *, list_item: bool = False) -> Figures:
    """Pick the flow's figures: the amount reached ('to $X' first), growth and share percentages."""
    figs = Figures()
    usable = [a for a in amounts if not excluded(doc, a) and not re.search(r"\bfrom\s+$", text_of(doc)[max(0, a.start_char - 6):a.start_char])]
    reached = [a for a in usable if re.search(r"\b(?:to|at|of|reached|reaching|hit|totall?ing|worth|valued at)\s+(?:about\s+|around\s+|nearly\s+|over\s+|more than\s+)?$",
                                               text_of(doc)[max(0, a.start_char - 20):a.start_char])]
    figs.amount = (reached or usable or [None])[0]
    for p in pcts:
        role, sign = percent_role(doc, p)
        if list_item and not role:
            role, sign = "change", 1
        if role == "change" and figs.change is None:
            figs.change, figs.change_span = sign * abs(p._.value.value), p
        elif role == "share" and figs.share is None:
            figs.share, figs.share_span = p._.value.value, p
    return figs


@dataclass
class Context:
    """What carries from one sentence to the next: the last flow, its parties, period and source."""

    flow: str = ""
    reporter: str = ""
    partner: str = ""
    period: Optional[tuple] = None
    source: str = ""
    direction: tuple = ()  # (reporter, partner) of the last export or import flow
    day: Optional[tuple] = None  # the last day-level date (an aid pledge's date when no period is given)
    loose: Optional[tuple] = None  # ((period, span), sentence id) of a period named in a sentence without figures


def _first(mentions: list[CountryMention], roles: tuple[str, ...], exclude: str = "") -> str:
    return next((m.code for m in mentions if m.role in roles and m.code != exclude), "")


def parties(doc: Doc, flow: str, mentions: list[CountryMention], trigger_start: int, ctx: Context) -> tuple[str, str]:
    """(reporter, partner) of a flow from the roles of the countries around its trigger, the rest carried."""
    before = [m for m in mentions if m.start < trigger_start]
    norp = next((m.code for m in before[::-1] if m.label == "NORP"), "")
    if flow == "bilateral" and _with_bloc(doc, trigger_start):
        return "", ""  # 'trade between China and ASEAN': a side with no country code
    if flow == "bilateral":
        codes = list(dict.fromkeys(m.code for m in mentions))
        if len(codes) == 1 and WORLD.search(text_of(doc)[max(0, trigger_start - 40):trigger_start]):
            return codes[0], "WLD"  # 'Thailand's total border and transit trade'

        pair = codes[:2] if len(codes) >= 2 else codes + [c for c in (ctx.reporter, ctx.partner) if c and c not in codes and c != "WLD"]
        reporter = pair[0] if pair else (doc._.doc_country or "")
        partner = pair[1] if len(pair) > 1 else other_country(doc, reporter) or ""
        return reporter, partner
    if flow in ("export", "import") and VERB_TRIGGER.fullmatch(_trigger_at(doc, trigger_start)):
        subject = next((m.code for m in before[::-1] if m.role == ""), "")  # 'Laos exported electricity worth …'
        if subject:
            partner = _first(mentions, ("to",) if flow == "export" else ("from",), subject)
            return subject, partner or "WLD"
    if flow == "export":
        reporter = _first(mentions, ("poss", "from", "of")) or norp
        partner = _first(mentions, ("to",), reporter) or next((m.code for m in before if m.role == "" and m.code != reporter), "")
    elif flow == "import":
        reporter = _first(mentions, ("poss",)) or norp
        partner = _first(mentions, ("from",), reporter)
    elif flow == "investment":
        reporter = norp or _first(mentions, ("poss", "from"))
        partner = _first(mentions, ("in", "to", "into"), reporter)
    else:  # aid
        reporter = _first(before, ("", "poss")) or norp
        partner = _first(mentions, ("to", "for", "help", "in"), reporter)
    if flow in ("export", "import") and not reporter and ctx.direction and ctx.direction[1] != reporter:
        reporter, partner = ctx.direction[0], partner or ctx.direction[1]
    if WORLD.search(text_of(doc)[max(0, trigger_start - 20):trigger_start]) and not partner:
        partner = "WLD"
    reporter = reporter or (ctx.reporter if ctx.reporter and ctx.reporter != partner else "") or other_country(doc, partner) or ""
    partner = partner or (ctx.partner if ctx.partner and ctx.partner != reporter else "") or other_country(doc, reporter) or ""
    return reporter, partner


def _segment_mentions(doc: Doc, mentions: list[CountryMention], trigger: int, end: int, *, first: bool) -> list[CountryMention]:
    """The countries of one flow in a sentence with several: those after its trigger up to the next, and before it
    either anything (the first flow) or only its own modifiers ('…, while Thailand's imports from Japan')."""
    out = []
    for m in mentions:
        if trigger <= m.start < end:
            out.append(m)
        elif m.end <= trigger and (first or re.fullmatch(r"(?:['’]s?)?\s*(?:[\w-]+\s+){0,3}", text_of(doc)[m.end:trigger])):
            out.append(m)
    return out


def _is_partners(doc: Doc, before: list[CountryMention]) -> Optional[tuple[str, str]]:
    """'Japan is Vietnam's third largest investor': the subject invests in (or gives to) the possessor."""
    for a, b in zip(before, before[1:]):
        if a.role == "" and b.role == "poss" and a.code != b.code and COPULA.match(text_of(doc)[a.end:b.start]):
            return a.code, b.code
    return None


@lru_cache(maxsize=1)
def bloc_regex() -> re.Pattern:
    names = [r["name"] for r in read_csv("lexicons/blocs.csv", ("name",))]
    return re.compile(rf"\b(?:between|with|and)\s+(?:the\s+)?(?:{alternation(names)})\b")


def _with_bloc(doc: Doc, trigger_start: int) -> bool:
    """Whether a bilateral flow's other side is a regional grouping ('between China and the Association of ...')."""
    return bool(bloc_regex().search(text_of(doc), trigger_start, trigger_start + 80))


def rank_of(text: str, flow: str = "") -> Optional[int]:
    """4 for 'fourth biggest export destination' (only a rank whose noun fits the flow, when one is given)."""
    m = next((m for m in RANK.finditer(text) if not flow or flow in RANK_FLOWS.get(m.group("what").split()[0].lower(), ())), None)
    if not m:
        return None
    word = m.group("ord").lower()
    return ORDINALS.get(word) or (1 if word in ("top", "largest", "biggest") else int(re.sub(r"\D", "", word)))


def _items(doc: Doc, start: int, end: int, amounts: list[Span], pcts: list[Span]) -> list[tuple[str, list[Span], list[Span]]]:
    """Commodity list after a marker: (name, its amounts, its percentages); a figure with no name before it joins the last item."""
    figs = sorted([s for s in amounts + pcts if start <= s.start_char < end], key=lambda s: s.start_char)
    items: list[tuple[str, list, list]] = []
    cursor = start
    for f in figs:
        gap = text_of(doc)[cursor:f.start_char]
        name = re.sub(r"^[\s,;]*(?:and\s+)?", "", gap)
        name = re.sub(r"(?:\s*\b(?:" + "|".join(change_words()) + r")\b(?:\s+by)?)+\s*[,;]?\s*$", "", name, flags=re.I).strip(" ,;")
        if JOINER.fullmatch(name):
            name = ""
        if name and (re.search(r"\d", name) or len(name.split()) > 6 or NOT_GOODS.search(name)):
            break
        if name:
            items.append((normalise_commodity(name), [], []))
        if items:
            (items[-1][1] if f in amounts else items[-1][2]).append(f)
        cursor = f.end_char
    return [i for i in items if i[0]]


OBJECT_GOODS = re.compile(r"^\s+(?:of\s+)?(?:[\d.,]+\s+(?:million\s+|thousand\s+|billion\s+)?(?:metric\s+)?(?:tonnes|tons|units|barrels|cubic metres|head|pieces)\s+of\s+)?"
                          r"(?P<goods>[a-z][a-z -]{2,40}?)\s+(?:worth|valued|from|to|totall?ing|at|with|in|for|amounting|jumped|rose|fell)\b")


def object_commodity(doc: Doc, trigger_end: int) -> str:
    """'imported 3.1 million tonnes of rice worth $1.8 billion', 'exported rubber worth …': goods after the verb."""
    m = OBJECT_GOODS.match(text_of(doc)[trigger_end:trigger_end + 80])
    if not m:
        return ""
    name = normalise_commodity(m.group("goods"))
    return name if hs_code(name) is not None else ""


def subject_commodity(doc: Doc, trigger_start: int) -> str:
    """'Durian exports', 'Vietnam's rice exports', 'rubber shipments': goods named right before the trigger word."""
    head = next((t for t in doc.char_span(trigger_start, trigger_start + 1, alignment_mode="expand") or []), None)
    if head is None:
        return ""
    words, i = [], head.i - 1
    while i >= max(0, head.i - 4) and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and not gazetteer.entry(doc[i].text) \
            and doc[i].ent_type_ not in ("GPE", "ORG") and doc[i].is_alpha and doc[i].sent == head.sent:
        words.insert(0, doc[i].text)
        i -= 1
    for k in range(len(words)):  # the longest known name ending right before the trigger
        name = normalise_commodity(" ".join(words[k:]))
        if name and hs_code(name) is not None:
            return name
    return ""


def _trigger_at(doc: Doc, start: int) -> str:
    m = triggers()[0].match(text_of(doc), start)
    return m.group(0) if m else ""


def _is_list(doc: Doc, seg_start: int, marker: re.Match, end: int, amounts: list[Span], pcts: list[Span]) -> bool:
    """A commodity list with figures of its own; 'mainly machinery, grew 3% to $35bn' describes the total instead."""
    items = _items(doc, marker.end(), end, amounts, pcts)
    if len(items) >= 2:
        return True
    total_has_figures = any(seg_start <= f.start_char < marker.start() for f in amounts + pcts)
    return bool(items) and total_has_figures


def _record(doc: Doc, sent: Span, sid: int, flow: str, who: tuple[str, str], figs: Figures, ctx: Context,
            commodity: str = "", rank: Optional[int] = None) -> Optional[TradeRecord]:
    reporter, partner = who
    if figs.empty() or not reporter or not partner or reporter == partner:
        return None
    carried = ctx.period or (ctx.day if flow == "aid" else None)  # aid: the day it was pledged or signed
    period, period_span = carried if carried else (None, None)
    amount = figs.amount._.value if figs.amount is not None else None
    on = (period.end if period and period.end else doc._.reference_date)
    return TradeRecord(
        sentence_id=sid, evidence=sent.text.strip(), reporter=reporter, partner=partner, flow=flow,
        commodity=commodity, hs_code=(hs_code(commodity) or "") if commodity else "",
        value=amount.value if amount else None, currency=(amount.currency or "") if amount else "",
        value_usd=to_usd(amount.value, amount.currency, on) if amount else None, qualifier=amount.qualifier if amount else "",
        period_start=period.start if period else None, period_end=period.end if period else None,
        change_pct=figs.change, share_pct=figs.share, rank=rank, source=ctx.source,
        amount_id=mention_id(doc, ext.AMOUNTS, figs.amount) if figs.amount is not None else "",
        pct_id=mention_id(doc, ext.PERCENTAGES, figs.change_span or figs.share_span) if (figs.change_span or figs.share_span) else "",
        date_id=mention_id(doc, ext.DATES, period_span) if period_span is not None else "")


def sentence_records(doc: Doc, sent: Span, sid: int, ctx: Context) -> list[TradeRecord]:
    """Every trade record of one sentence (the flow total and one per listed commodity); updates the context."""
    pattern, table = triggers()
    hits = [(m.start() + sent.start_char, table[m.group(0).lower()]) for m in pattern.finditer(sent.text)]
    if not hits and ctx.flow and CONTINUATION.match(sent.text):
        hits = [(sent.start_char, ctx.flow)]
    found = sentence_period(doc, sent)
    if found and hits:
        ctx.period, ctx.loose = found, None
    elif found and found[0].granularity != "day":  # 'In the January-July period, ...' then the figures: next sentence only
        ctx.loose = (found, sid)
    if found and found[0].granularity == "day":
        ctx.day = found
    if ctx.loose and ctx.loose[1] == sid - 1 and hits and not found:
        ctx.period, ctx.loose = ctx.loose[0], None
    if not hits:
        ctx.flow = ""
        return []
    ctx.source = sentence_source(doc, sent) or ctx.source
    amounts, pcts, mentions = group(doc, ext.AMOUNTS, sent), group(doc, ext.PERCENTAGES, sent), countries_in(doc, sent)
    records = []
    segments = _segments([(start, flow, subject_commodity(doc, start)) for start, flow in hits], sent.end_char)
    for flow, start, end, goods in segments:
        seg_start = sent.start_char if start == segments[0][1] else start
        marker = LIST_MARKER.search(text_of(doc), start, end)
        main_end = marker.start() if marker and _is_list(doc, seg_start, marker, end, amounts, pcts) else end
        figs = collect(doc, [a for a in amounts if seg_start <= a.start_char < main_end], [p for p in pcts if seg_start <= p.start_char < main_end])
        own = _segment_mentions(doc, mentions, start, end, first=seg_start == sent.start_char)
        who = parties(doc, flow, own, start, ctx) if not (start == sent.start_char and ctx.flow == flow and not mentions) else (ctx.reporter, ctx.partner)
        if flow in ("investment", "aid"):  # 'Japan is Vietnam's largest ODA provider and third largest investor, with …'
            who = _is_partners(doc, [m for m in mentions if m.start < start]) or who
        rank = rank_of(text_of(doc)[seg_start:main_end], flow) or rank_of(text_of(doc)[sent.start_char:seg_start], flow)
        goods = goods or object_commodity(doc, start + len(_trigger_at(doc, start)))
        records.append(_record(doc, sent, sid, flow, who, figs, ctx, commodity=goods, rank=rank))
        if main_end < end:
            for name, item_amounts, item_pcts in _items(doc, marker.end(), end, amounts, pcts):
                records.append(_record(doc, sent, sid, flow, who, collect(doc, item_amounts, item_pcts, list_item=True), ctx, commodity=name))
        ctx.flow, (ctx.reporter, ctx.partner) = flow, who
        if flow in ("export", "import") and all(who):
            ctx.direction = who
    return [r for r in records if r is not None]


def _segments(hits: list[tuple[int, str, str]], end: int) -> list[tuple[str, int, int, str]]:
    """Split a sentence at its triggers; neighbouring triggers of the same flow and goods share one segment
    ('Durian exports were worth $2.9bn, while rubber shipments fell' is two)."""
    merged: list[list] = []
    for start, flow, goods in hits:
        if merged and merged[-1][0] == flow and (not goods or goods == merged[-1][2]):
            continue
        merged.append([flow, start, goods])
    return [(flow, start, merged[i + 1][1] if i + 1 < len(merged) else end, goods) for i, (flow, start, goods) in enumerate(merged)]


def _key(r: TradeRecord) -> tuple:
    return (r.flow, r.reporter, r.partner, r.commodity, r.value, r.change_pct if r.value is None else None)


@Language.factory("news_trade")
class TradeRecordFinder:
    """Sets doc._.trade_records from the trade sentences of the article body."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        triggers(), change_words(), exclusion_regex()

    def __call__(self, doc: Doc) -> Doc:
        ctx, records = Context(), []
        for sid, sent in enumerate(doc.sents):
            if in_furniture(doc, sent.start_char):
                break
            records += sentence_records(doc, sent, sid, ctx)
        kept, seen = [], set()
        headline_key = lambda r: (r.flow, frozenset((r.reporter, r.partner)), r.commodity)  # noqa: E731
        for record in drop_restated_headlines(doc, records, headline_key):  # the same figure restated later is one record
            if _key(record) not in seen:
                seen.add(_key(record))
                kept.append(record)
        doc._.trade_records = kept
        return doc

"""Trade records: flows (export, import, bilateral, investment, aid) with value, growth, share, rank, period and
source, read sentence by sentence: each figure is tied to its flow through the parse (`linking`), the parties come
from the roles around the flow's trigger (`roles`, `parties`), lists give one record per named item (`items`), and
what an article has fixed (the pair, the flow of a list's header, the period) carries to the sentences after it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import extensions as ext
from pipeline.nlp.annotations import TradeRecord
from pipeline.nlp.doc_index import mention_id, text_of
from pipeline.nlp.furniture import in_furniture
from pipeline.records.clauses import countries_in, group, reanchored, sentence_period, sentence_periods, sentence_source
from pipeline.records.figure_roles import BASIS_RANK, basis, change_value, in_range, percent_role, usable_amount
from pipeline.records.goods import trigger_goods
from pipeline.records.hs_codes import hs_code, normalise_commodity
from pipeline.records.items import AFTER_FIGURE, after_marker, marker_ends, name_after, name_in
from pipeline.records.linking import assign
from pipeline.records.parties import Context, copula_partners, flow_parties, home_ranking, is_bloc
from pipeline.records.ranks import rank_of, rank_statement
from pipeline.records.roles import token_codes, trigger_roles
from pipeline.records.statements import finalise
from pipeline.records.triggers import Trigger, country_trades, find_triggers, trigger_table
from pipeline.records.volumes import attach_volumes
from pipeline.values.fx import to_usd

CONTINUATION = re.compile(r"^\s*(?:(?:In|By|During|For)\b[^,]{0,40},\s*)?(?:it|the figure|this|that|the value|the total)\s+"
                          r"(?:reached|rose|hit|stood|totall?ed|amounted|was|grew|fell|increased|decreased|jumped)\b", re.I)
LIST_LINE = re.compile(r"^\s*(?:[•·▪◦●○■□►▸‣∙*–—-]|\(?\d{1,2}[.)])\s+|^[^\n:]{2,60}:\s*\S")
LIST_LEAD = re.compile(r"^\s*(?:among (?:them|these|which)|of (?:these|which|this)|other (?:items|products|goods)|key (?:items|products)|"
                       r"major (?:items|products)|the (?:items|products|goods))\b", re.I)
COORDINATION = re.compile(r"^\s*(?:,|,?\s*and|,?\s*respectively,?)\s*$", re.I)
TO_NEXT = re.compile(r"^\s*,?\s*(?:[a-z]+\s+){0,2}?(?:to|at|reaching|hitting|crossing|touching|topping|totall?ing|worth)\s+"
                     r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+|some\s+)?$", re.I)


@dataclass
class Slot:
    """One figure of a flow and what belongs to it: its amount (or growth alone), growth, share and item name."""

    amount: Optional[Span] = None
    pcts: list[Span] = field(default_factory=list)
    name: Optional[tuple[str, str]] = None  # ('goods', text) | ('country', code)

    @property
    def anchor(self) -> Span:
        return self.amount if self.amount is not None else self.pcts[0]

    @property
    def end(self) -> int:
        return max([self.anchor.end_char] + [p.end_char for p in self.pcts])


def _role_pcts(doc: Doc, pcts: list[Span], list_like: bool) -> list[Span]:
    """Percentages that can belong to a flow: growth and shares (in a list, a bare one is the item's growth)."""
    return [p for p in pcts if not in_range(doc, p) and (
        percent_role(doc, p)[0] or (list_like and p._.value is not None and p._.value.unit == "percent"))]


def slots_of(doc: Doc, figures: list[Span], amounts: set[int], named: Optional[Callable[[int, int], bool]] = None) -> list[Slot]:
    """Group a flow's figures into slots: one per amount, each percentage with the amount it qualifies
    ('rose 8% to $3 billion' and '$3 billion, up 8%' alike), unless goods are named right before it ('…, with
    iron and steel up 20.8 per cent'); without amounts, one slot per percentage."""
    money = [f for f in figures if f.start_char in amounts]
    if not money:
        return [Slot(pcts=[p]) for p in figures]
    slots = [Slot(amount=a) for a in money]
    text = text_of(doc)
    for p in (f for f in figures if f.start_char not in amounts):
        before = sorted((s for s in slots if s.anchor.start_char < p.start_char), key=lambda s: s.anchor.start_char)
        after = [s for s in slots if s.amount is not None and s.amount.start_char > p.start_char]
        if before and named is not None and named(max(s.end for s in before), p.start_char):
            slots.append(Slot(pcts=[p]))
        elif not before or (after and (TO_NEXT.match(text[p.end_char:after[0].amount.start_char])
                                       or (_same_clause(p, after[0].amount) and not _same_clause(p, before[-1].anchor))
                                       or _same_verb(p, after[0].amount) and not _same_verb(p, before[-1].anchor))):
            (after or before)[0].pcts.append(p)
        else:
            before[-1].pcts.append(p)
    return sorted(slots, key=lambda s: s.anchor.start_char)


def name_slots(doc: Doc, slots: list[Slot], lead_end: int, codes: dict[int, str], stop: set[int], lead_is_list: bool) -> None:
    """Name each slot of a list from the words between it and the slot before ('…, machinery … with US$1.36
    billion'), or after its figure ('11.2 million USD on wood'); the first starts after the lead's marker. Once a
    list names its items after their figures, each later item is read the same way, and the words after one figure
    are not read again as the name of the next ('… 9.2 million USD on minerals, and 8.5 million USD on maize')."""
    text, left, after_style = text_of(doc), lead_end, False
    for i, slot in enumerate(slots):
        nxt = min([s.anchor.start_char for s in slots[i + 1:]] + [p.start_char for p in slot.pcts if p.start_char > slot.anchor.end_char]
                  + [slot.anchor.sent.end_char])
        start = after_marker(text, left, slot.anchor.start_char) if i == 0 and not lead_is_list else left
        if i == 0 and start == left and not lead_is_list:  # no marker: the flow's own total, unless named after it
            slot.name = name_after(doc, slot.anchor.end_char, nxt, codes, stop)  # 'spent 27.4 million USD to buy rubber'
            after_style = slot.name is not None
            left = _after_name(text, slot, nxt) if after_style else slot.end
            continue
        if after_style:
            slot.name = name_after(doc, slot.anchor.end_char, nxt, codes, stop)
            left = _after_name(text, slot, nxt) if slot.name else slot.end
            continue
        slot.name = name_in(doc, start, slot.anchor.start_char, codes, stop)
        if slot.name is None and i == 0 and not lead_is_list:  # 'items … are seafood with US$800 million'
            slot.name = next((n for n in (name_in(doc, e, slot.anchor.start_char, codes, stop)
                                          for e in marker_ends(text, left, slot.anchor.start_char)[1:]) if n), None)
        if slot.name is None or slot.name[0] == "country":  # 'The country spent 27.4 million USD to buy rubber …'
            after = name_after(doc, slot.anchor.end_char, nxt, codes, stop)
            if after is not None and (slot.name is None or after[0] == "goods"):
                slot.name, after_style = after, True
        left = _after_name(text, slot, nxt) if after_style else slot.end


RESPECTIVELY_AFTER = re.compile(r"^\s*,?\s*respectively\b", re.I)
SHARED_HEAD = re.compile(r"^(?P<head>.+?\b(?:from|of|made of|made from)\s+)(?P<rest>.+)$", re.I)


def _split_respectively(doc: Doc, slot: Slot) -> list[Slot]:
    """'products from plastic and rubber at 150% and 100%, respectively': one item per coordinated name, each
    with its own figure, the shared head distributed ('products from plastic', 'products from rubber')."""
    if slot.amount is not None or len(slot.pcts) < 2 or not slot.name or slot.name[0] != "goods":
        return [slot]
    runs = _coordinated(doc, slot.pcts)
    if len(runs) != 1 or not RESPECTIVELY_AFTER.match(text_of(doc)[runs[0][-1].end_char:runs[0][-1].end_char + 20]):
        return [slot]
    names = distribute(slot.name[1], len(runs[0]))
    if names is None:
        return [slot]
    return [Slot(pcts=[p], name=("goods", n)) for p, n in zip(runs[0], names)]


def _unnamed_respectively(doc: Doc, slots: list[Slot]) -> list[Slot]:
    """'… products from plastic and rubber at 150% and 100%, respectively' read as one slot a figure: the unnamed
    ones after a coordinated name take its parts in order."""
    text = text_of(doc)
    for i, slot in enumerate(slots):
        if not slot.name or slot.name[0] != "goods" or slot.amount is not None or len(slot.pcts) != 1:
            continue
        run = [slot]
        for nxt in slots[i + 1:]:
            if nxt.name or nxt.amount is not None or len(nxt.pcts) != 1 or not COORDINATION.match(text[run[-1].end:nxt.anchor.start_char]):
                break
            run.append(nxt)
        names = distribute(slot.name[1], len(run)) if len(run) > 1 and RESPECTIVELY_AFTER.match(text[run[-1].end:run[-1].end + 20]) else None
        for part, name in zip(run, names or []):
            part.name = ("goods", name)
    return slots


def distribute(name: str, n: int) -> Optional[list[str]]:
    """'products from plastic and rubber' (2) -> ['products from plastic', 'products from rubber']; None when the
    name does not hold n coordinated parts."""
    shared = SHARED_HEAD.match(name)
    head, rest = (shared.group("head"), shared.group("rest")) if shared else ("", name)
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", rest) if p.strip()]
    return [head + p for p in parts] if len(parts) == n else None


def _after_name(text: str, slot: Slot, limit: int) -> int:
    """Where the name written after a slot's figure ends (the slot's end when it cannot be found)."""
    if slot.name is None or slot.name[0] != "goods":
        return slot.end
    at = text.lower().find(slot.name[1].lower(), slot.anchor.end_char, max(limit, slot.end) + 200)
    return max(slot.end, at + len(slot.name[1])) if at >= 0 else slot.end


def _growth(doc: Doc, slot: Slot, list_like: bool, default_role: str = "change") -> tuple[Optional[float], Optional[Span], str, Optional[float], Optional[Span]]:
    """(change, its span, its basis, share, its span): of several growth figures the year-on-year one; a bare
    percentage in a list plays the part the list's first one plays ('… made up 65.1 percent of the total,
    exports of pearl … 28.5 percent')."""
    changes, share = [], None
    for p in slot.pcts:
        role, sign = percent_role(doc, p)
        if not role and list_like and p._.value is not None and p._.value.unit == "percent":
            role, sign = default_role, 1
        if role == "change":
            changes.append((BASIS_RANK[basis(doc, p)], p, sign))
        elif role == "share" and share is None:
            share = p
    best = min(changes, key=lambda c: c[0]) if changes else None
    change = (change_value(best[1], best[2]), best[1], basis(doc, best[1])) if best else (None, None, "")
    return (*change, share._.value.value if share is not None else None, share)


@dataclass
class Flow:
    """A trigger with its figures, as the sentence gives them."""

    trigger: Trigger
    figures: list[Span]
    kind: str = ""  # '' (its own trigger) | list (a list line or list sentence) | continuation ('It reached $2 billion')
    #              | whole (a share of a total: 'Electricity accounts for 30 percent of Laos' total exports')

    @property
    def pseudo(self) -> bool:
        return self.kind in ("list", "continuation")


def sentence_flows(doc: Doc, sent: Span, sid: int, triggers: list[Trigger], amounts: list[Span], pcts: list[Span],
                   ctx: Context) -> list[Flow]:
    """The flows of a sentence with their figures; a list line or list sentence with no trigger continues the
    context's flow ('• Rubber products: 95.4 billion (+31.38%)', 'Among them petrol … earned 11.6 million USD')."""
    if triggers:
        linked = _trailing_to_nearest(sent, assign(sorted(amounts + _role_pcts(doc, pcts, True), key=lambda s: s.start_char), triggers),
                                      {a.start_char for a in amounts})
        return _wholes_to_parts(_one_per_verb([Flow(triggers[n], figs) for n, figs in sorted(linked.items())]), triggers)
    if not ctx.flow or not (amounts or pcts):
        return []
    pseudo = Trigger(ctx.flow, sent.start_char, sent.start_char, sent.root, ())
    if CONTINUATION.match(sent.text):
        return [Flow(pseudo, sorted(amounts + _role_pcts(doc, pcts, False), key=lambda s: s.start_char), "continuation")]
    bulleted = ctx.bullet is not None and ctx.bullet == sid - 1
    if bulleted or LIST_LINE.match(sent.text) or LIST_LEAD.match(sent.text) or len(amounts) >= 2:
        return [Flow(pseudo, sorted(amounts + _role_pcts(doc, pcts, True), key=lambda s: s.start_char), "list")]
    return []


def _one_per_verb(flows: list[Flow]) -> list[Flow]:
    """Two triggers of one flow under one verb are one flow ('exports grew 48.6% with shipments for US$2,597.4
    million', 'steel exports with $803 million, carpet exports with $239 million'), unless coordinated with
    'respectively' (each then takes its own figures)."""
    out: list[Flow] = []
    respectively = bool(flows) and "respectively" in flows[0].trigger.head.sent.text.lower()
    for f in flows:
        verb = _verb_of_token(f.trigger.head)
        same = next((o for o in out if o.trigger.flow == f.trigger.flow and verb is not None and _verb_of_token(o.trigger.head) == verb
                     and not (respectively and "conj" in (f.trigger.head.dep_, o.trigger.head.dep_))), None)
        if same is None:
            out.append(f)
        else:
            same.figures = sorted(same.figures + f.figures, key=lambda s: s.start_char)
    return out


def _verb_of_token(tok):
    return next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def _trailing_to_nearest(sent: Span, linked: dict[int, list[Span]], amounts: set[int]) -> dict[int, list[Span]]:
    """A growth figure the parser hung on the sentence's root ('… while spending US$145 million on importing animal
    feed …, an increase of 29%') goes with the amount written right before it when that amount is another flow's."""
    owner = {f.start_char: n for n, figs in linked.items() for f in figs}
    money = sorted(a for a in owner if a in amounts)
    for n, figs in list(linked.items()):
        for fig in [f for f in figs if f.start_char not in amounts]:
            before = [a for a in money if a < fig.start_char]
            if not before or owner[before[-1]] == n or not _hung_on_root(fig, sent):
                continue
            linked[n].remove(fig)
            linked[owner[before[-1]]].append(fig)
            linked[owner[before[-1]]].sort(key=lambda f: f.start_char)
    return {n: figs for n, figs in linked.items() if figs}


def _hung_on_root(fig: Span, sent: Span) -> bool:
    """Whether nothing but nouns and prepositions lie between a figure and the sentence's root verb."""
    for tok in fig.root.ancestors:
        if tok == sent.root:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _wholes_to_parts(flows: list[Flow], triggers: list[Trigger]) -> list[Flow]:
    """A share linked to the whole it is a share of belongs to the sentence's flow ('imported rice worth $1.8
    billion …, accounting for 40.2 per cent of Viet Nam's total rice exports'); with no other flow, the share
    is the subject's part of that whole ('Electricity accounts for 30 percent of Laos' total exports')."""
    parts = [t for t in triggers if not t.denominator]
    out, by_trigger = [], {id(f.trigger): f for f in flows}
    for f in flows:
        if not f.trigger.denominator:
            continue
        part = next((t for t in reversed(parts) if t.start < f.trigger.start), parts[0] if parts else None)
        if part is None:
            f.kind = "whole"
            continue
        target = by_trigger.get(id(part))
        if target is None:
            target = by_trigger[id(part)] = Flow(part, [])
            flows.append(target)
        target.figures = sorted(target.figures + f.figures, key=lambda s: s.start_char)
    out = [f for f in flows if not f.trigger.denominator or f.kind == "whole"]
    return sorted(out, key=lambda f: f.trigger.start)


def _respectively(doc: Doc, sent: Span, flow: Flow, flows: list[Flow], triggers: list[Trigger]) -> Optional[list[tuple[Trigger, Slot]]]:
    """'exports to and imports from Japan amounted to $1.069 billion and $720.075 million, respectively': the
    coordinated triggers take the figures in order."""
    mates = [t for t in triggers if t is not flow.trigger and (t.head.head.i == flow.trigger.head.i and t.head.dep_ == "conj")]
    if not mates or "respectively" not in sent.text.lower():
        return None
    amounts = {a.start_char for a in group(doc, ext.AMOUNTS, sent)}
    slots = slots_of(doc, flow.figures, amounts)
    group_ = [flow.trigger] + mates
    money = [s for s in slots if s.amount is not None]
    if len(money) != len(group_):
        return None
    pcts = sorted((p for s in money for p in s.pcts), key=lambda p: p.start_char)
    for s in money:
        s.pcts = []
    for run in _coordinated(doc, pcts):  # 'up 6.81 per cent and 23.95 per cent': one each, in order
        if len(run) == len(money):
            for s, p in zip(money, run):
                s.pcts.append(p)
    return list(zip(group_, money))


def _coordinated(doc: Doc, pcts: list[Span]) -> list[list[Span]]:
    """Runs of percentages joined only by commas and 'and' ('6.81 per cent and 23.95 per cent'); a percentage
    outside a run of the right length is left to no flow rather than guessed."""
    text, runs = text_of(doc), []
    for p in pcts:
        if runs and COORDINATION.match(text[runs[-1][-1].end_char:p.start_char]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _record(doc: Doc, sent: Span, sid: int, flow: str, who: tuple[str, str], slot: Slot, ctx: Context, *,
            commodity: str = "", rank: Optional[int] = None, list_like: bool = False) -> Optional[TradeRecord]:
    reporter, partner = who
    change, change_span, change_basis, share, share_span = _growth(doc, slot, list_like, ctx.list_role)
    amount = slot.amount._.value if slot.amount is not None else None
    if (amount is None and change is None and share is None and rank is None) or not reporter or not partner or reporter == partner:
        return None
    carried = _own_period(slot, ctx) or ctx.period or (ctx.day if flow == "aid" else None)  # aid: the day it was pledged
    if flow == "investment" and not ctx.periods:  # a stock ('149 projects with a total capital of $2.9 billion'): no period
        carried = None
    period, period_span = carried if carried else (None, None)
    period = _year_to_date(period, period_span)
    on = period.end if period and period.end else doc._.reference_date
    usd, usd_source = _usd(amount, on)
    pct_span = change_span or share_span
    return TradeRecord(
        sentence_id=sid, evidence=sent.text.strip(), reporter=reporter, partner=partner, flow=flow,
        commodity=commodity, hs_code=(hs_code(commodity) or "") if commodity else "",
        value=amount.value if amount else None, currency=(amount.currency or "") if amount else "",
        value_usd=usd, qualifier=amount.qualifier if amount else "",
        period_start=period.start if period else None, period_end=period.end if period else None,
        change_pct=change, share_pct=share, rank=rank, source=ctx.source,
        amount_id=mention_id(doc, ext.AMOUNTS, slot.amount) if slot.amount is not None else "",
        pct_id=mention_id(doc, ext.PERCENTAGES, pct_span) if pct_span is not None else "",
        date_id=mention_id(doc, ext.DATES, period_span) if period_span is not None else "",
        usd_source=usd_source, change_basis=change_basis, partner_kind=partner_kind(partner))


def _own_period(slot: Slot, ctx: Context) -> Optional[tuple]:
    """Of several periods in the sentence, the one written nearest the figure ('rose from 20% a year between
    2015-2022 to US$10 billion last year' -> last year)."""
    if len(ctx.periods) < 2:
        return None
    anchor = slot.anchor
    longer = [p for p in ctx.periods if p[0].granularity != "day"] or ctx.periods
    clause = [p for p in longer if _same_clause(anchor, p[1])]  # 'in January … $382.22 million; in February …'
    if clause:
        before = [p for p in clause if p[1].end_char <= anchor.start_char]
        return before[-1] if before else clause[0]
    return min(longer, key=lambda p: (max(p[1].start_char - anchor.end_char, anchor.start_char - p[1].end_char, 0),
                                      p[1].start_char < anchor.start_char))


def _new_period(slot: Slot, ctx: Context, done: list[Optional[TradeRecord]]) -> bool:
    """Whether an unnamed figure of a list has a period of its own that no record of the list has yet."""
    own = _own_period(slot, ctx)
    return own is not None and all(r is None or (r.period_start, r.period_end) != (own[0].start, own[0].end) for r in done)


YEAR_END = re.compile(r"^(?:the\s+)?end\s+of\s+(?:the\s+year\s+)?(?:19|20)\d\d$", re.I)


def _year_to_date(period, span: Optional[Span]):
    """A total 'at the end of 2018' is the year's total, not its last months."""
    if period is None or span is None or not YEAR_END.match(span.text.strip()) or period.end is None:
        return period
    return replace(period, start=period.end.replace(month=1, day=1), end=period.end.replace(month=12, day=31), granularity="year")


def _verb_of(span: Span):
    return _verb_of_token(span.root)


def _same_verb(a: Span, b: Span) -> bool:
    """Whether two figures hang from the same verb ('… while exports grew 48.6% with shipments for US$2,597.4
    million')."""
    va = _verb_of(a)
    return va is not None and va == _verb_of(b)


def _same_clause(a: Span, b: Span) -> bool:
    """Whether two spans lie between the same semicolons of their sentence (a list of periods and figures)."""
    lo, hi = sorted((a, b), key=lambda s: s.start_char)
    return ";" not in text_of(a.doc)[lo.end_char:hi.start_char] and ";" in a.sent.text


def _usd(amount, on) -> tuple[Optional[float], str]:
    """The record's dollar value: the one the article states, else converted at the rate of its period."""
    if amount is None:
        return None, ""
    if amount.usd_source == "stated":
        return amount.value_usd, "stated"
    usd = to_usd(amount.value, amount.currency, on)
    return usd, "converted" if usd is not None else ""


def partner_kind(code: str) -> str:
    """country, bloc or world."""
    return "world" if code == "WLD" else "bloc" if is_bloc(code) else "country"


def _update_period(doc: Doc, sent: Span, sid: int, ctx: Context, has_flow: bool) -> None:
    """The period a sentence's figures refer to: its own, else one named alone in the sentence just before."""
    ctx.periods = sentence_periods(doc, sent) if has_flow else []
    if has_flow and not ctx.periods and ctx.period and ctx.period[0].end:
        ctx.periods = reanchored(doc, sent, ctx.period[0].end)
    found = next((p for p in ctx.periods if p[0].granularity != "day"), ctx.periods[0] if ctx.periods else None) \
        if has_flow else sentence_period(doc, sent)
    if found and has_flow:
        ctx.period, ctx.loose = found, None
    elif found and found[0].granularity != "day":  # 'In the January-July period, ...' then the figures: next sentence only
        ctx.loose = (found, sid)
    if found and found[0].granularity == "day":
        ctx.day = found
    if ctx.loose and ctx.loose[1] == sid - 1 and has_flow and not found:
        ctx.period, ctx.loose = ctx.loose[0], None


def _flow_records(doc: Doc, sent: Span, sid: int, flow: Flow, who: tuple[str, str], ctx: Context, codes: dict[int, str],
                  stop: set[int], amounts: set[int]) -> list[TradeRecord]:
    """The records of one flow: its total, and one per named item of a list."""
    trig = flow.trigger
    named = lambda a, b: not AFTER_FIGURE.match(text_of(doc)[a:b]) and bool(  # noqa: E731
        name_in(doc, after_marker(text_of(doc), a, b), b, codes, stop, goods_only=True))
    slots = slots_of(doc, flow.figures, amounts, named)
    if flow.kind == "whole":
        first = slots[0].anchor
        found = name_in(doc, sent.start_char, min(trig.start, first.start_char), codes, stop, goods_only=True)
        goods = normalise_commodity(found[1]) if found else ""
        return [r for r in (_record(doc, sent, sid, trig.flow, who, s, ctx, commodity=goods) for s in slots[:1]) if r]
    list_like = flow.kind == "list" or len(slots) >= 2
    if not list_like:
        rank = rank_of(sent.text, trig.flow) if "WLD" not in who else None
        return [r for r in [_record(doc, sent, sid, trig.flow, who, slots[0], ctx, commodity=trigger_goods(doc, trig, codes, stop), rank=rank)] if r]
    name_slots(doc, slots, sent.start_char if flow.pseudo else trig.end, codes, stop, flow.kind == "list")
    slots = _unnamed_respectively(doc, [part for slot in slots for part in _split_respectively(doc, slot)])
    out = []
    for i, slot in enumerate(slots):
        kind, name = slot.name or ("", "")
        if kind == "country" and name in who:  # '… impacted Pakistan's exports in April …': the flow's own side
            kind, name = "", ""
        if kind == "country":
            parties = (who[0], name) if trig.flow != "import" or who[0] else (name, who[1])
            out.append(_record(doc, sent, sid, trig.flow, parties, slot, ctx, list_like=True))
        elif kind == "goods":
            out.append(_record(doc, sent, sid, trig.flow, who, slot, ctx, commodity=normalise_commodity(name), list_like=True))
        elif i == 0 and not flow.pseudo and slot.amount is not None:
            out.append(_record(doc, sent, sid, trig.flow, who, slot, ctx, commodity=trigger_goods(doc, trig),
                               rank=rank_of(sent.text, trig.flow)))
        elif (slot.amount is not None or slot.pcts) and _new_period(slot, ctx, out):  # a series: '… in March …; in April …'
            out.append(_record(doc, sent, sid, trig.flow, who, slot, ctx, commodity=trigger_goods(doc, trig), list_like=True))
    return [r for r in out if r is not None]


def sentence_records(doc: Doc, sent: Span, sid: int, ctx: Context) -> list[TradeRecord]:
    """Every trade record of one sentence; updates the context for the sentences after it."""
    if not any(ch.isalnum() for ch in sent.text):  # a bullet split off its line: the list goes on
        ctx.bullet = sid
        return []
    mentions = countries_in(doc, sent)
    codes = token_codes(sent, mentions, home_ranking(doc))
    triggers = find_triggers(doc, sent)
    triggers = sorted(triggers + country_trades(sent, codes, triggers), key=lambda t: t.start)
    amounts = [a for a in group(doc, ext.AMOUNTS, sent) if usable_amount(doc, a)]
    pcts = group(doc, ext.PERCENTAGES, sent)
    flows = sentence_flows(doc, sent, sid, triggers, amounts, pcts, ctx)
    ctx.list_role = next((r for r in (percent_role(doc, p)[0] for p in pcts) if r), "change")
    _update_period(doc, sent, sid, ctx, any(f.figures for f in flows))
    if not triggers and not flows:
        ctx.flow = ""
        _note_rank(sent, sid, codes, triggers, ctx)
        return []
    ctx.source = sentence_source(doc, sent) or ctx.source
    values = group(doc, ext.AMOUNTS, sent) + pcts + group(doc, ext.DATES, sent)
    stop = {i for t in triggers for i in t.tokens} | {t.i for s in values for t in s}
    amount_starts = {a.start_char for a in amounts}
    records: list[TradeRecord] = []
    done: set[int] = set()
    for flow in flows:
        if id(flow.trigger) in done:
            continue
        paired = _respectively(doc, sent, flow, flows, triggers) if not flow.pseudo else None
        for trig, slots in ([(t, [s]) for t, s in paired] if paired else [(flow.trigger, None)]):
            done.add(id(trig))
            who = _parties(doc, sent, trig, triggers, codes, mentions, ctx, flow, slots)
            if slots is not None:
                records += [r for r in (_record(doc, sent, sid, trig.flow, who, s, ctx) for s in slots) if r]
            else:
                records += _flow_records(doc, sent, sid, flow, who, ctx, codes, stop, amount_starts)
            _remember(ctx, trig, who, records)
    for trig in triggers:  # a flow named without figures still fixes the context ('The top five imports from China were:')
        if id(trig) not in done and not trig.denominator:  # the whole a share is of ('of total shipments to the country') does not
            who = _parties(doc, sent, trig, triggers, codes, mentions, ctx, None, None)
            _remember(ctx, trig, who, [])
    if not any(r.rank is not None for r in records):
        _note_rank(sent, sid, codes, triggers, ctx)
    return records


def _note_rank(sent: Span, sid: int, codes: dict[int, str], triggers: list[Trigger], ctx: Context) -> None:
    """A sentence that ranks a partner without a figure ('Japan is the Philippines' second largest trading
    partner'): the two economies named before the rank, or the one named with the pair just spoken of."""
    found = rank_statement(sent.text)
    if found is None or (not found[1] and not triggers):
        return
    rank, flows, at = found
    named = list(dict.fromkeys(c for i, c in sorted(codes.items()) if sent.doc[i].idx < sent.start_char + at and c != "WLD"))
    ranked = named[0] if named else ""  # the subject: 'Thailand is Cambodia's fourth-largest trading partner'
    if len(named) == 1 and named[0] in ctx.pair:
        named = list(ctx.pair)
    if len(named) == 2:
        own = tuple(dict.fromkeys(t.flow for t in triggers))
        if {"export", "import"} <= set(own):  # 'import-export turnover … ranks fourth': the trade both ways
            own = ("bilateral",)
        ctx.ranks.append((sid, frozenset(named), flows or own, rank, ranked))


def with_ranks(records: list[TradeRecord], ranks: list[tuple]) -> list[TradeRecord]:
    """Give each rank stated on its own to a total of that pair and flow that has none: of the latest period, an
    exact figure before a rounded one, the nearest to the rank's sentence."""
    out = list(records)
    for sid, pair, flows, rank, ranked in ranks:
        fits = [n for n, r in enumerate(out) if {r.reporter, r.partner} == pair and r.flow in flows and not r.commodity
                and r.rank is None and r.value is not None and (r.flow not in ("export", "import") or r.partner == ranked)]
        if fits:
            latest = max(str(out[n].period_end or "") for n in fits)  # a rank is said of now: the latest period
            n = min(fits, key=lambda n: (flows.index(out[n].flow), str(out[n].period_end or "") != latest,
                                         out[n].qualifier != "exact", abs(out[n].sentence_id - sid)))
            out[n] = replace(out[n], rank=rank)
    return out


def _parties(doc: Doc, sent: Span, trig: Trigger, triggers: list[Trigger], codes: dict[int, str], mentions, ctx: Context,
             flow: Optional[Flow], slots) -> tuple[str, str]:
    if flow is not None and flow.pseudo:
        return ctx.reporter, ctx.partner
    roles = trigger_roles(trig, codes, triggers)
    first = (slots[0].amount if slots else None) or (next((f for f in flow.figures if f._.value is not None and hasattr(f._.value, "currency")), None) if flow else None)
    value = first._.value.value_usd if first is not None else None
    who = flow_parties(doc, trig, roles, ctx, value)
    market = _ranked_market(sent, codes) if trig.flow in ("export", "import") else ""
    if market and who[0] == market:  # 'Germany ranked first in steel exports with $803 million': Germany buys
        home = who[1] if who[1] not in ("", "WLD") else \
            next((c for c in (ctx.direction[:1] if ctx.direction else ()) + home_ranking(doc) if c not in (market, "WLD")), "")
        who = (home, market) if home else who
    elif market and who[0] and who[1] in ("", "WLD"):  # 'Germany ranked first among Turkey's export markets with $8.2 billion'
        who = (who[0], market)
    if trig.flow in ("investment", "aid"):  # 'Japan is Vietnam's largest ODA provider and third largest investor, with …'
        who = copula_partners(doc, [m for m in mentions if m.start < trig.start]) or who
    return who


RANK_VERBS = frozenset({"rank", "come", "lead", "top", "remain", "become", "name", "emerge", "stand", "retain", "reach"})
MARKET_WORDS = re.compile(r"\b(?:largest|biggest|top|first|leading|main|greatest|no\.?\s*1|number one)\b[^.;]{0,40}?"
                          r"\b(?:market|buyer|destination|importer|customer|supplier|source|partner)s?\b"
                          r"|\branked\s+(?:first|second|third|\w+th)\b|\bcame\s+(?:in\s+)?first\b", re.I)


def _ranked_market(sent: Span, codes: dict[int, str]) -> str:
    """'Germany ranked first in iron and nonferrous metals exports with $532 million', 'the U.S. ranked first in
    steel exports': the country ranked as a market, which is where the goods go (or come from), not who sells them."""
    if not MARKET_WORDS.search(sent.text):
        return ""
    return next((c for i, c in sorted(codes.items()) if sent.start <= i < sent.end and sent.doc[i].dep_ in ("nsubj", "nsubjpass")
                 and sent.doc[i].head.lemma_.lower() in RANK_VERBS | {"be"} and c != "WLD"), "")


def _remember(ctx: Context, trig: Trigger, who: tuple[str, str], records: list[TradeRecord]) -> None:
    if not all(who):
        return
    ctx.flow, (ctx.reporter, ctx.partner) = trig.flow, who
    if trig.flow in ("export", "import"):
        ctx.direction = who
    keeps_bloc = any(is_bloc(c) for c in ctx.pair) and who[1] in ctx.pair and who[0] not in ctx.pair
    if "WLD" not in who and not keeps_bloc:  # a member state's line under a bloc's total keeps the bloc's pair
        if set(who) != set(ctx.pair):
            ctx.two_sided = False
        ctx.pair = who
        ctx.two_sided = ctx.two_sided or trig.flow == "bilateral"
    for r in records:
        if r.value_usd is not None and not r.commodity:
            key = (r.reporter, r.partner)
            ctx.values[key] = max(ctx.values.get(key, 0.0), r.value_usd)


def _completes_last(sent: Span, sid: int, found: list[TradeRecord], records: list[TradeRecord]) -> bool:
    """'… exported goods worth $544.5m to Kenya. This was a 17 percent increase from $447.8m …': a sentence that
    only says how much the figure just given grew completes that record (in place) rather than standing apart."""
    if len(found) != 1 or found[0].value is not None or found[0].change_pct is None or not CONTINUATION.match(sent.text):
        return False
    last = records[-1] if records else None
    if last is None or last.sentence_id != sid - 1 or last.value is None or last.change_pct is not None or last.flow != found[0].flow:
        return False
    records[-1] = replace(last, change_pct=found[0].change_pct, change_basis=found[0].change_basis, pct_id=found[0].pct_id)
    return True


@Language.factory("news_trade")
class TradeRecordFinder:
    """Sets doc._.trade_records from the trade sentences of the article body."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        trigger_table()

    def __call__(self, doc: Doc) -> Doc:
        ctx, records = Context(), []
        for sid, sent in enumerate(doc.sents):
            if in_furniture(doc, sent.start_char):
                break
            found = sentence_records(doc, sent, sid, ctx)
            if not _completes_last(sent, sid, found, records):
                records += found
        doc._.trade_records = attach_volumes(doc, finalise(doc, with_ranks(records, ctx.ranks)))
        return doc

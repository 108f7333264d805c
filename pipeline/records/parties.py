"""Reporter and partner of a flow: the roles around its trigger read as each flow reads them (who exports, who
imports, who invests or gives), with what the article has already fixed filling the gaps."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from pipeline.nlp.doc_index import text_of
from pipeline.nlp.resources import read_csv
from pipeline.records.clauses import bloc_codes, CountryMention, main_countries, other_country
from pipeline.records.roles import Roles
from pipeline.records.triggers import Trigger
from pipeline.values.dates.filing_country import dateline_country
from pipeline.values.numbers import alternation

WORLD = re.compile(r"\b(?:total|overall|global|worldwide|all|foreign|external)\s+(?:\w+\s+){0,3}$", re.I)
WORLD_AFTER = re.compile(r"^\W*(?:\w+\s+){0,6}?(?:to|with)\s+(?:the\s+)?(?:world|all\s+(?:markets|destinations|countries))\b", re.I)
COPULA = re.compile(r"^\s*(?:is|was|remains|remained|became|has become|has been|stays|stayed)\s+(?:now\s+|still\s+|also\s+|again\s+)?$", re.I)
NON_COUNTRIES = ("WLD",)


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
    pair: tuple = ()  # the two sides of the last flow between two named economies
    two_sided: bool = False  # whether that pair was named by a two-sided (bilateral) flow
    values: dict = field(default_factory=dict)  # (reporter, partner) -> the largest value reported for them
    bullet: Optional[int] = None  # the sentence id of a bullet standing alone before its line
    periods: list = field(default_factory=list)  # the periods named in the current sentence, (value, span)
    list_role: str = "change"  # what a bare percentage in the current sentence's list is: change or share
    ranks: list = field(default_factory=list)  # (sentence id, pair, flows, rank, ranked country) of ranks stated without a figure


def article_pair(doc: Doc, ctx: Context) -> tuple[str, str]:
    """'The two countries': the pair the article is about (its two most-named economies, else the last pair)."""
    top = [c for c in main_countries(doc) if c not in NON_COUNTRIES][:2]
    return (top[0], top[1]) if len(top) == 2 else (ctx.pair or ("", ""))


def is_bloc(code: str) -> bool:
    """A grouping of economies rather than one: the EU (EUU) or a bloc code from models/lexicons/blocs.csv."""
    return code == "EUU" or code in bloc_codes()


def copula_partners(doc: Doc, before: list[CountryMention]) -> Optional[tuple[str, str]]:
    """'Japan is Vietnam's third largest investor': the subject invests in (or gives to) the possessor."""
    for a, b in zip(before, before[1:]):
        if a.role == "" and b.role == "poss" and a.code != b.code and COPULA.match(text_of(doc)[a.end:b.start]):
            return a.code, b.code
    return None


STRONG_WORLD = re.compile(r"\b(?:global|worldwide|foreign|external)\b", re.I)


def _world(doc: Doc, trigger: Trigger, strong: bool = False) -> bool:
    """'total exports', 'foreign trade', 'exports to the world': a country's trade with all partners ('total' and
    'overall' are weak: 'the total trade between the two countries'; `strong` asks for an unambiguous word)."""
    text = text_of(doc)
    before, own = text[max(0, trigger.start - 25):trigger.start], text[trigger.start:trigger.end]
    if STRONG_WORLD.search(own) or STRONG_WORLD.search(before[-12:]) or WORLD_AFTER.match(text[trigger.end:trigger.end + 60]):
        return True
    return not strong and bool(WORLD.search(before) or re.search(r"\b(?:total|overall)\b", own, re.I))


def directed(flow: str, roles: Roles) -> tuple[str, str]:
    """(reporter, partner) of an export, import, investment or aid flow from its roles alone."""
    first = lambda *lists: next((c for codes in lists for c in codes), "")  # noqa: E731
    if flow == "export":
        reporter = first(roles.owner, roles.origin)
        return reporter, first([c for c in roles.to + roles.into if c != reporter])
    if flow == "import":
        if roles.into:  # 'EU imports into Cambodia': Cambodia imports from the EU
            return roles.into[0], first([c for c in roles.owner + roles.origin if c != roles.into[0]])
        reporter = first(roles.owner)
        return reporter, first([c for c in roles.origin if c != reporter])
    reporter = first(roles.owner, roles.origin)
    targets = roles.in_ + roles.into + roles.to if flow == "investment" else roles.to + roles.for_ + roles.in_ + roles.into
    return reporter, first([c for c in targets if c != reporter])


def bilateral(doc: Doc, trigger: Trigger, roles: Roles, ctx: Context, value_usd: Optional[float] = None) -> tuple[str, str]:
    """The two sides of a two-way flow: those named, 'the two countries', else the article's pair; a country's
    total or foreign trade is with the world."""
    named = roles.named()
    if len(named) >= 2:
        return named[0], named[1]
    if roles.pair:
        return article_pair(doc, ctx)
    if _world(doc, trigger, strong=not named) and not roles.with_:  # 'Thailand's total trade', 'foreign trade turnover'
        home = named[0] if named else home_country(doc, ctx)
        if _carried_partner(home, value_usd, ctx) == "WLD" or not ctx.pair:
            return home, "WLD"
    if len(named) == 1:
        pair = ctx.pair or article_pair(doc, ctx)
        other = next((c for c in pair if c and c != named[0]), "") if named[0] in pair else ""
        return named[0], other or other_country(doc, named[0]) or ""
    return ctx.pair or article_pair(doc, ctx)


def _carried_partner(reporter: str, value: Optional[float], ctx: Context) -> str:
    """A flow with no partner named: the article's pair when the reporter is one side of it and the figure fits
    inside what was reported for that pair (or the pair was named as two-sided trade); else the world
    ('Cambodia exported $17 billion of products', 'Exports grew by 5.4 percent to $254.6 billion')."""
    if reporter in ctx.pair:
        other = next(c for c in ctx.pair if c != reporter)
        known = max(ctx.values.get((reporter, other), 0.0), ctx.values.get((other, reporter), 0.0))
        fits = value is None or value <= known * 1.05 if known else ctx.two_sided
        if fits:
            return other
    return "WLD"


def home_ranking(doc: Doc) -> tuple[str, ...]:
    """The article's countries, its own first: where it was filed ('KUALA LUMPUR, Sept 27 —'), then by mentions."""
    ranked = [c for c in main_countries(doc) if c not in NON_COUNTRIES]
    filed = dateline_country(text_of(doc))
    return tuple(([filed] if filed else []) + [c for c in ranked if c != filed])


def home_country(doc: Doc, ctx: Context) -> str:
    """Whose flow an unowned figure is: the side of the article's pair it is most about, else its main country."""
    ranked = list(home_ranking(doc))
    if ctx.pair:
        return min(ctx.pair, key=lambda c: ranked.index(c) if c in ranked else len(ranked))
    return ranked[0] if ranked else ""


def flow_parties(doc: Doc, trigger: Trigger, roles: Roles, ctx: Context, value_usd: Optional[float]) -> tuple[str, str]:
    """(reporter, partner) of one flow: its own roles, then the article's context; a directed flow is never given
    a partner that is only mentioned elsewhere (no pair: the world)."""
    flow = trigger.flow
    if flow == "bilateral":
        return bilateral(doc, trigger, roles, ctx, value_usd)
    reporter, partner = directed(flow, roles)
    if flow in ("export", "import") and not reporter and ctx.direction and ctx.direction[1] != reporter and (
            not partner or partner == ctx.direction[1]):
        reporter, partner = ctx.direction[0], partner or ctx.direction[1]
    if flow in ("export", "import"):
        reporter = reporter or (home_country(doc, ctx) if partner != home_country(doc, ctx) else "")
        if reporter and not partner:
            if reporter not in ctx.pair and any(is_bloc(c) for c in ctx.pair):  # a member state under a bloc's total
                partner = next((c for c in ctx.pair if c != reporter and not is_bloc(c) and c != "WLD"), "")
            partner = partner or _carried_partner(reporter, value_usd, ctx)
        reporter = reporter or (ctx.reporter if ctx.reporter and ctx.reporter != partner else "") or other_country(doc, partner) or ""
        return reporter, partner
    reporter = reporter or (ctx.reporter if ctx.reporter and ctx.reporter != partner else "") or other_country(doc, partner) or ""
    partner = partner or (ctx.partner if ctx.partner and ctx.partner != reporter else "") or other_country(doc, reporter) or ""
    return reporter, partner

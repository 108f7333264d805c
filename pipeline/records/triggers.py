"""Trade triggers: the words that announce a flow ('exports', 'imported', 'bilateral trade', 'ODA'), read from
`models/lexicons/trade_triggers.csv` and tied to the token that heads them in the parse."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.doc_index import text_of
from pipeline.nlp.resources import read_csv
from pipeline.values.numbers import alternation


@dataclass(frozen=True)
class Trigger:
    """One trigger phrase in a sentence: its flow, characters and syntactic head."""

    flow: str
    start: int
    end: int
    head: Token
    tokens: tuple[int, ...]  # token indices of the phrase
    denominator: bool = False  # the whole a share is of ('40.2 per cent of Viet Nam's total rice exports')

    @property
    def is_verb(self) -> bool:
        return self.head.pos_ in ("VERB", "AUX") or self.head.tag_.startswith("VB")


@lru_cache(maxsize=1)
def trigger_table() -> tuple[re.Pattern, dict[str, str]]:
    """The trigger regex and phrase -> flow table."""
    table = {r["phrase"].lower(): r["flow"] for r in read_csv("lexicons/trade_triggers.csv", ("phrase", "flow"))}
    return re.compile(rf"\b(?:{alternation(table)})\b", re.I), table


# 'accounting for 40.2 per cent of Viet Nam's total rice exports': the whole a share is of, not a flow of its own
DENOMINATOR = re.compile(r"\b(?:of|in)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+)?(?:total|overall|all|entire|whole|combined)\s+"
                         r"(?:[\w-]+\s+){0,3}$", re.I)


def find_triggers(doc: Doc, sent: Span) -> list[Trigger]:
    """Every trigger phrase of a sentence, in order, with its head token (the whole a share is of is none)."""
    pattern, table = trigger_table()
    found, text = [], text_of(doc)
    for m in pattern.finditer(text, sent.start_char, sent.end_char):
        whole = bool(DENOMINATOR.search(text[max(sent.start_char, m.start() - 60):m.start()]))
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span) or _modifies_other(span.root):
            continue
        found.append(Trigger(table[m.group(0).lower()], m.start(), m.end(), span.root, tuple(t.i for t in span), whole))
    return found


NOT_FLOW_HEADS = frozenset({"deficit", "surplus", "balance", "gap", "imbalance", "ministry",
                            "minister", "fair", "expo", "agreement", "deal", "pact", "policy", "war", "talk", "talks", "mission",
                            "office", "promotion", "zone", "route", "center", "centre", "representative", "dispute", "barrier",
                            "partner", "partnership", "cooperation", "delegation", "union", "body", "forum", "council", "committee"})


def country_trades(sent: Span, codes: dict[int, str], found: list[Trigger]) -> list[Trigger]:
    """'Thailand-Myanmar trade', 'China's trade with …': the noun 'trade' with a country of its own, when it is
    the flow itself (not 'trade deficit', 'trade ministry', 'trade ties')."""
    taken = {i for t in found for i in t.tokens}
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in ("trade", "turnover") or tok.pos_ != "NOUN" or tok.i in taken:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in NOT_FLOW_HEADS:
            continue
        if any(c.dep_ in ("compound", "amod", "nmod", "poss") and (c.i in codes or any(g.i in codes for g in c.subtree)) for c in tok.children) \
                or _between_two(tok, codes) or _subject_of_figure(tok) or _of_figure(tok):
            out.append(Trigger("bilateral", tok.idx, tok.idx + len(tok.text), tok, (tok.i,)))
    return out


def _between_two(tok: Token, codes: dict[int, str]) -> bool:
    """'Turnover between Turkey and Azerbaijan', 'trade between the two countries'."""
    return any(c.dep_ == "prep" and c.lower_ == "between" and (any(g.i in codes for g in c.subtree)
               or re.search(r"\b(?:two|both)\b", " ".join(g.lower_ for g in c.subtree))) for c in tok.children)


def _of_figure(tok: Token) -> bool:
    """'the statistics showed the turnover of $179.14 million'."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(t.ent_type_ == "MONEY" for t in c.subtree) for c in tok.children)


def _subject_of_figure(tok: Token) -> bool:
    """'In January-April 2019, trade totaled US$800 million': trade as the subject of a verb that states a sum."""
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and \
        any(t.ent_type_ == "MONEY" or (t.like_num and t.i > verb.i) for t in verb.subtree if t.i not in {g.i for g in tok.subtree})


def _modifies_other(head: Token) -> bool:
    """'goods trade surplus', 'trade deficit', 'export ban': the trigger only modifies another noun."""
    return head.dep_ in ("compound", "amod", "nmod") and head.head.lemma_.lower() in NOT_FLOW_HEADS | NOT_FLOW_MODIFIED


NOT_FLOW_MODIFIED = frozenset({"ban", "bans", "tax", "taxes", "tariff", "tariffs", "duty", "duties", "license", "licence", "permit",
                               "quota", "quotas", "restriction", "restrictions", "control", "controls", "curb", "curbs", "price",
                               "prices"})


def trigger_word(doc: Doc, trigger: Trigger) -> str:
    """The trigger as written ('exported', 'bilateral trade')."""
    return text_of(doc)[trigger.start:trigger.end]

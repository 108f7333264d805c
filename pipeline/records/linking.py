"""Which flow a figure belongs to, from the parse: climb from the figure towards the root and take the first
trigger met on the way or in a side branch of it (subjects first), without crossing into another clause.
'Exports to the EU totalled $4.032 billion, up 20.45%, while EU imports into Cambodia amounted to $854 million':
$4.032 billion hangs from 'totalled' whose subject is 'exports'; $854 million from 'amounted', subject 'imports'."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from pipeline.records.triggers import Trigger

CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis", "conj", "acl", "xcomp", "csubj", "mark"})
BRANCH_ORDER = {"nsubj": 0, "nsubjpass": 0, "csubj": 0, "attr": 1, "dobj": 2, "prep": 3, "pobj": 3, "npadvmod": 4, "relcl": 6, "acl": 6}
MAX_BRANCH_DEPTH = 4
SUBJECTS = ("nsubj", "nsubjpass")
BLOCKED = -1  # the figure's own clause has a subject that is not a flow ('Laos posted a surplus of $23 million')


def _trigger_at(triggers: list[Trigger]) -> dict[int, int]:
    return {i: n for n, t in enumerate(triggers) for i in t.tokens}


def _predication(tok: Token) -> bool:
    """A verb with a subject of its own is a clause however it is attached ('…, with Cambodian exports accounting
    for a 59.76 per cent share'): a figure outside it does not belong to its subject."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in tok.children)


def _in_branch(tok: Token, trig_at: dict[int, int], depth: int = MAX_BRANCH_DEPTH) -> Optional[int]:
    """The shallowest trigger in the phrase under `tok`, not descending into other clauses."""
    frontier = [tok]
    for _ in range(depth + 1):
        hits = [trig_at[t.i] for t in frontier if t.i in trig_at]
        if hits:
            return min(hits)
        frontier = [c for t in frontier for c in t.children if _in_branch_ok(t, c) and not _predication(c)]
        if not frontier:
            return None
    return None


def _describes(node: Token, child: Token) -> bool:
    """A clause that describes a noun on the way up ('an agreement under which Japan will provide loans worth …')."""
    return node.pos_ in ("NOUN", "PROPN") and child.dep_ in ("relcl", "acl")


def _gapped(node: Token, figure: Span, trig_at: dict[int, int]) -> Optional[int]:
    """'exports stood at $20.13 billion and imports at $22.8 billion': the parser hangs the second figure on the
    verb the second subject shares; the figure belongs to the last such subject written before it."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    gaps = [c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i in trig_at
            and c.i < figure.root.i and not any(g.pos_ in ("VERB", "AUX") for g in c.children)]
    return trig_at[gaps[-1].i] if gaps else None


def _in_branch_ok(node: Token, child: Token) -> bool:
    return child.dep_ not in CLAUSE_DEPS or _describes(node, child)


def _with_item(node: Token) -> bool:
    """'…, with cotton taking the lead at US$320 million': an absolute clause after 'with' names an item of the
    flow it is attached to; its subject is the item, not another flow."""
    return node.dep_ in ("pcomp", "pobj", "acl", "advcl") and node.head.lower_ == "with"


def link(figure: Span, triggers: list[Trigger]) -> Optional[int]:
    """Index of the trigger a figure belongs to by the parse, BLOCKED when its clause's subject is something else
    (a balance, a company), None when the parse names none."""
    trig_at = _trigger_at(triggers)
    path = [figure.root, *figure.root.ancestors]
    on_path = {t.i for t in path} | {t.i for t in figure}
    for node in path:
        if node.i in trig_at:
            return trig_at[node.i]
        gapped = _gapped(node, figure, trig_at)
        if gapped is not None:
            return gapped
        branches = sorted((c for c in node.children if c.i not in on_path and (c.dep_ not in CLAUSE_DEPS or _describes(node, c))),
                          key=lambda c: (BRANCH_ORDER.get(c.dep_, 5), abs(c.i - figure.root.i)))
        for child in branches:
            hit = _in_branch(child, trig_at)
            if hit is not None:
                return hit
        if any(c.dep_ in SUBJECTS and c.i not in on_path and c.pos_ != "PRON" for c in node.children) and not _with_item(node):
            return BLOCKED
        if node.dep_ in ("advcl", "relcl", "ccomp", "parataxis") and node.head.i in trig_at:
            return trig_at[node.head.i]
    return None


def nearest(figure: Span, triggers: list[Trigger]) -> Optional[int]:
    """The trigger just before a figure in the sentence, else the first after it (when the parse names none)."""
    before = [n for n, t in enumerate(triggers) if t.start <= figure.start_char]
    if before:
        return before[-1]
    return 0 if triggers else None


def assign(figures: list[Span], triggers: list[Trigger]) -> dict[int, list[Span]]:
    """Trigger index -> its figures (in text order)."""
    out: dict[int, list[Span]] = {}
    for fig in figures:
        n = link(fig, triggers)
        n = nearest(fig, triggers) if n is None else n
        if n is not None and n != BLOCKED:
            out.setdefault(n, []).append(fig)
    return out

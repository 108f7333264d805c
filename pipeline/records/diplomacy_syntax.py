"""The event's own clause in the dependency parse: a date or a country in another clause of the sentence (a trade
figure's 'rose … in the 2015-2022 period', an aside 'referring to China's assertiveness') is not the event's."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

CLAUSES = ("ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj")  # a clause of its own under the shared head


def _ancestors(tok: Token) -> list[Token]:
    return [tok] + list(tok.ancestors)


def in_clause(span: Span, trigger: Optional[Token]) -> bool:
    """Whether a mention (a date, a country) hangs in the event's own clause: the way down from where it meets the trigger's path enters
    no other clause ('following a meeting …' vs 'trade rose … in the 2015-2022 period, the government said')."""
    if trigger is None:
        return True
    path = _ancestors(trigger)
    for tok in _ancestors(span.root):
        if tok in path:
            return True
        if tok.dep_ in CLAUSES and tok.head in path and tok.head is not tok:
            return False
    return True

"""Who trades with whom, read from the dependency parse around a trigger: its possessor or national modifier
('China's imports', 'Cambodian exports', 'EU imports'), its prepositions ('to the EU', 'from Laos', 'between A and
B', 'into Cambodia'), the subject of a trigger verb ('Spain imported …') or of the verb governing it ('Cambodia
earned $4 billion in exports'), and 'the two countries'."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Span, Token

from pipeline.records.triggers import Trigger

PREP_ROLES = {"to": "to", "toward": "to", "towards": "to", "into": "into", "from": "origin", "with": "with",
              "between": "with", "among": "with", "in": "in", "for": "for", "of": "of", "by": "owner"}
OWNER_DEPS = ("poss", "amod", "compound", "nmod", "npadvmod")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_HEADS = ("relcl", "acl", "advcl", "ccomp")
CLIMB_DEPS = ("pobj", "prep", "dobj", "attr", "npadvmod", "compound", "appos", "conj", "nmod", "oprd")
SEARCH_DEPS = ("compound", "amod", "conj", "appos", "poss", "nmod", "pobj", "prep", "det", "cc", "punct", "case")
ROLE_NOUNS = {"destination": "to", "market": "to", "buyer": "to", "customer": "to", "source": "origin", "supplier": "origin",
              "partner": "with", "investor": "owner", "donor": "owner", "provider": "owner"}
CARRYING_VERBS = frozenset({"send", "ship", "go", "head", "destine", "bind", "sell", "deliver", "export", "import", "bring",
                            "come", "originate", "buy", "purchase", "source"})
PAIR_NOUNS = frozenset({"country", "nation", "side", "neighbour", "neighbor", "partner", "economy", "government"})


@dataclass
class Roles:
    """Countries around one trigger, by the part they play in its phrase."""

    owner: list[str] = field(default_factory=list)
    to: list[str] = field(default_factory=list)
    into: list[str] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)
    with_: list[str] = field(default_factory=list)
    in_: list[str] = field(default_factory=list)
    for_: list[str] = field(default_factory=list)
    of: list[str] = field(default_factory=list)
    pair: bool = False  # 'the two countries', 'both sides'

    def add(self, role: str, codes: Iterable[str]) -> None:
        bucket = getattr(self, {"with": "with_", "in": "in_", "for": "for_"}.get(role, role))
        bucket.extend(c for c in codes if c not in bucket)

    def named(self) -> list[str]:
        """Every country named around the trigger, in role order."""
        out: list[str] = []
        for codes in (self.owner, self.with_, self.origin, self.to, self.into, self.in_, self.for_, self.of):
            out.extend(c for c in codes if c not in out)
        return out


def codes_in(tok: Token, codes: dict[int, str], depth: int = 3) -> list[str]:
    """Country codes in a phrase headed by `tok` (its modifiers, conjuncts and 'of' phrases), nearest first."""
    out, frontier = [], [tok]
    for _ in range(depth + 1):
        nxt = []
        for t in frontier:
            if t.i in codes and codes[t.i] not in out:
                out.append(codes[t.i])
            nxt.extend(c for c in t.children if c.dep_ in SEARCH_DEPS and (c.dep_ != "prep" or c.lower_ == "of"))
        frontier = nxt
    return out


def is_pair_phrase(tok: Token) -> bool:
    """'the two countries', 'both sides', 'the two neighbours', 'their bilateral …' (the article's two parties)."""
    for t in [tok, *tok.subtree]:
        if t.lemma_.lower() in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in t.children):
            return True
    return False


def _prep_roles(head: Token, roles: Roles, codes: dict[int, str], skip: frozenset = frozenset()) -> None:
    for prep in head.children:
        if prep.dep_ not in ("prep", "agent", "dative") or prep.lower_ not in PREP_ROLES or prep.i in skip:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objs:
            roles.add(PREP_ROLES[prep.lower_], codes_in(obj, codes))
            roles.pair = roles.pair or (PREP_ROLES[prep.lower_] == "with" and is_pair_phrase(obj))


def _carrying(noun: Token) -> list[Token]:
    """Participles that carry the goods of a flow noun somewhere: its own ('exports sent to …') or its object's
    through 'from'/'of' ('export revenue from products sent to Canada')."""
    out = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "on")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out += [c for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS]
    return out


def _owner(head: Token, codes: dict[int, str], verb: bool) -> list[str]:
    found: list[str] = []
    for child in head.children:
        if child.dep_ in OWNER_DEPS or (verb and child.dep_ in SUBJECT_DEPS):
            found.extend(c for c in codes_in(child, codes, depth=2 if child.dep_ in SUBJECT_DEPS else 1) if c not in found)
    return found


def _object_preps(verb: Token, roles: Roles, codes: dict[int, str]) -> None:
    """Direction words the parser hung on a trigger verb's object rather than on the verb."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in CLAUSE_HEADS or child.dep_ == "prep" and child.lower_ in PREP_ROLES:
            continue
        for tok in child.subtree:
            if tok.dep_ == "prep" and tok.lower_ in ("to", "from", "into") and tok.head.dep_ not in CLAUSE_HEADS:
                for obj in tok.children:
                    if obj.dep_ == "pobj":
                        roles.add(PREP_ROLES[tok.lower_], codes_in(obj, codes))


def governing_verb(head: Token) -> Optional[Token]:
    """The verb a trigger noun hangs from through objects and prepositions ('provided $2.8 billion in ODA')."""
    node = head
    for _ in range(6):
        if node.dep_ not in CLIMB_DEPS or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def verb_subject(verb: Token, codes: dict[int, str]) -> list[str]:
    """The country subject of a verb, or of the verb it completes ('Japan has agreed to provide …')."""
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS:
                return codes_in(child, codes, depth=2)
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head is node:
            return []
        node = node.head
    return []


def governing_roles(head: Token, codes: dict[int, str], roles: Roles) -> None:
    """Roles a trigger noun takes from its verb: the verb's country subject owns the flow ('Cambodia earned $4
    billion in exports'), its prepositions name the other side ('provided $2.8 billion in ODA to Cambodia')."""
    verb = governing_verb(head)
    if verb is None:
        return
    if not roles.owner:
        roles.add("owner", verb_subject(verb, codes))
    if not roles.to:  # 'provide Jakarta with US$847.2 million in soft loans', 'grant Laos $5 million'
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and child.i not in {t.i for t in [head, *head.ancestors]}:
                roles.add("to", [c for c in codes_in(child, codes, depth=0)])
    on_path = {t.i for t in [head, *head.ancestors]}
    if not (roles.to or roles.origin or roles.into or roles.for_ or roles.in_ or roles.with_):
        _prep_roles(verb, roles, codes, skip=on_path)


def role_noun_subject(head: Token, codes: dict[int, str], roles: Roles) -> None:
    """'Japan is the fourth biggest export destination of Cambodia': the copula's subject is the destination
    (or source, or partner) and the 'of' phrase the reporter."""
    noun = head.head if head.dep_ in ("compound", "amod") else head
    kind = ROLE_NOUNS.get(noun.lemma_.lower())
    if kind is None:
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    roles.add("owner", codes_in(obj, codes))
    if noun.dep_ == "attr" or (noun.dep_ == "appos"):
        for child in noun.head.children:
            if child.dep_ in SUBJECT_DEPS:
                roles.add(kind, codes_in(child, codes, depth=1))


def trigger_roles(trigger: Trigger, codes: dict[int, str], siblings: list[Trigger]) -> Roles:
    """The roles of the countries around one trigger; coordinated triggers share what one of them leaves out
    ('exports to and imports from Japan')."""
    head, roles = trigger.head, Roles()
    for i in trigger.tokens:
        tok = head.doc[i]
        if tok.i != head.i and tok.i in codes:
            roles.add("owner", [codes[tok.i]])
    roles.add("owner", _owner(head, codes, trigger.is_verb))
    if trigger.is_verb and head.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        roles.add("owner", verb_subject(head, codes))  # '… and in the third quarter, imported Chinese goods': shared subject
    _prep_roles(head, roles, codes)
    for verb in _carrying(head.head if head.dep_ in ("compound", "amod") else head):
        _prep_roles(verb, roles, codes)  # 'exports sent to the United States', 'revenue from products sent to Canada'
    if head.dep_ in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN"):  # 'export destination', 'import items'
        roles.add("owner", _owner(head.head, codes, False))
        _prep_roles(head.head, roles, codes)
    if trigger.is_verb and not (roles.to or roles.origin or roles.into):  # 'imported … rice worth $1.8 billion from Vietnam'
        _object_preps(head, roles, codes)
    role_noun_subject(head, codes, roles)
    roles.pair = roles.pair or is_pair_phrase_near(head)
    if not trigger.is_verb:
        governing_roles(head, codes, roles)
    for other in siblings:
        if other is trigger or not _coordinated(head, other.head):
            continue
        mate = Roles()
        mate.add("owner", _owner(other.head, codes, other.is_verb))
        _prep_roles(other.head, mate, codes)
        if not roles.owner:
            roles.add("owner", mate.owner)
        if _dangling(head) and not (roles.to or roles.origin):
            roles.add("to" if _dangling(head) in ("to", "into") else "origin", mate.to + mate.origin)
    return roles


def is_pair_phrase_near(head: Token) -> bool:
    """'trade between the two countries', 'the two sides' trade': the phrase is the trigger's own modifier."""
    return any(is_pair_phrase(c) for c in head.children if c.dep_ in ("poss", "compound", "amod"))


def _coordinated(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _dangling(head: Token) -> Optional[str]:
    """A preposition left without its object by coordination: 'exports to and imports from Japan'."""
    for prep in head.children:
        if prep.dep_ == "prep" and not any(c.dep_ == "pobj" for c in prep.children):
            return prep.lower_
    return None


ANAPHOR_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "archipelago"})


def token_codes(sent: Span, mentions, home: tuple[str, ...] = ()) -> dict[int, str]:
    """Token index -> country code for every token inside a country mention of the sentence; 'that country' and
    'the country's' are the country just spoken of, 'to the country' the article's main country not yet named
    in the sentence ('Japan's exports to the country'); `home` ranks the article's countries."""
    out: dict[int, str] = {}
    doc = sent.doc
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span or []:
            out[tok.i] = m.code
    for tok in sent:
        if tok.i in out or tok.lemma_.lower() not in ANAPHOR_NOUNS or tok.pos_ != "NOUN" or tok.tag_ == "NNS":
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), "")
        if det not in ("that", "this", "the") or any(c.dep_ in ("amod", "compound") for c in tok.children):
            continue
        before = [i for i in range(sent.start, tok.i) if i in out]
        subjects = [i for i in before if doc[i].dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ in ("poss", "nsubj", "nsubjpass") or det in ("that", "this"):  # the one just spoken of
            later = {c for i, c in out.items() if i > tok.i}  # 'the country exported goods … to Kenya': not Kenya
            pick = out[subjects[-1]] if subjects else out[before[-1]] if before else next((c for c in home if c not in later), "")
        else:  # 'Japan's exports to the country': the article's other country
            named = {out[i] for i in before}
            pick = next((c for c in home if c not in named), "")
        if pick:
            out[tok.i] = pick
    return out

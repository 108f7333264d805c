"""Countries in text: gazetteer-fed entity fixes, ISO3 codes on GPE/NORP, the article's main country."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.credits import credited
from pipeline.nlp import gazetteer
from pipeline.nlp.furniture import furniture_start, in_furniture
from pipeline.nlp.resources import read_csv, read_jsonl
from pipeline.nlp.doc_index import forget, overlapping, text_of

ACTOR_DEPS = ("nsubj", "nsubjpass", "poss", "compound")


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, dict[str, str]]:
    """Alias as written -> {canonical, country, kb_id} for well-known bodies."""
    rows = read_csv("lexicons/org_aliases.csv", ("alias", "canonical"))
    return {r["alias"]: r for r in rows}


def lookup(text: str, doc_country=None) -> Optional[str]:
    """ISO3 of a bare country name, demonym, capital or (with the article's country) a stand-in."""
    return gazetteer.lookup(text, doc_country=doc_country)


def _span_country(span: Span) -> Optional[str]:
    """Country a GPE/NORP entity is or stands for; a capital only when it acts (subject, possessor)."""
    found = gazetteer.entry(span.text)
    if not found:
        return None
    code, kind = found
    if kind == "capital" and span.root.dep_ not in ACTOR_DEPS:
        return None
    return lookup(span.text, _ranking(span.doc))


def country_of(span: Span) -> Optional[str]:
    """The country a mention stands or acts for: its own code, an org's, or the first demonym/country inside it."""
    if span._.country:
        return span._.country
    alias = org_aliases().get(span.text)
    if alias and alias.get("country"):
        return alias["country"]
    direct = lookup(span.text, _ranking(span.doc))
    if direct:
        return direct
    for ent in span.ents if hasattr(span, "ents") else []:
        if ent.label_ in ("NORP", "GPE") and ent._.country:
            return ent._.country
    for token in span:
        code = lookup(token.text, _ranking(span.doc))
        if code:
            return code
    return None


def country_ranking(doc: Doc) -> tuple[str, ...]:
    """The article's countries, most mentioned first (ties: first mentioned first)."""
    codes = [gazetteer.lookup(e.text) for e in doc.ents if e.label_ in ("GPE", "NORP") and not in_furniture(doc, e.start_char)]
    codes = [c for c in codes if c and c not in ("WLD", "EUU")]
    counts = Counter(codes)
    return tuple(sorted(counts, key=lambda c: (-counts[c], codes.index(c))))


def main_country(doc: Doc) -> Optional[str]:
    """The country the article is most about: most mentions, ties to the first mentioned."""
    ranking = country_ranking(doc)
    return ranking[0] if ranking else None


def _ranking(doc: Doc):
    """What a stand-in may resolve to: the ranked countries when known, else the main country."""
    return doc._.country_ranking or doc._.doc_country


ORG_NAME = r"[A-Z][\w'’.-]*(?:(?: (?:and|&|of|for|the|on))* [A-Z][\w'’.-]*)*"


@lru_cache(maxsize=1)
def org_patterns() -> tuple[re.Pattern, ...]:
    """models/patterns/orgs.jsonl compiled, {NAME} filled."""
    return tuple(re.compile(row["pattern"].replace("{NAME}", ORG_NAME)) for row in read_jsonl("patterns/orgs.jsonl", ("label", "pattern")))


def _trim_org(text: str) -> str:
    """Cut an organisation name before ' and <a country or another body>' ('Ministry of Commerce and JETRO'),
    a trailing connector or full stop."""
    text = text.rstrip(".")
    for m in re.finditer(r" (?:and|&) (?P<rest>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)", text):
        first = m.group("rest").split()[0]
        if gazetteer.entry(m.group("rest")) or gazetteer.entry(first) or first.isupper() or first in org_aliases():
            text = text[:m.start()]
            break
    return re.sub(r"(?: (?:and|&|of|for|the|on))+$", "", text)


def org_pattern_spans(doc: Doc) -> list[Span]:
    """Organisations from the name patterns in models/ (body text only)."""
    text, spans = text_of(doc), []
    for pattern in org_patterns():
        for m in pattern.finditer(text):
            name = _trim_org(m.group(0))
            span = doc.char_span(m.start(), m.start() + len(name), label="ORG", alignment_mode="contract")
            if span is not None and len(span) > 1 and not in_furniture(doc, span.start_char):
                spans.append(span)
    return spans


@Language.factory("news_countries")
class CountryTagger:
    """Adds the country names, demonyms and well-known bodies the model missed; sets ISO3 codes."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.places = PhraseMatcher(nlp.vocab)
        self.places.add("PLACE", [nlp.make_doc(f) for f in gazetteer.surface_forms()])
        self.orgs = PhraseMatcher(nlp.vocab)
        self.orgs.add("ORG", [nlp.make_doc(a) for a in org_aliases()])

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for _, start, end in self.places(doc):
            span = doc[start:end]
            kind = (gazetteer.entry(span.text) or ("", ""))[1]
            spans.append(Span(doc, start, end, label="NORP" if kind == "demonym" else "GPE"))
        bodies = [Span(doc, s, e, label="ORG") for _, s, e in self.orgs(doc)]
        spans += [b for b in bodies if org_aliases()[b.text].get("context") != "credit" or credited(b)]
        return spans + org_pattern_spans(doc)

    @staticmethod
    def _overrides(ours: Span, model: Span) -> bool:
        """Our span replaces an overlapping model entity when it is at least as long, or names a well-known
        body inside a non-organisation entity ('the ASEAN Chair'); a place name inside a longer entity
        ('South China Sea') leaves the model's entity alone."""
        if not (model.start < ours.end and ours.start < model.end):
            return False
        if len(model) <= len(ours):
            return True
        return ours.label_ == "ORG" and model.label_ not in ("ORG", "PERSON")

    def __call__(self, doc: Doc) -> Doc:
        doc._.furniture_start = furniture_start(text_of(doc))
        ours = filter_spans(self._gazetteer_spans(doc))
        ents = list(doc.ents)
        kept = [e for e, near in zip(ents, overlapping(ents, ours)) if not any(self._overrides(o, e) for o in near)]
        doc.ents = filter_spans(kept + ours)
        forget(doc, "ents")
        doc._.country_ranking = country_ranking(doc)
        doc._.doc_country = doc._.country_ranking[0] if doc._.country_ranking else None
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP", "LOC"):
                code = _span_country(ent)
                if code:
                    ent._.country, ent._.kb_id = code, f"iso3166:{code}"
                    if ent.label_ == "GPE" and (gazetteer.entry(ent.text) or ("", ""))[1] in ("name", "standin"):
                        ent._.canonical = gazetteer.country_name(code)
        return doc

"""People named next to an office or role ('Minister X', 'X, Deputy Prime Minister', 'X, an economist at …') and by
name shape (a family name first), whatever label the model gave them; each with the office and country the text states."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp import gazetteer
from pipeline.nlp.doc_index import forget
from pipeline.nlp.furniture import in_furniture
from pipeline.nlp.resources import read_csv

TITLES_KEY = "news_people_titles"
JOINERS = ("of", "for", "to")
PORTFOLIO_LINKS = ("and", "&", "the", ",")
APPOSITION_FILLERS = ("a", "an", "the", "its", "his", "her", "their", "senior", "deputy", "chief", "former", "acting",
                      "newly", "-", "appointed", "minted", "general", "government", "provincial", "national", "vice")
MAX_NAME = 5
MAX_FILL = 4


@dataclass(frozen=True)
class Office:
    """What the text says about a person: the office ('Deputy Prime Minister') and the country it is held for."""
    title: str
    country: str


@lru_cache(maxsize=1)
def offices() -> dict[str, str]:
    """Lower-cased office or role phrase -> kind (office, role), from models/lexicons/offices.csv."""
    return {r["phrase"].lower(): r["kind"] for r in read_csv("lexicons/offices.csv", ("phrase", "kind"))}


@lru_cache(maxsize=1)
def name_parts() -> dict[str, str]:
    """Name part as written -> kind (family, particle), from models/lexicons/name_parts.csv."""
    return {r["part"]: r["kind"] for r in read_csv("lexicons/name_parts.csv", ("part", "tradition", "kind"))}


@lru_cache(maxsize=1)
def _portfolio() -> frozenset[str]:
    return frozenset(r["word"] for r in read_csv("lexicons/portfolio_words.csv", ("word",)))


@lru_cache(maxsize=1)
def _honorific_phrases() -> tuple[tuple[str, ...], ...]:
    """Honorifics as lower-cased word tuples without final dots, longest first ('tan sri', 'h.e', 'mr')."""
    rows = read_csv("lexicons/honorifics.csv", ("phrase", "kind"))
    phrases = {tuple(w.lower().rstrip(".") for w in r["phrase"].split()) for r in rows if r["kind"] == "honorific"}
    return tuple(sorted(phrases, key=len, reverse=True))


def _blocked(tok: Token) -> bool:
    """A capitalised word that cannot be part of a person's name: an office, portfolio, country, month or body."""
    from pipeline.entities.names import has_org_head
    text = tok.text
    return (text.lower() in offices() or text in _portfolio() or gazetteer.entry(text) is not None
            or has_org_head(text) or text in _body_words() or _calendar(text))


@lru_cache(maxsize=4096)
def _calendar(word: str) -> bool:
    from pipeline.values.dates.calendar_words import lookup
    return bool(lookup("month", word) or lookup("weekday", word))


def _name_word(tok: Token) -> bool:
    """A word that can be part of a written name: capitalised ('Vanak', 'KISHIDA') or a name particle ('bin')."""
    if name_parts().get(tok.text) == "particle":
        return True
    from pipeline.entities.countries import org_aliases
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text) and tok.text not in org_aliases()


def _attached(doc: Doc, i: int) -> bool:
    """'Jung-wook', 'Al-Hokair': a hyphen and the piece after it, glued to the name word before."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ and doc[i].text in ("-", "‐")


def _name_from(doc: Doc, i: int, stop: int) -> Optional[Span]:
    """The name that starts at token i ('Park Jung-wook', 'Joko “Jokowi” Widodo'), or None."""
    j, words = i, 0
    while j < stop and words < MAX_NAME:
        tok = doc[j]
        if _attached(doc, j) and j + 1 < stop and doc[j + 1].is_alpha and words:
            j += 2
            continue
        if words and not doc[j - 1].whitespace_ and tok.is_alpha and tok.is_lower:
            j += 1  # 'Im' read as 'I' + 'm': one written word
            continue
        if tok.text in ("“", "\"", "‘") and words and j + 2 < stop and doc[j + 2].text in ("”", "\"", "’"):
            j += 3  # a nickname in quotes inside the name
            continue
        if not _name_word(tok) or _blocked(tok) or (tok.is_sent_start and j > i):
            break
        j, words = j + 1, words + 1
    while j > i and name_parts().get(doc[j - 1].text) == "particle":
        j -= 1
    if words < 2 or j - i < 2 or name_parts().get(doc[i].text) == "particle":
        return None
    return doc[i:j]


def _portfolio_end(doc: Doc, i: int) -> int:
    """Past 'of Foreign Affairs and International Cooperation' / 'of Kazakhstan' after an office (i at 'of')."""
    if i >= len(doc) or doc[i].lower_ not in JOINERS:
        return i
    j = i + 1
    while j < len(doc) and (doc[j].text in _portfolio() or gazetteer.entry(doc[j].text) or doc[j].lower_ in PORTFOLIO_LINKS
                            or doc[j].text in _body_words()
                            or (doc[j].text[:1].isupper() and doc[j].text in _country_words())):
        j += 1
    while j > i + 1 and doc[j - 1].lower_ in PORTFOLIO_LINKS:
        j -= 1
    return j if j > i + 1 else i


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Single words of multi-word country names ('South', 'Korea', 'Lao', 'PDR')."""
    return frozenset(w for f in gazetteer.surface_forms() for w in f.split() if w[:1].isupper())


def _skip_honorifics(doc: Doc, i: int) -> int:
    """Past honorifics at token i ('H.E.', 'Mr.', 'Tan Sri', 'Assoc Prof Dr'); whole phrases only ('Sri' alone is a name)."""
    moved = True
    while moved and i < len(doc) and doc[i].text[:1].isupper():
        moved = False
        words = [t.lower_.rstrip(".") for t in doc[i:i + 8] if t.text != "."]
        for phrase in _honorific_phrases():
            if tuple(words[:len(phrase)]) == phrase:
                n = 0
                while n < len(phrase):
                    n += doc[i].text != "."
                    i += 1
                while i < len(doc) and doc[i].text == ".":
                    i += 1
                moved = True
                break
    return i


def _country_in(tokens) -> str:
    """The country a run of words names ('South Korean', 'of Japan', 'Cambodian government')."""
    toks = list(tokens)
    for n in (2, 1):
        for k in range(len(toks) - n + 1):
            code = gazetteer.lookup(" ".join(t.text for t in toks[k:k + n]))
            if code:
                return code
    return ""


class PeopleFinder:
    """Finds persons by the office or role next to them and by name shape; records each one's office and country."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in ("office", "role"):
            phrases = [p for p, k in offices().items() if k == kind]
            self.matcher.add(kind, [nlp.make_doc(p) for p in phrases])
        self.kind_of = {nlp.vocab.strings["office"]: "office", nlp.vocab.strings["role"]: "role"}

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Office/role matches, the longest at each place ('Deputy Prime Minister', not 'Minister')."""
        spans = filter_spans([Span(doc, s, e, label=self.kind_of[m]) for m, s, e in self.matcher(doc)])
        return [(s.label_, s.start, s.end) for s in spans]

    def after_office(self, doc: Doc, kind: str, start: int, end: int) -> Optional[tuple[Span, Office]]:
        """'Deputy Prime Minister Trần Lưu Quang', 'ambassador Park Jung-wook', 'Prime Minister of Kazakhstan X'."""
        if kind != "office":
            return None
        port_end = _portfolio_end(doc, end)
        i = _skip_honorifics(doc, port_end)
        sent_end = doc[start].sent.end
        name = _name_from(doc, i, sent_end) if i < sent_end else None
        if name is None:
            return None
        before = doc[max(doc[start].sent.start, start - 3):start]
        hosted = end < len(doc) and doc[end].lower_ == "to"  # 'Uzbek Ambassador to Kazakhstan': the host is not whom he acts for
        country = (_country_in(before) or _country_in(doc[end:port_end])) if hosted else (_country_in(doc[end:port_end]) or _country_in(before))
        return name, Office(_title_text(doc, start, end, port_end), country)

    def before_role(self, doc: Doc, kind: str, start: int, end: int) -> Optional[tuple[Span, Office]]:
        """'Hong Vanak, an economist at …', 'H.E. Prak Sokhonn, Deputy Prime Minister, …', 'X, head of …'."""
        i = start - 1
        fill_start = start
        while i >= 0 and start - i <= MAX_FILL and doc[i].text != "," and (
                doc[i].lower_ in APPOSITION_FILLERS or gazetteer.entry(doc[i].text) or doc[i].text in _country_words()):
            fill_start, i = i, i - 1
        if i < 1 or doc[i].text != ",":
            return None
        j, sent_start = i, doc[i].sent.start
        while j > sent_start and i - j < MAX_NAME + 3 and (
                (_name_word(doc[j - 1]) and not _blocked(doc[j - 1])) or _attached(doc, j - 1)
                or (j - 2 >= 0 and _attached(doc, j - 2) and doc[j - 1].is_alpha)):
            j -= 1
        j = _skip_honorifics(doc, j)
        name = _name_from(doc, j, i)
        if name is None or name.end != i:
            return None
        port_end = _portfolio_end(doc, end)
        country = _country_in(doc[fill_start:start]) or _country_in(doc[end:port_end])
        title = _title_text(doc, start, end, port_end) if kind == "office" else ""
        return name, Office(title, country)

    @staticmethod
    def after_honorific(doc: Doc) -> list[Span]:
        """'Mr. Toshimitsu Im', 'H.E. Prak Sokhonn', 'Dr Aat Pisanwanich': the capitalised words after an honorific."""
        found, i = [], 0
        while i < len(doc):
            j = _skip_honorifics(doc, i) if doc[i].text[:1].isupper() else i
            if j > i:
                name = _name_from(doc, j, doc[j].sent.end) if j < len(doc) else None
                if name is not None:
                    found.append(name)
                i = j
            i += 1
        return found

    @staticmethod
    def bylines(doc: Doc) -> list[Span]:
        """'By Mirsaid Ibrahimzade' ending its line, or before a dash or colon ('By Fikret Dolukhanov – Trend:')."""
        found = []
        for tok in doc:
            if tok.text in ("By", "BY") and tok.i + 1 < len(doc):
                name = _name_from(doc, tok.i + 1, len(doc))
                rest = doc[name.end].text if name is not None and name.end < len(doc) else "\n"
                if name is not None and (rest[:1] in ("–", "—", "-", ":", "|") or "\n" in rest or "\n" in name[-1].whitespace_):
                    found.append(name)
        return found

    @staticmethod
    def leaders(doc: Doc) -> list[Span]:
        """'the Modi-led Indian government': a capitalised word before '-led' that is no country or body is a person."""
        found = []
        for tok in doc[:-2]:
            nxt, led = doc[tok.i + 1], doc[tok.i + 2]
            if (tok.is_title and _attached(doc, tok.i + 1) and led.lower_ == "led" and not _blocked(tok)
                    and not _known_body_or_place(tok.text) and not tok.is_sent_start):
                found.append(doc[tok.i:tok.i + 1])
        return found

    def by_shape(self, doc: Doc) -> list[Span]:
        """'Hong Vanak' (GPE), 'Pen Bona' (ORG): a model entity that starts with a family name written first."""
        found = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "ORG", "NORP", "LOC", "FAC") or not 2 <= len(ent) <= 4:
                continue
            if name_parts().get(ent[0].text) != "family" or gazetteer.entry(ent.text) or _known_body_or_place(ent.text):
                continue
            name = _name_from(doc, ent.start, min(len(doc), ent.end + 2))
            if name is not None and name.end >= ent.end:
                found.append(name)
        return found

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, Office]] = []
        for kind, start, end in self.matches(doc):
            for hit in (self.after_office(doc, kind, start, end), self.before_role(doc, kind, start, end)):
                if hit is not None and not in_furniture(doc, hit[0].start_char):
                    found.append(hit)
        found += [(s, Office("", "")) for s in self.by_shape(doc) + self.after_honorific(doc)
                                               + self.bylines(doc) + self.leaders(doc)]
        people = [Span(doc, s.start, s.end, label="PERSON") for s, _ in found]
        titles = doc.user_data.setdefault(TITLES_KEY, {})
        for span, office in found:
            old = titles.get((span.start_char, span.end_char))
            if old is None or (not old.title and office.title):
                titles[(span.start_char, span.end_char)] = office
        doc.ents = _merge(list(doc.ents), filter_spans(people))
        forget(doc, "ents")
        return doc


def _title_text(doc: Doc, start: int, end: int, port_end: int) -> str:
    """The office as written, with its portfolio ('Minister of Foreign Affairs and International Cooperation')."""
    words = doc[start:port_end].text
    return " ".join(w[:1].upper() + w[1:] if i == 0 else w for i, w in enumerate(words.split()))


def _known_body_or_place(text: str) -> bool:
    from pipeline.entities.countries import org_aliases
    from pipeline.entities.names import has_org_head
    return text in org_aliases() or has_org_head(text) or gazetteer.fold(text) in _subdivisions()


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    import pycountry
    return frozenset(gazetteer.fold(s.name) for s in pycountry.subdivisions)


def _merge(ents: list[Span], people: list[Span]) -> list[Span]:
    """Our persons replace the model's overlapping entities, except a longer model PERSON that contains them."""
    keep_people = []
    for p in people:
        longer = [e for e in ents if e.label_ == "PERSON" and e.start <= p.start and p.end <= e.end]
        if not longer:
            keep_people.append(p)
    kept = [e for e in ents if not any(e.start < p.end and p.start < e.end for p in keep_people)]
    rests = [r for e in ents for p in keep_people if e.start < p.start < e.end and e.label_ != "PERSON"
             for r in [_remainder(e.doc[e.start:p.start])] if r is not None]
    return filter_spans(kept + keep_people + rests)


def _remainder(words: Span) -> Optional[Span]:
    """'Kazakhstan' of 'Kazakhstan Bakytzhan Sagintayev', 'Senate' of 'Senate David Ekwe Ethuro': a place or body left over."""
    from pipeline.entities.names import has_org_head
    end = words.end
    while end > words.start and (words.doc[end - 1].is_punct or words.doc[end - 1].lower_ in ("of", "the", "to")):
        end -= 1
    span = words.doc[words.start:end]
    if not len(span):
        return None
    if gazetteer.entry(span.text):
        kind = gazetteer.entry(span.text)[1]
        return Span(span.doc, span.start, span.end, label="NORP" if kind == "demonym" else "GPE")
    return Span(span.doc, span.start, span.end, label="ORG") if has_org_head(span.text) or span.text in _body_words() else None


def _body_words() -> frozenset[str]:
    from pipeline.entities.orgs import body_words
    return body_words()


@Language.factory("news_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    """The people component (after news_countries, before news_canonical)."""
    offices(), name_parts()
    return PeopleFinder(nlp)


def office_of(doc: Doc, span: Span) -> Optional[Office]:
    """The office and country recorded for a person mention overlapping `span`."""
    for (s, e), office in doc.user_data.get(TITLES_KEY, {}).items():
        if s < span.end_char and span.start_char < e:
            return office
    return None

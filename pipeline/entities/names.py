"""Pure name normalisers: honorifics and titles off, family-name-first capitals turned round, acronyms checked."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pipeline.nlp.resources import read_csv

ORG_HEADS = ("Ministry", "Department", "Agency", "Bank", "Embassy", "Council", "Committee", "Office", "Commission",
             "Organization", "Organisation", "Institute", "Federation", "Association", "Corporation", "Company",
             "Government", "Centre", "Center", "University", "Chamber", "Authority", "Port", "Force", "Forces",
             "Group", "Fund", "Programme", "Program", "Secretariat", "Administration", "Bureau", "Board", "Airways",
             "Airlines", "Post", "Times", "News", "Press", "Union")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def honorifics() -> tuple[str, ...]:
    """Honorific and title phrases, longest first."""
    rows = read_csv("lexicons/honorifics.csv", ("phrase", "kind"))
    return tuple(sorted((r["phrase"] for r in rows), key=len, reverse=True))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    rows = read_csv("lexicons/honorifics.csv", ("phrase", "kind"))
    return tuple(sorted((r["phrase"] for r in rows if r["kind"] == "title"), key=len, reverse=True))


@lru_cache(maxsize=8)
def _prefix_regex(phrases: tuple[str, ...]) -> re.Pattern:
    """One regex for a list of leading phrases (longest first, so the longest wins)."""
    return re.compile("(?:" + "|".join(re.escape(p) for p in phrases) + r")(?:\s+|$)", flags=re.IGNORECASE)


def _strip_prefixes(text: str, phrases: tuple[str, ...]) -> str:
    pattern = _prefix_regex(phrases)
    while text and (m := pattern.match(text)):
        text = text[m.end():].lstrip()
    return text


def starts_with_honorific(text: str) -> bool:
    """'H.E. KISHIDA Fumio' -> True: such an entity is a person whatever label the model gave it."""
    return _strip_prefixes(text, honorifics()) != text


def turn_capitals(name: str) -> str:
    """'KISHIDA Fumio' -> 'Fumio Kishida'; 'Fumio KISHIDA' -> 'Fumio Kishida'; others unchanged."""
    parts = name.split()
    if len(parts) < 2:
        return name.title() if name.isupper() and len(name) > 3 else name
    caps = [p.isupper() and len(p) > 1 for p in parts]
    if caps[0] and not any(caps[1:]):
        return " ".join(parts[1:] + [parts[0].title()])
    if caps[-1] and not any(caps[:-1]):
        return " ".join(parts[:-1] + [parts[-1].title()])
    return name


def person_canonical(text: str) -> str:
    """'Samdech Akka Moha Sena Padei Techo Hun Sen' -> 'Hun Sen'; 'H.E. KISHIDA Fumio' -> 'Fumio Kishida'."""
    name = " ".join(text.split())
    name = _POSSESSIVE.sub("", name).strip()
    name = _strip_prefixes(name, honorifics())
    name = re.sub(r"\s*\((?:[^)]*)\)$", "", name).strip(" ,")
    name = re.sub(r"\s+[“\"‘][^”\"’]+[”\"’](?=\s)", "", name)  # 'Joko “Jokowi” Widodo': the nickname off
    return turn_capitals(name)


def org_canonical(text: str) -> str:
    """'the Ministry of Commerce’s' -> 'Ministry of Commerce'; 'Cambodia’s Ministry of Commerce' too."""
    name = " ".join(text.split())
    name = re.split(r"\s+[-–—|]\s+", name)[0]
    name = _POSSESSIVE.sub("", name).strip()
    short_media = re.fullmatch(r"(?:the|The)\s+(?:Post|Times|Nation|Herald|Tribune|Gazette|Daily)", name)
    name = "The " + name.split()[-1] if short_media else re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"\s*\([^)]*$", "", name)  # an unclosed bracket: 'Subgroup on Trade and Investment (SGTI'
    name = re.sub(r"^\d+(?:st|nd|rd|th)\s+", "", name)  # 'the 12th Cambodia-EU Joint Committee'
    heads = "|".join(ORG_HEADS)
    name = re.sub(r"^[a-z]+['’]s\s+(?=[A-Z])", "", name)  # "the ministry's Trade Policy and Strategy Office"
    owner = re.match(rf"^[A-Z][\w .-]*?['’]s\s+(?=(?:\w+\s+){{0,3}}(?:{heads})\b)", name)
    if owner:
        whose, rest = name[:owner.end()].strip(), name[owner.end():]
        # "The Commerce Ministry's Permanent Secretariat": a unit without a name of its own is its ministry's
        name = _POSSESSIVE.sub("", whose) if has_org_head(whose) and len(rest.split()) <= 2 else rest
    cut = re.match(rf"^(?:[A-Z]\w+\s+)of\s+the\s+(?=(?:{heads})\b)", name)
    if cut:
        name = name[cut.end():]
    return _mission_name(_portfolio_first(name.strip()))


def _portfolio_first(name: str) -> str:
    """'Commerce Ministry' -> 'Ministry of Commerce', 'Foreign Ministry' -> 'Ministry of Foreign Affairs': one name per ministry."""
    m = re.fullmatch(r"(?P<port>[A-Z][a-z]+(?: (?:and|&) [A-Z][a-z]+)?) Ministry", name)
    if not m or m.group("port") in ("The", "Royal"):
        return name
    port = m.group("port")
    return f"Ministry of {'Foreign Affairs' if port == 'Foreign' else port}"


def _mission_name(name: str) -> str:
    """'Japanese Embassy in Cambodia' -> 'Embassy of Japan in Cambodia': one name for a diplomatic mission."""
    from pipeline.nlp.gazetteer import country_name, entry
    m = re.match(r"^(?P<demonym>[A-Z][a-z]+) (?P<kind>Embassy|Consulate(?:-General| General)?) (?P<rest>(?:in|to) .+)$", name)
    found = entry(m.group("demonym")) if m else None
    if not found or found[1] != "demonym":
        return name
    return f"{m.group('kind')} of {country_name(found[0])} {m.group('rest')}"


def has_org_head(text: str) -> bool:
    return bool(re.search(r"\b(?:" + "|".join(ORG_HEADS) + r")\b", text))


def is_acronym_of(acronym: str, expansion: str) -> bool:
    """'JETRO' for 'Japan External Trade Organization': capitals, 2-8 letters, first initial agrees."""
    letters = re.sub(r"[^A-Za-z]", "", acronym)
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", expansion) if w[0].isupper()]
    return bool(words) and 2 <= len(letters) <= 8 and letters[0].upper() == words[0][0] and acronym[:1].isupper()


def acronym_after(text: str) -> Optional[str]:
    """The acronym in '(JETRO)' right after an entity, if the text starts with one."""
    m = re.match(r"\s*\(([A-Z][A-Za-z&.-]{1,9})\)", text)
    return m.group(1) if m else None

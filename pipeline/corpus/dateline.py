"""Read an article's own publication date from its dateline or byline, when the text carries one."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"

# Month-first ("August 22, 2020"), day-first ("Thursday, 6 May 2021") and ISO ("2021-05-06") forms.
_PATTERNS = [
    re.compile(_WEEKDAY + r"(?P<month>" + _MONTHS + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTHS + r"),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# A dateline without a year ("PHNOM PENH, Aug 22 (Reuters) -"): year comes from a fallback date.
_NO_YEAR = re.compile(
    r"^[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'-]{2,40},\s+(?P<month>" + _MONTHS + r")\s+(?P<day>\d{1,2})\b", re.MULTILINE)

HEAD_CHARS = 800  # a dateline or byline sits in the first lines of an article
BYLINE_LINE_CHARS = 60  # a date on a line this short (a byline, a timestamp) is the publication date
LABEL = re.compile(r"(?:published|updated|posted|date)\s*:?\s*$", re.I)


def _in_byline(head: str, start: int, end: int) -> bool:
    """A date on a short line of its own, after a 'Published:' label, or in a 'CITY, date' lead."""
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", end)
    line = head[line_start:line_end if line_end >= 0 else len(head)]
    before = head[line_start:start]
    return (len(line.strip()) <= BYLINE_LINE_CHARS or bool(LABEL.search(before))
            or bool(re.fullmatch(r"\s*[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'-]{2,40},\s*", before)))


def _make(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(m: re.Match) -> int:
    if m.groupdict().get("mnum"):
        return int(m.group("mnum"))
    return _MONTH_NUM[m.group("month")[:3].lower()]


def find_dateline(text: str, *, year_hint: Optional[int] = None) -> Optional[date]:
    """The first full date in the article's head, else a year-less dateline completed by `year_hint`."""
    head = text[:HEAD_CHARS]
    hits = []
    for pat in _PATTERNS:
        for m in pat.finditer(head):
            d = _make(int(m.group("year")), _month(m), int(m.group("day")))
            if d and _in_byline(head, m.start(), m.end()):
                hits.append((m.start(), d))
    if hits:
        return min(hits)[1]
    if year_hint:
        m = _NO_YEAR.search(head)
        if m:
            return _make(year_hint, _month(m), int(m.group("day")))
    return None

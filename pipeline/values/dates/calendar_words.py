"""Calendar vocabulary and date arithmetic shared by the date grammar and its resolvers."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from pipeline.values.numbers import parse_number
from pipeline.nlp.resources import read_csv


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """kind -> {word: value} from models/lexicons/date_words.csv."""
    table: dict[str, dict[str, str]] = {}
    for row in read_csv("lexicons/date_words.csv", ("word", "kind", "value")):
        table.setdefault(row["kind"], {})[row["word"].lower()] = row["value"]
    return table


def lookup(kind: str, word: Optional[str]) -> Optional[str]:
    """The value of a calendar word ('Sept.' -> '9' for kind month)."""
    return words().get(kind, {}).get((word or "").lower().rstrip(".").strip())


def month_of(word: Optional[str]) -> Optional[int]:
    value = lookup("month", word)
    return int(value) if value else None


def count_of(text: Optional[str]) -> Optional[int]:
    """'eight' -> 8, '16' -> 16, 'a' -> 1."""
    if text and text.lower() in ("a", "an"):
        return 1
    value = parse_number(text or "")
    return int(value) if value is not None and value == int(value) and value > 0 else None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), month_end(year, last)


def add_months(d: date, n: int) -> tuple[int, int]:
    """(year, month) n months after d's month."""
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def thirds(start: date, end: date, part: int) -> tuple[date, date]:
    """Early/mid/late third of a period: for a month days 1-10 / 11-20 / 21-end."""
    if start.month == end.month and start.year == end.year:
        bounds = {1: (1, 10), 2: (11, 20), 3: (21, end.day)}[part]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if start.year == end.year:
        first, last = {1: (1, 4), 2: (5, 8), 3: (9, 12)}[part]
        return month_span(start.year, first, last)
    years = end.year - start.year + 1
    size = max(1, years // 3)
    lo = {1: start.year, 2: start.year + size, 3: end.year - size + 1}[part]
    hi = {1: start.year + size, 2: end.year - size, 3: end.year}[part]
    return date(lo, 1, 1), date(max(lo, hi), 12, 31)


def weekday_before(ref: date, weekday: int, *, strictly: bool = False) -> date:
    """The most recent given weekday on (or strictly before) ref."""
    back = (ref.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return ref - timedelta(days=back)


def weekday_after(ref: date, weekday: int) -> date:
    ahead = (weekday - ref.weekday()) % 7 or 7
    return ref + timedelta(days=ahead)


def shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)

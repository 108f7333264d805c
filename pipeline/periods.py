"""Pure resolvers of the date grammar: matched groups + reference date -> DateValue (None when not a date)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Optional

from .calendar_words import (add_months, count_of, lookup, month_end, month_of, month_span, shift_years, thirds,
                             weekday_after, weekday_before)
from .values import DateValue

Groups = dict[str, Optional[str]]
NEAR_FUTURE_MONTHS = 2  # a bare month up to two months after publication is this year's; later ones last year's


def _date(start: date, end: date, granularity: str, relative: bool = False) -> DateValue:
    return DateValue("date", start, end, granularity, relative, True)


def _unresolved(granularity: str) -> DateValue:
    return DateValue("date", None, None, granularity, True, False)


def _valid(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day) if 1 <= year <= 9999 else None
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, ref: Optional[date]) -> Optional[date]:
    """dateparser on one atomic date text, anchored to ref and preferring the past."""
    import dateparser
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"], "STRICT_PARSING": False}
    if ref:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on some odd inputs; a normaliser must not
        return None
    return parsed.date() if parsed else None


def _year_of(g: Groups, ref: Optional[date]) -> tuple[Optional[int], bool]:
    """Explicit year, or one from 'this/last/next year' and the reference; (year, relative)."""
    if g.get("year"):
        return int(g["year"]), False
    rel = (g.get("rel") or "").lower()
    if not ref:
        return None, True
    offset = {"last": -1, "previous": -1, "the previous": -1, "a": -1, "next": 1}.get(rel, 0)
    return ref.year + offset, True


def ymd(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    d = _valid(int(g["year"]), int(g["mnum"]), int(g["day"]))
    return _date(d, d, "day") if d else None


def month_day_year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    d = _valid(int(g["year"]), month_of(g["month"]) or 0, int(g["day"]))
    return _date(d, d, "day") if d else None


def month_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    month, day = month_of(g["month"]), int(g["day"])
    if not ref:
        return _unresolved("day") if _valid(2000, month or 0, day) else None
    d = _valid(ref.year, month or 0, day)
    if d and d > ref + timedelta(days=NEAR_FUTURE_MONTHS * 30):
        d = _valid(ref.year - 1, month, day)
    d = d or _dateparser(f"{g['month']} {day}", ref)
    return _date(d, d, "day", relative=True) if d else None


def weekday(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    wd = lookup("weekday", g["weekday"])
    if wd is None:
        return None
    if not ref:
        return _unresolved("day")
    rel = (g.get("rel") or "").lower()
    if rel in ("next", "coming"):
        d = weekday_after(ref, int(wd))
    elif rel == "this":
        d = ref - timedelta(days=ref.weekday()) + timedelta(days=int(wd))
    else:
        d = weekday_before(ref, int(wd), strictly=rel in ("last", "past"))
    return _date(d, d, "day", relative=True)


def _with_part(start: date, end: date, g: Groups, granularity: str, relative: bool) -> DateValue:
    part = lookup("part", g.get("part"))
    if part:
        start, end = thirds(start, end, int(part))
        granularity = "range"
    return _date(start, end, granularity, relative)


def month_year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    month = month_of(g["month"])
    if not month:
        return None
    start, end = month_span(int(g["year"]), month, month)
    return _with_part(start, end, g, "month", False)


def month_rel(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    month = month_of(g["month"])
    if not month:
        return None
    if not ref:
        return _unresolved("month")
    rel = (g.get("rel") or "").lower()
    year = ref.year
    if rel in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel != "this" and month > ref.month + NEAR_FUTURE_MONTHS:
        year = ref.year - 1
    start, end = month_span(year, month, month)
    return _with_part(start, end, g, "month", True)


def year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    y = int(g["year"])
    return _with_part(date(y, 1, 1), date(y, 12, 31), g, "year", False)


def year_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    y1, raw = int(g["y1"]), g["y2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if y2 <= y1 or y2 - y1 > 60:
        return None
    return _date(date(y1, 1, 1), date(y2, 12, 31), "range")


def decade(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    d = int(g["decade"])
    return _with_part(date(d, 1, 1), date(d + 9, 12, 31), g, "decade", False)


def month_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    m1, m2 = month_of(g["m1"]), month_of(g["m2"])
    if not m1 or not m2 or m2 < m1:
        return None
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("range")
    if relative and not g.get("rel") and m2 > ref.month:
        y -= 1
    start, end = month_span(y, m1, m2)
    return _date(start, end, "range", relative)


def months_span(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    n = count_of(g["n"])
    if not n or n > 12:
        return None
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("range")
    if g["ord"].lower() == "first":
        start, end = month_span(y, 1, n)
    else:  # the last/past N months, up to the reference month
        ey, em = add_months(ref, -1) if ref else (y, 12)
        sy, sm = add_months(date(ey, em, 1), -(n - 1))
        start, end = date(sy, sm, 1), month_end(ey, em)
    return _date(start, end, "range", relative)


def _quarter_span(y: int, q: int) -> tuple[date, date]:
    return month_span(y, 3 * q - 2, 3 * q)


def _recent(q_start: Callable[[int], date], ref: date) -> int:
    """The year whose period (given by its start) began on or before ref."""
    return ref.year if q_start(ref.year) <= ref else ref.year - 1


def quarter(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    ordinal = g.get("qnum") or lookup("ordinal", g.get("ord"))
    if ordinal is None:
        return None
    q = int(ordinal)
    if q == -1 and not g.get("year") and not g.get("rel"):  # "last quarter": the previous one
        if not ref:
            return _unresolved("quarter")
        y, m = add_months(ref, -3)
        return _date(*_quarter_span(y, (m - 1) // 3 + 1), "quarter", True)
    q = 4 if q == -1 else q
    if q > 4:
        return None
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("quarter")
    if relative and not g.get("rel"):
        y = _recent(lambda yy: _quarter_span(yy, q)[0], ref)
    return _date(*_quarter_span(y, q), "quarter", relative)


def half(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    h = int(g["hnum"]) if g.get("hnum") else (1 if g["ord"].lower() in ("first", "1st") else 2)
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("half")
    if relative and not g.get("rel"):
        y = _recent(lambda yy: date(yy, 6 * h - 5, 1), ref)
    return _date(*month_span(y, 6 * h - 5, 6 * h), "half", relative)


def relative_unit(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    unit, rel = g["unit"].lower(), g["rel"].lower()
    if not ref:
        return _unresolved(unit)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "year":
        return _date(date(ref.year + step, 1, 1), date(ref.year + step, 12, 31), "year", True)
    if unit == "month":
        y, m = add_months(ref, step)
        return _date(*month_span(y, m, m), "month", True)
    if unit == "quarter":
        y, m = add_months(ref, 3 * step)
        return _date(*_quarter_span(y, (m - 1) // 3 + 1), "quarter", True)
    monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
    return _date(monday, monday + timedelta(days=6), "week", True)


def relative_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    if not ref:
        return _unresolved("day")
    d = ref + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()])
    return _date(d, d, "day", True)


def ago(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    n, unit = count_of(g["n"]), lookup("unit", g["unit"])
    if not n or not unit:
        return None
    if not ref:
        return _unresolved("day")
    if unit in ("D", "W"):
        d = ref - timedelta(days=n * (7 if unit == "W" else 1))
        return _date(d, d, "day", True)
    if unit == "M":
        y, m = add_months(ref, -n)
        return _date(*month_span(y, m, m), "month", True)
    years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
    return _date(date(ref.year - years, 1, 1), date(ref.year - years, 12, 31), "year", True)


def same_period(g: Groups, ref: Optional[date], prev: Optional[DateValue] = None) -> Optional[DateValue]:
    """'the same period last year': the previous period mentioned, one year (or to the year named) earlier."""
    if prev is None or prev.start is None:
        return _unresolved("range")
    years = (int(g["year"]) - prev.start.year) if g.get("year") else -1
    return _date(shift_years(prev.start, years), shift_years(prev.end, years), prev.granularity, True)


def duration(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    n, unit = count_of(g["n"]), lookup("unit", g["unit"])
    if not n or not unit:
        return None
    value = {"DE": f"P{n * 10}Y", "CE": f"P{n * 100}Y"}.get(unit, f"P{n}{unit}")
    return DateValue("duration", None, None, value, False, True)


RESOLVERS: dict[str, Callable[..., Optional[DateValue]]] = {
    "ymd": ymd, "month_day_year": month_day_year, "month_day": month_day, "weekday": weekday,
    "month_year": month_year, "month_rel": month_rel, "year": year, "year_range": year_range, "decade": decade,
    "month_range": month_range, "months_span": months_span, "quarter": quarter, "half": half,
    "relative_unit": relative_unit, "relative_day": relative_day, "ago": ago, "same_period": same_period,
    "duration_adj": duration, "duration": duration,
}


def resolve(rule: str, groups: Groups, ref: Optional[date], previous: Optional[DateValue] = None) -> Optional[DateValue]:
    """Resolve one grammar match; None (never an exception) when the text is not a valid date."""
    try:
        return RESOLVERS[rule](groups, ref, previous)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None

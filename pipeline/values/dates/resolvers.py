"""Pure resolvers of the date grammar: matched groups + reference date -> DateValue (None when not a date)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Optional

from pipeline.values.dates.calendar_words import (add_months, count_of, lookup, month_end, month_of, month_span, shift_years, thirds,
                             weekday_after, weekday_before)
from pipeline.nlp.annotations import DateValue

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


def _two_digit_year(yy: str, ref: Optional[date]) -> int:
    """'18' -> 2018; a two-digit year more than ten years after the reference is last century's."""
    limit = (ref.year if ref else date.today().year) % 100 + 10
    return (2000 if int(yy) <= limit else 1900) + int(yy)


def _month_first(a: int, b: int) -> tuple[int, int]:
    """(month, day) of a numeric 'a/b': day first only when a cannot be a month (22/04)."""
    return (b, a) if a > 12 else (a, b)


def ymd(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """Numeric dates: 2020-08-22, 8/22/2020, 22-Aug-2020, 5/3/18; a year and month alone (2015-3, 12-2015)."""
    if g.get("dm1"):
        month, day = _month_first(int(g["dm1"]), int(g["dm2"]))
        d = _valid(_two_digit_year(g["yy"], ref), month, day)
        return _date(d, d, "day") if d else None
    month = int(g["mnum"]) if g.get("mnum") else month_of(g.get("month"))
    if not g.get("day"):
        return _date(*month_span(int(g["year"]), month, month), "month") if month and 1 <= month <= 12 else None
    day = int(g["day"])
    if month and month > 12 >= day:  # 22/04/2021 written day first
        month, day = day, month
    elif g.get("mnum") and _day_first_fits(int(g["year"]), month or 0, day, ref):
        month, day = day, month
    d = _valid(int(g["year"]), month or 0, day)
    return _date(d, d, "day") if d else None


DATELINE_DAYS = 3  # a numeric date this close to the publication date is the article's own dateline


def _day_first_fits(y: int, a: int, b: int, ref: Optional[date]) -> bool:
    """Whether 'a/b/y' is day first: only the day-first reading ('09/07/2022' in a story of 9 July 2022) falls within a
    few days of the publication date, as a dateline does; otherwise month first, as the peer suites read it."""
    first, second = _valid(y, a, b), _valid(y, b, a)
    if ref is None or not first or not second or first == second:
        return False
    near = lambda d: abs((d - ref).days) <= DATELINE_DAYS  # noqa: E731
    return near(second) and not near(first)


def _recent_day(month: int, day: int, ref: date) -> Optional[date]:
    """A day without a year: this year's, unless that is more than the near future after ref (then last year's)."""
    d = _valid(ref.year, month, day)
    if d and d > ref + timedelta(days=NEAR_FUTURE_MONTHS * 30):
        d = _valid(ref.year - 1, month, day)
    return d


def numeric_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'on 22/04', 'from 11/20': a numeric day and month, the year from the reference."""
    month, day = _month_first(int(g["dm1"]), int(g["dm2"]))
    if not _valid(2000, month, day):
        return None
    if not ref:
        return _unresolved("day")
    d = _recent_day(month, day, ref)
    return _date(d, d, "day", True) if d else None


def _span_days(first: tuple[Optional[int], int, int], last: tuple[Optional[int], int, int], ref: Optional[date]):
    """Start and end days of a day range; missing years from the end's year or the reference."""
    (y1, m1, d1), (y2, m2, d2) = first, last
    relative = y2 is None
    if y2 is None:
        if not ref:
            return None, None, True
        end = _recent_day(m2, d2, ref)
        if end is None:
            return None, None, True
        y2 = end.year
    if y1 is None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    return _valid(y1, m1, d1), _valid(y2, m2, d2), relative


def day_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'March 3-5', '3 to 5 March 2024', 'Nov 18-Dec 19, 2015', 'between 3 and 12 of Sept'."""
    m1 = month_of(g["month"])
    m2 = month_of(g.get("month2")) or m1
    if not m1 or not m2:
        return None
    y = int(g["year"]) if g.get("year") else None
    y1 = int(g["y1"]) if g.get("y1") else None
    start, end, relative = _span_days((y1, m1, int(g["d1"])), (y, m2, int(g["d2"])), ref)
    if start is None and end is None and relative:
        return _unresolved("range")
    if not start or not end or end <= start:
        return None
    return _date(start, end, "range", relative)


def numeric_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'from 10/1 to 11/7', 'between 10/1-11/7', 'from 5/1-5/7, 2020'."""
    y = int(g["year"]) if g.get("year") else None
    y1 = int(g["y1"]) if g.get("y1") else None
    start, end, relative = _span_days((y1, int(g["m1"]), int(g["d1"])), (y, int(g["m2"]), int(g["d2"])), ref)
    if start is None and end is None and relative:
        return _unresolved("range")
    if not start or not end or end <= start:
        return None
    return _date(start, end, "range", relative)


def _shift(d: date, n: int, unit: str) -> date:
    """d moved by n days, weeks, months, years or decades (day clamped to the month's end)."""
    if unit in ("D", "W"):
        return d + timedelta(days=n * (7 if unit == "W" else 1))
    if unit == "M":
        y, m = add_months(d, n)
        return date(y, m, min(d.day, month_end(y, m).day))
    return shift_years(d, n * (10 if unit == "DE" else 1))


def offset(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the next three days', 'the past five years', 'within 9 months': a span that starts or ends at the reference."""
    raw = (g["n"] or "").lower()
    n = {"few": 3, "several": 3}.get(raw) or (2 if raw.startswith("couple") else count_of(raw))
    unit = lookup("unit", g["unit"])
    if not n or not unit or unit == "CE":
        return None
    if not ref:
        return _unresolved("range")
    direction = g["dir"].lower()
    if direction == "within":
        return _date(ref, _shift(ref, n, unit) - timedelta(days=1), "range", True)
    if direction in ("past", "last", "previous"):
        return _date(_shift(ref, -n, unit), ref - timedelta(days=1), "range", True)
    return _date(ref + timedelta(days=1), _shift(ref, n, unit), "range", True)


def _unit_span(unit: str, ref: date) -> tuple[date, date]:
    if unit == "year":
        return date(ref.year, 1, 1), date(ref.year, 12, 31)
    if unit == "month":
        return month_span(ref.year, ref.month, ref.month)
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday())
        return monday, monday + timedelta(days=6)
    return ref, ref


EDGES = {  # which part of a unit 'the beginning/end of the …' covers: (first, last) day offsets
    "year": {"start": lambda a, b: (a, date(a.year, 6, 30)), "end": lambda a, b: (date(a.year, 7, 1), b)},
    "month": {"start": lambda a, b: (a, a.replace(day=15)), "end": lambda a, b: (a.replace(day=16), b)},
    "week": {"start": lambda a, b: (a, a + timedelta(days=2)), "end": lambda a, b: (a + timedelta(days=3), b)},
    "day": {"start": lambda a, b: (a, b), "end": lambda a, b: (a, b)},
}


def part_of_unit(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'earlier this year', 'later this month', 'year to date', 'the end of the year', 'EOY'."""
    if not ref:
        return _unresolved("range")
    abbr = (g.get("abbr") or "").lower()
    when = (g.get("when") or "").lower() or "end"
    unit = {"eoy": "year", "eom": "month", "eow": "week", "eod": "day"}.get(abbr) or (g.get("unit") or "year").lower()
    if when == "year":  # year to date
        return _date(date(ref.year, 1, 1), max(date(ref.year, 1, 1), ref - timedelta(days=1)), "range", True)
    step = {"next": 1, "last": -1, "previous": -1}.get((g.get("rel") or "").lower(), 0)
    anchor = _shift(ref, step, {"year": "Y", "month": "M", "week": "W", "day": "D"}[unit]) if step else ref
    first, last = _unit_span(unit, anchor)
    if when == "earlier":
        return _date(first, max(first, ref - timedelta(days=1)), "range", True)
    if when == "later":
        return _date(ref, last, "range", True)
    edge = "start" if when in ("beginning", "start") else "end"
    return _date(*EDGES[unit][edge](first, last), "range", True)


def _iso_week_containing(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def nth_week(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the first week of 2015', 'the 3rd week of Jan', 'the last week of July' (ISO-style: the week holding the 4th)."""
    n = lookup("ordinal", g["ord"])
    if n is None:
        return None
    n = int(n)
    month = month_of(g.get("month"))
    year = int(g.get("year") or g.get("y2") or 0) or (ref.year if ref else None)
    if year is None:
        return _unresolved("week")
    first, last = month_span(year, month, month) if month else (date(year, 1, 1), date(year, 12, 31))
    if n == -1:
        return _date(*_iso_week_containing(last - timedelta(days=3)), "week", not g.get("year") and not g.get("y2"))
    start = _iso_week_containing(first + timedelta(days=3))[0] + timedelta(weeks=n - 1)
    if start > last:
        return None
    return _date(start, start + timedelta(days=6), "week", not g.get("year") and not g.get("y2"))


def week_of(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the week of April 10th': Monday to Sunday around that day."""
    month, day = month_of(g["month"]), int(g["day"])
    if g.get("year"):
        d = _valid(int(g["year"]), month or 0, day)
    elif ref:
        d = _recent_day(month or 0, day, ref)
    else:
        return _unresolved("week")
    return _date(*_iso_week_containing(d), "week", not g.get("year")) if d else None


def week_weekday(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'next week Wednesday', 'previous week - Monday': that weekday in the week named."""
    wd = lookup("weekday", g["weekday"])
    if wd is None:
        return None
    if not ref:
        return _unresolved("day")
    step = {"next": 1, "following": 1, "last": -1, "previous": -1}.get(g["rel"].lower(), 0)
    d = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step, days=int(wd))
    return _date(d, d, "day", True)


def quarters_span(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the past three quarters': whole quarters before (or after) the reference's own."""
    n = count_of(g["n"])
    if not n or n > 40:
        return None
    if not ref:
        return _unresolved("range")
    current = date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
    if g["dir"].lower() in ("past", "last", "previous"):
        y, m = add_months(current, -3 * n)
        return _date(date(y, m, 1), current - timedelta(days=1), "range", True)
    y, m = add_months(current, 3)
    ey, em = add_months(current, 3 * n + 2)
    return _date(date(y, m, 1), month_end(ey, em), "range", True)


def weekend(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'this weekend', 'last weekend', 'over the weekend' (early in the week: the one just gone)."""
    if not ref:
        return _unresolved("range")
    rel = (g.get("rel") or "").lower()
    step = {"last": -1, "past": -1, "next": 1, "coming": 0}.get(rel, 0)
    if rel in ("", "the") and ref.weekday() <= 1:
        step = -1
    saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5, weeks=step)
    return _date(saturday, saturday + timedelta(days=1), "range", True)


def day_of_month(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'on the 18th': the most recent day with that number, on or before the reference."""
    day = int(g["day"])
    if not ref:
        return _unresolved("day")
    y, m = ref.year, ref.month
    for _ in range(13):
        d = _valid(y, m, day)
        if d and d <= ref:
            return _date(d, d, "day", True)
        y, m = add_months(date(y, m, 1), -1)
    return None


def weekday_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'Wed 13th', 'Friday 31': the most recent such day that falls on that weekday."""
    wd, day = lookup("weekday", g["weekday"]), int(g["day"])
    if wd is None:
        return None
    if not ref:
        return _unresolved("day")
    y, m = ref.year, ref.month
    for _ in range(60):
        d = _valid(y, m, day)
        if d and d <= ref + timedelta(days=14) and d.weekday() == int(wd):
            return _date(d, d, "day", True)
        y, m = add_months(date(y, m, 1), -1)
    return None


def iso_week(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'week 31': ISO week 31 of the year named, else of the reference's year."""
    year = int(g["year"]) if g.get("year") else (ref.year if ref else None)
    if year is None:
        return _unresolved("week")
    monday = date.fromisocalendar(year, int(g["wn"]), 1)
    return _date(monday, monday + timedelta(days=6), "week", not g.get("year"))


def after_next(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the week after next', 'the year after next'."""
    return relative_unit({"unit": g["unit"], "rel": "next"}, _shift(ref, 1, g["unit"][0].upper()) if ref else None)


def century(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    c = int(g["c"])
    if not 1 <= c <= 21:
        return None
    return _date(date(max(1, (c - 1) * 100), 1, 1), date((c - 1) * 100 + 99, 12, 31), "century")


def month_day_year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    if not g.get("year"):  # 'the second of August': the year from the reference
        return month_day(g, ref)
    d = _valid(int(g["year"]), month_of(g["month"]) or 0, int(g["day"]))
    return _date(d, d, "day") if d else None


def month_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    month, day = month_of(g["month"]), int(g["day"])
    if not ref:
        return _unresolved("day") if _valid(2000, month or 0, day) else None
    d = _recent_day(month or 0, day, ref) or _dateparser(f"{g['month']} {day}", ref)
    return _date(d, d, "day", relative=True) if d else None


def weekday(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    wd = lookup("weekday", g["weekday"])
    if wd is None:
        return None
    if not ref:
        return _unresolved("day")
    rel = " ".join((g.get("rel") or "").lower().split())
    if rel in ("next", "coming", "following", "upcoming", "this coming", "this upcoming"):
        d = weekday_after(ref, int(wd))
    elif rel == "this":
        d = ref - timedelta(days=ref.weekday()) + timedelta(days=int(wd))
    else:
        d = weekday_before(ref, int(wd), strictly=rel in ("last", "past", "previous", "this past"))
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
    elif rel != "this" and month > ref.month + NEAR_FUTURE_MONTHS and not g.get("ahead"):  # 'through June': a bound
        year = ref.year - 1                                                                   # ahead, this year's
    start, end = month_span(year, month, month)
    return _with_part(start, end, g, "month", True)


def year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    y = int(g["year"])
    if g.get("fiscal") and g.get("_fiscal_start") and not g.get("part"):  # 'FY2023' in a country with its own fiscal year
        start_month = int(g["_fiscal_start"])
        first = y - 1 if g.get("_fiscal_named_by") == "end" else y
        return _date(date(first, start_month, 1), month_end(*add_months(date(first, start_month, 1), 11)), "range")
    return _with_part(date(y, 1, 1), date(y, 12, 31), g, "year", False)


def fiscal_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'fiscal year 2021-22': twelve months from the country's fiscal start in the first year (April by default)."""
    y1, raw = int(g["y1"]), g["y2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if y2 != y1 + 1:
        return year_range({"y1": g["y1"], "y2": g["y2"]}, ref)
    start_month = int(g.get("_fiscal_start") or 4)
    return _date(date(y1, start_month, 1), month_end(*add_months(date(y1, start_month, 1), 11)), "range")


def year_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    y1, raw = int(g["y1"]), g["y2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if g.get("_fiscal_start") and len(raw) == 2 and y2 == y1 + 1 and not g.get("between"):  # '2023-24' in Indian news
        return fiscal_range(g, ref)
    if len(raw) == 2 and y2 <= y1 and 1 <= int(raw) <= 12 and not g.get("between"):  # '2015-12': December 2015
        return _date(*month_span(y1, int(raw), int(raw)), "month")
    if y2 <= y1 or y2 - y1 > 60:
        return None
    return _date(date(y1, 1, 1), date(y2, 12, 31), "range")


def decade(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    d = int(g["decade"])
    return _with_part(date(d, 1, 1), date(d + 9, 12, 31), g, "decade", False)


def month_range(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    m1, m2 = month_of(g["m1"]), month_of(g["m2"])
    if not m1 or not m2 or m1 == m2:
        return None
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("range")
    if relative and not g.get("rel") and m2 > ref.month:
        y -= 1
    if m2 < m1:  # 'November to March': the range crosses into the year it ends in
        return _date(month_span(y - 1, m1, m1)[0], month_span(y, m2, m2)[1], "range", relative)
    start, end = month_span(y, m1, m2)
    return _date(start, end, "range", relative)


def months_span(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    n = count_of(g["n"])
    if not n or n > 12:
        return None
    if g.get("fy1"):  # 'the first four months of the 2024-2025 fiscal year'
        first = date(int(g["fy1"]), int(g.get("_fiscal_start") or 4), 1)
        if g["ord"].lower() != "first":
            first = date(*add_months(first, 12 - n), 1)
        return _date(first, month_end(*add_months(first, n - 1)), "range")
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("range")
    ordinal = (g.get("ord") or "first").lower()  # 'the eight months of 2019': the first eight
    if ordinal in ("first", "opening", "initial") or _so_far(ordinal, n, y, ref):
        start, end = month_span(y, 1, n)
    elif g.get("year") or g.get("rel") or g.get("theyear"):  # 'the last four months of 2021'
        start, end = month_span(y, 13 - n, 12)
    else:  # the last/past N months, up to the reference month
        ey, em = add_months(ref, -1) if ref else (y, 12)
        sy, sm = add_months(date(ey, em, 1), -(n - 1))
        start, end = date(sy, sm, 1), month_end(ey, em)
    return _date(start, end, "range", relative)


def _so_far(ordinal: str, n: int, y: int, ref: Optional[date]) -> bool:
    """'the past seven months of 2018' said in 2018: the months of the year so far, January to July, not the last
    seven months of a year that has not ended ('the last four months of this year' stays September-December); 'past'
    with a year named is said while that year runs, so it is read so even without a reference."""
    return ordinal == "past" and (ref is None or y == ref.year and n <= ref.month)


def quarters_of(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'the (first) three quarters of this year', 'the first two quarters of 2019': Q1 to Qn of that year."""
    n = count_of(g["n"])
    if not n or n > 4:
        return None
    y, relative = _year_of(g, ref)
    if y is None:
        return _unresolved("range")
    return _date(*month_span(y, 1, 3 * n), "range", relative)


def month_day_rel(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'August 5 last year', '12 March this year': that day in the year named relative to the reference."""
    y, _ = _year_of(g, ref)
    if y is None:
        return _unresolved("day")
    d = _valid(y, month_of(g["month"]) or 0, int(g["day"]))
    return _date(d, d, "day", True) if d else None


def month_rel_year(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'August last year', 'in March next year': that month of the year named relative to the reference."""
    month = month_of(g["month"])
    y, _ = _year_of(g, ref)
    if not month:
        return None
    if y is None:
        return _unresolved("month")
    start, end = month_span(y, month, month)
    return _with_part(start, end, g, "month", True)


def fy_short(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'FY25', 'FY24-25', 'CY18': a fiscal (or calendar) year written with two digits."""
    y = _two_digit_year(g["yy"], ref)
    if g.get("yy2"):
        if (y + 1) % 100 != int(g["yy2"]):
            return None
        return fiscal_range(dict(g, y1=str(y), y2=g["yy2"]), ref)
    if g["fiscal"].upper() == "CY":
        return _date(date(y, 1, 1), date(y, 12, 31), "year")
    return year(dict(g, year=str(y)), ref)


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
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1}.get(rel, 0)
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


DAY_WORDS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1, "tmrw": 1, "now": 0,
             "after": 2, "before": -2}


def relative_day(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'today', 'yesterday', 'tonight', 'this morning', 'last night', 'tomorrow evening'."""
    if not ref:
        return _unresolved("day")
    d = ref + timedelta(days=DAY_WORDS[g["word"].lower().split()[0]])
    return _date(d, d, "day", True)


def future_offset(g: Groups, ref: Optional[date], prev=None) -> Optional[DateValue]:
    """'will be back in two weeks', 'two weeks from now', 'three days from tomorrow': the day that far ahead."""
    n, unit = count_of(g["n"]), lookup("unit", g["unit"])
    if not n or not unit or unit not in ("D", "W", "M", "Y"):
        return None
    if not ref:
        return _unresolved("day")
    anchor = ref + timedelta(days=DAY_WORDS.get((g.get("anchor") or "now").lower(), 0))
    d = _shift(anchor, n, unit)
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
    "duration_adj": duration, "duration": duration, "numeric_day": numeric_day, "day_range": day_range,
    "date_range": day_range, "numeric_range": numeric_range, "offset": offset, "part_of_unit": part_of_unit,
    "nth_week": nth_week, "week_of": week_of, "week_weekday": week_weekday, "century": century,
    "quarters_span": quarters_span, "fiscal_range": fiscal_range, "weekend": weekend, "day_of_month": day_of_month, "weekday_day": weekday_day,
    "iso_week": iso_week, "after_next": after_next, "quarters_of": quarters_of, "month_day_rel": month_day_rel,
    "month_rel_year": month_rel_year, "fy_short": fy_short, "future_offset": future_offset,
}


def resolve(rule: str, groups: Groups, ref: Optional[date], previous: Optional[DateValue] = None) -> Optional[DateValue]:
    """Resolve one grammar match; None (never an exception) when the text is not a valid date."""
    if groups.get("dayw"):  # 'the twenty-second of June': the day of the month written in words
        groups = dict(groups, day=lookup("dayword", " ".join(groups["dayw"].lower().replace("-", " ").split())))
    try:
        return RESOLVERS[rule](groups, ref, previous)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None

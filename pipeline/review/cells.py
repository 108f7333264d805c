"""Table cells as the report shows them: the tables' own values, only laid out (separators, units), never recomputed."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation


def figure(value: str) -> str:
    """A number as written in the table, with thousands separators ('924000000.0' -> '924,000,000')."""
    value = (value or "").strip()
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    if number == number.to_integral_value():
        return f"{int(number):,}"
    whole, _, fraction = value.lstrip("+-").partition(".")
    sign = "-" if value.startswith("-") else ""
    return f"{sign}{int(whole or '0'):,}.{fraction}"


def percent(value: str) -> str:
    """'20.0' -> '20.0%' (the table's value, its unit added)."""
    value = (value or "").strip()
    return f"{value}%" if value else ""


def period(start: str, end: str) -> str:
    """'2024-01-01'..'2024-08-31' as one cell; a single day once."""
    start, end = (start or "").strip(), (end or "").strip()
    if not end or start == end:
        return start
    return f"{start} – {end}" if start else f"– {end}"

"""When a predicted row answers a gold item: one small rule per table (docs/gold-format.md, "How items match")."""
from __future__ import annotations

from pipeline.review.gold import fold_name
from pipeline.review.scores import close, number, text

MONEY_RELATIVE = 1e-6  # money values agree within a millionth (of the value, at least 1 unit)
PERCENT_ABSOLUTE = 1e-6
RECORD_VALUE_RELATIVE = 0.01  # a trade record's value_usd within 1%
RECORD_PERCENT_ABSOLUTE = 0.05  # change_pct, share_pct within 0.05 points


def same_amount(row: dict, gold: dict) -> bool:
    """Money: the value (scale applied) and the currency."""
    expected = number(gold.get("value"))
    if expected is None:
        return False
    tolerance = MONEY_RELATIVE * max(1.0, abs(expected))
    return close(number(row.get("value")), expected, tolerance) and \
        text(row.get("currency")).upper() == text(gold.get("currency")).upper()


def same_percentage(row: dict, gold: dict) -> bool:
    """Percentages: the value and the unit (percent unless said otherwise)."""
    found, expected = number(row.get("value")), number(gold.get("value"))
    if found is None or expected is None or abs(found - expected) >= PERCENT_ABSOLUTE:
        return False
    return (text(row.get("unit")) or "percent") == (text(gold.get("unit")) or "percent")


def same_date(row: dict, gold: dict) -> bool:
    """Dates: the covered days (start and end); durations: their ISO 8601 length."""
    if text(gold.get("type")) == "duration":
        return text(row.get("type")) == "duration" and \
            text(row.get("granularity")).upper() == text(gold.get("granularity")).upper()
    return (text(row.get("start")), text(row.get("end"))) == (text(gold.get("start")), text(gold.get("end")))


def flow_key(record: dict) -> tuple:
    """The flow with its two sides; an export from A to B is B's import from A, bilateral trade has no direction."""
    flow = text(record.get("flow")).lower()
    reporter, partner = text(record.get("reporter")).upper(), text(record.get("partner")).upper()
    if flow in ("export", "import"):
        seller, buyer = (reporter, partner) if flow == "export" else (partner, reporter)
        return ("goods", seller, buyer)
    if flow == "bilateral":
        return (flow, *sorted((reporter, partner)))
    return (flow, reporter, partner)


def same_commodity(row: dict, gold: dict) -> bool:
    """No goods named on both sides; or names where one contains the other; or, when the row names none, an HS code
    in the gold code's chapter."""
    wanted, found = fold_name(gold.get("commodity")), fold_name(row.get("commodity"))
    if not wanted:
        return not found
    if found:
        return wanted in found or found in wanted
    gold_hs, row_hs = text(gold.get("hs_code")), text(row.get("hs_code"))
    return bool(gold_hs and row_hs) and row_hs.startswith(gold_hs[:2])


def same_figure(row: dict, gold: dict) -> bool:
    """The record's figure: value_usd within 1% when the gold states one, else the change, else the share."""
    expected = number(gold.get("value_usd"))
    if expected is not None:
        return close(number(row.get("value_usd")), expected, RECORD_VALUE_RELATIVE * expected)
    for column in ("change_pct", "share_pct"):
        expected = number(gold.get(column))
        if expected is not None:
            return close(number(row.get(column)), expected, RECORD_PERCENT_ABSOLUTE)
    return False


def same_trade_record(row: dict, gold: dict) -> bool:
    """Trade records: flow and parties, commodity, and value or growth."""
    return flow_key(row) == flow_key(gold) and same_commodity(row, gold) and same_figure(row, gold)


def same_trade_field(row: dict, gold: dict, column: str) -> bool:
    """One field of a matched record: the period (both ends) or a figure within 0.05."""
    if column == "period":
        return (text(row.get("period_start")), text(row.get("period_end"))) == \
            (text(gold.get("period_start")), text(gold.get("period_end")))
    return close(number(row.get(column)), number(gold.get(column)), RECORD_PERCENT_ABSOLUTE)


def same_event(row: dict, gold: dict, strict: bool = False) -> bool:
    """Events: the type and the two countries (either order); strict also asks the dates to overlap the gold's."""
    if text(row.get("event_type")) != text(gold.get("event_type")):
        return False
    if _actors(row) != _actors(gold):
        return False
    if not strict or not text(gold.get("date_start")):
        return True
    start, end = text(row.get("date_start")), text(row.get("date_end")) or text(row.get("date_start"))
    gold_start, gold_end = text(gold.get("date_start")), text(gold.get("date_end")) or text(gold.get("date_start"))
    return bool(start) and start <= gold_end and gold_start <= end


def _actors(item: dict) -> set[str]:
    return {text(item.get("actor1")).upper(), text(item.get("actor2")).upper()}

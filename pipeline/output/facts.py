"""Facts across a run: one row per trade flow (reporter, partner, flow, goods, period) and per diplomacy event
(type, the two countries, overlapping dates), however many articles report it, with its support and any
disagreement. Built from the run's trade_records / diplomacy_events rows alone, in an order that does not depend on
the order of the documents (so every engine and worker count gives the same tables)."""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import Iterable, Optional

MIRROR = {"export": "import", "import": "export"}
FLOW_CODES = {"export": "X", "import": "M"}  # UN Comtrade's flow codes
BLOC_M49 = {"WLD": "0", "EUU": "97"}  # Comtrade's World and European Union partner codes
CURRENCY_TOLERANCE = 0.02  # reports in different currencies agree within 2% (conversion at different rates)


@lru_cache(maxsize=None)
def m49(code: str) -> str:
    """UN M49 numeric code of an ISO3 country (ISO 3166-1 numeric, as pycountry gives it), Comtrade's bloc codes."""
    if code in BLOC_M49:
        return BLOC_M49[code]
    try:
        import pycountry
        country = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError, KeyError):
        return ""
    return str(int(country.numeric)) if country is not None else ""


def _number(v) -> Optional[float]:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def rounding(value: float) -> float:
    """Half a unit of the last significant digit a figure was written with ('$1.8 billion' -> 0.05 billion)."""
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    whole, _, decimals = digits.partition(".")
    if decimals:
        return 0.5 * 10 ** -len(decimals)
    stripped = whole.rstrip("0")
    return 0.5 * 10 ** (len(whole) - len(stripped)) if stripped else 0.5


def _precision(row: dict) -> int:
    """How many significant digits the record's own figure has (more = more precise)."""
    value = _number(row.get("value"))
    if value is None or value == 0:
        return 0
    return len(f"{abs(value):.6f}".replace(".", "").strip("0"))


def agree(a: dict, b: dict) -> bool:
    """Two reports of one fact agree when their dollar values differ by no more than the rounding of the less
    precise one (in its own currency, taken to dollars), or by 2% when their currencies differ."""
    ua, ub = _number(a.get("value_usd")), _number(b.get("value_usd"))
    if ua is None or ub is None:
        return True
    if (a.get("currency") or "") != (b.get("currency") or ""):
        return abs(ua - ub) <= CURRENCY_TOLERANCE * max(abs(ua), abs(ub))
    slack = max(_usd_rounding(a), _usd_rounding(b)) * (1 + 1e-9)
    qa, qb = a.get("qualifier", ""), b.get("qualifier", "")
    bounds = [_bound(m, o, slack, q) for m, o, q in ((ua, ub, qa), (ub, ua, qb)) if q in ("more_than", "less_than")]
    if bounds:
        return all(bounds)
    return abs(ua - ub) <= (2 * slack if "approx" in (qa, qb) else slack)


def _bound(mine: float, other: float, slack: float, qualifier: str) -> bool:
    """'more than $3.1 billion' agrees with any larger figure, 'under' with any smaller ('about': a whole unit)."""
    return other >= mine - slack if qualifier == "more_than" else other <= mine + slack


def _usd_rounding(row: dict) -> float:
    value, usd = _number(row.get("value")), _number(row.get("value_usd"))
    if not value or usd is None:
        return 0.0
    return rounding(value) * abs(usd / value)


def trade_key(row: dict) -> tuple:
    """A record's fact: one side of a flow ('imports from Cambodia' = Cambodia's exports) seen as the export."""
    reporter, partner, flow = row.get("reporter", ""), row.get("partner", ""), row.get("flow", "")
    if flow == "import":
        reporter, partner, flow = partner, reporter, "export"
    elif flow == "bilateral":
        reporter, partner = sorted((reporter, partner))
    goods = row.get("hs_code") or (row.get("commodity") or "").strip().lower()
    return (reporter, partner, flow, str(goods), row.get("period_start") or "", row.get("period_end") or "")


def _sorted_reports(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (str(r.get("doc_id", "")), str(r.get("record_id", ""))))


def _agreed(valued: list[dict]) -> Optional[dict]:
    """The report the others agree with most, the most precise of those (ties: the first by id)."""
    if not valued:
        return None
    support = {id(r): sum(agree(r, o) for o in valued) for r in valued}
    return max(valued, key=lambda r: (support[id(r)], _precision(r), -valued.index(r)))


def _side(reports: list[dict], key: tuple) -> tuple[str, str, str]:
    """The fact's orientation: as the export, unless every report states it as the import."""
    reporter, partner, flow = key[:3]
    if flow == "export" and all(r.get("flow") == "import" for r in reports):
        return partner, reporter, "import"
    if flow == "bilateral":  # as most reports name the pair (ties: alphabetical)
        sides = Counter((r.get("reporter", ""), r.get("partner", "")) for r in reports)
        reporter, partner = max(sides, key=lambda s: (sides[s], s == (reporter, partner)))
    return reporter, partner, flow


def _trade_fact(n: int, key: tuple, reports: list[dict]) -> dict:
    reports = _sorted_reports(reports)
    valued = [r for r in reports if _number(r.get("value_usd")) is not None]
    best = _agreed(valued)
    usd = [_number(r["value_usd"]) for r in valued]
    conflict = any(not agree(a, b) for i, a in enumerate(valued) for b in valued[i + 1:])
    weighed = [r for r in reports if _number(r.get("quantity")) is not None]
    volume = max(weighed, key=lambda r: (_precision({"value": r["quantity"]}), -weighed.index(r))) if weighed else None
    reporter, partner, flow = _side(reports, key)
    named = next((r for r in reports if r.get("commodity")), {})
    return {
        "fact_id": f"tf{n}", "reporter": reporter, "partner": partner, "flow": flow,
        "flow_code": FLOW_CODES.get(flow, ""), "commodity": named.get("commodity", ""),
        "hs_code": next((r["hs_code"] for r in reports if r.get("hs_code")), ""),
        "period_start": key[4], "period_end": key[5],
        "value_usd": _number(best["value_usd"]) if best else None,
        "value": _number(best.get("value")) if best else None, "currency": (best.get("currency") or "") if best else "",
        "n_reports": len(reports), "n_documents": len({r.get("doc_id") for r in reports}),
        "record_ids": ";".join(str(r.get("record_id", "")) for r in reports),
        "min_value_usd": min(usd) if usd else None, "max_value_usd": max(usd) if usd else None,
        "conflict": conflict, "tolerance_usd": max((_usd_rounding(r) for r in valued), default=None) if valued else None,
        "reporter_m49": m49(reporter), "partner_m49": m49(partner),
        "quantity": _number(volume["quantity"]) if volume else None,
        "quantity_unit": volume.get("quantity_unit", "") if volume else "",
        "net_weight_kg": _number(volume.get("net_weight_kg")) if volume else None,
    }


def trade_facts(records: Iterable[dict]) -> list[dict]:
    """trade_facts rows from every trade_records row of a run, in key order."""
    groups: dict[tuple, list[dict]] = {}
    for row in records:
        if row.get("reporter") and row.get("partner") and row.get("flow"):
            groups.setdefault(trade_key(row), []).append(row)
    return [_trade_fact(n + 1, key, groups[key]) for n, key in enumerate(sorted(groups))]


def _clusters(events: list[dict]) -> list[list[dict]]:
    """Events of one type and pair grouped by overlapping dates (undated ones together)."""
    dated = sorted((e for e in events if e.get("date_start")),
                   key=lambda e: (e["date_start"], e.get("date_end") or e["date_start"], str(e.get("event_id", ""))))
    out: list[list[dict]] = []
    end = ""
    for e in dated:
        if out and e["date_start"] <= end:
            out[-1].append(e)
        else:
            out.append([e])
            end = ""
        end = max(end, e.get("date_end") or e["date_start"])
    undated = [e for e in events if not e.get("date_start")]
    return out + ([undated] if undated else [])


def _event_fact(n: int, kind: str, pair: tuple, reports: list[dict]) -> dict:
    reports = sorted(reports, key=lambda r: (str(r.get("doc_id", "")), str(r.get("event_id", ""))))
    sides = Counter((r.get("actor1", ""), r.get("actor2", "")) for r in reports)
    actor1, actor2 = max(sides, key=lambda s: (sides[s], s == pair, s))
    places = Counter(r.get("location") for r in reports if r.get("location"))
    people = sorted({p for r in reports for p in str(r.get("participants") or "").split(";") if p})
    starts = [r["date_start"] for r in reports if r.get("date_start")]
    ends = [r.get("date_end") or r["date_start"] for r in reports if r.get("date_start")]
    return {
        "fact_id": f"ef{n}", "event_type": kind, "cameo": Counter(r.get("cameo", "") for r in reports).most_common(1)[0][0],
        "actor1": actor1, "actor2": actor2, "date_start": min(starts) if starts else "", "date_end": max(ends) if ends else "",
        "location": min(places, key=lambda p: (-places[p], p)) if places else "", "participants": ";".join(people),
        "n_reports": len(reports), "n_documents": len({r.get("doc_id") for r in reports}),
        "event_ids": ";".join(str(r.get("event_id", "")) for r in reports), "conflict": len(places) > 1,
        "actor1_m49": m49(actor1), "actor2_m49": m49(actor2),
    }


def event_facts(events: Iterable[dict]) -> list[dict]:
    """event_facts rows from every diplomacy_events row of a run: same type, same two countries, overlapping dates."""
    groups: dict[tuple, list[dict]] = {}
    for row in events:
        if row.get("event_type") and row.get("actor1") and row.get("actor2"):
            pair = tuple(sorted((row["actor1"], row["actor2"])))
            groups.setdefault((row["event_type"], pair), []).append(row)
    out = []
    for kind, pair in sorted(groups):
        for cluster in _clusters(groups[(kind, pair)]):
            out.append(_event_fact(len(out) + 1, kind, pair, cluster))
    return out


def run_tables(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The run-level tables from the run's rows."""
    return {"trade_facts": trade_facts(rows.get("trade_records", [])),
            "event_facts": event_facts(rows.get("diplomacy_events", []))}

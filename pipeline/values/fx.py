"""Convert amounts to US dollars offline: the bundled ECB history, else annual averages in models/."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from pipeline.nlp.resources import read_csv


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter  # bundled ECB data, no network
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@lru_cache(maxsize=1)
def annual_rates() -> dict[str, dict[int, float]]:
    """currency -> {year: units per USD} from models/lexicons/fx_annual.csv."""
    table: dict[str, dict[int, float]] = {}
    for row in read_csv("lexicons/fx_annual.csv", ("currency", "year", "per_usd", "source")):
        table.setdefault(row["currency"], {})[int(row["year"])] = float(row["per_usd"])
    return table


def _annual(value: float, currency: str, year: int) -> Optional[float]:
    years = annual_rates().get(currency)
    if not years:
        return None
    nearest = min(years, key=lambda y: abs(y - year))  # outside the table: the closest year known
    return value / years[nearest]


@lru_cache(maxsize=4096)
def _ecb_rate(currency: str, on: date) -> Optional[float]:
    try:
        return _converter().convert(1.0, currency, "USD", date=on)
    except Exception:  # unknown currency or date outside the bundled history
        return None


def to_usd(value: Optional[float], currency: Optional[str], on: Optional[date] = None) -> Optional[float]:
    """`value` of `currency` in USD at the rate of `on` (default: mid of last year); None when unknown."""
    if value is None or not currency:
        return None
    if currency == "USD":
        return float(value)
    on = on or date(date.today().year - 1, 7, 1)
    if currency in annual_rates():
        return _annual(value, currency, on.year)
    rate = _ecb_rate(currency, on)
    return value * rate if rate is not None else None

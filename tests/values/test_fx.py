"""USD conversion: ECB history for major currencies, the annual table for the rest, USD to itself."""
from datetime import date

import pytest

from pipeline.values.fx import annual_rates, to_usd


def test_fx_usd_converts_to_itself():
    assert to_usd(5.0, "USD", date(2020, 1, 1)) == 5.0


@pytest.mark.parametrize("currency,on,low,high", [
    ("JPY", date(2022, 4, 25), 0.0070, 0.0085), ("EUR", date(2021, 6, 1), 1.15, 1.25),
    ("THB", date(2023, 1, 2), 0.027, 0.032), ("KHR", date(2021, 5, 7), 1 / 4200, 1 / 4000),
    ("VND", date(2021, 5, 7), 1 / 24000, 1 / 22500), ("LAK", date(2023, 3, 1), 1 / 20000, 1 / 15000),
])
def test_fx_rate_in_plausible_band(currency, on, low, high):
    assert low <= to_usd(1.0, currency, on) <= high


@pytest.mark.parametrize("value,currency", [(None, "USD"), (1.0, ""), (1.0, "XXX")])
def test_fx_unknown_is_none(value, currency):
    assert to_usd(value, currency, date(2020, 1, 1)) is None


def test_fx_annual_table_covers_currencies_the_ecb_lacks():
    assert {"KHR", "VND", "LAK", "MMK"} <= set(annual_rates())

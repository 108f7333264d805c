"""When a predicted row answers a gold item: the rule of each table, case by case (values: own)."""
import pytest

from pipeline.review import matching
from pipeline.review.gold import fold_name


@pytest.mark.parametrize("row, gold, same", [
    ({"value": "2900000000.0", "currency": "USD"}, {"value": 2.9e9, "currency": "USD"}, True),
    ({"value": "2900000001.0", "currency": "usd"}, {"value": 2.9e9, "currency": "USD"}, True),   # within a millionth
    ({"value": "2910000000.0", "currency": "USD"}, {"value": 2.9e9, "currency": "USD"}, False),
    ({"value": "2900000000.0", "currency": "SGD"}, {"value": 2.9e9, "currency": "USD"}, False),
    ({"value": "", "currency": "USD"}, {"value": 2.9e9, "currency": "USD"}, False),
])
def test_money_by_value_and_currency(row, gold, same):
    assert matching.same_amount(row, gold) is same


@pytest.mark.parametrize("row, gold, same", [
    ({"value": "5.1", "unit": "percent"}, {"value": 5.1}, True),
    ({"value": "5.1", "unit": "percentage_point"}, {"value": 5.1, "unit": "percent"}, False),
    ({"value": "5.2", "unit": "percent"}, {"value": 5.1}, False),
])
def test_percentages_by_value_and_unit(row, gold, same):
    assert matching.same_percentage(row, gold) is same


@pytest.mark.parametrize("row, gold, same", [
    ({"type": "date", "start": "2024-01-01", "end": "2024-08-31"}, {"start": "2024-01-01", "end": "2024-08-31"}, True),
    ({"type": "date", "start": "2024-01-01", "end": "2024-12-31"}, {"start": "2024-01-01", "end": "2024-08-31"}, False),
    ({"type": "duration", "granularity": "p16y"}, {"type": "duration", "granularity": "P16Y"}, True),
    ({"type": "date", "start": "", "end": ""}, {"type": "duration", "granularity": "P16Y"}, False),
])
def test_dates_by_covered_days_durations_by_length(row, gold, same):
    assert matching.same_date(row, gold) is same


@pytest.mark.parametrize("row, gold, same", [
    ({"flow": "export", "reporter": "KHM", "partner": "VNM", "value_usd": "711000000"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "value_usd": 711e6}, True),   # one flow, two sides
    ({"flow": "bilateral", "reporter": "KHM", "partner": "VNM", "value_usd": "5.2e9"},
     {"flow": "bilateral", "reporter": "VNM", "partner": "KHM", "value_usd": 5.2e9}, True),
    ({"flow": "export", "reporter": "VNM", "partner": "KHM", "value_usd": "711000000"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "value_usd": 711e6}, False),  # the other direction
    ({"flow": "investment", "reporter": "JPN", "partner": "KHM", "value_usd": "2.9e9"},
     {"flow": "investment", "reporter": "KHM", "partner": "JPN", "value_usd": 2.9e9}, False),
    ({"flow": "export", "reporter": "KHM", "partner": "JPN", "value_usd": "930000000"},
     {"flow": "export", "reporter": "KHM", "partner": "JPN", "value_usd": 924e6}, True),   # within 1%
    ({"flow": "export", "reporter": "KHM", "partner": "JPN", "value_usd": "940000000"},
     {"flow": "export", "reporter": "KHM", "partner": "JPN", "value_usd": 924e6}, False),
    ({"flow": "export", "reporter": "KHM", "partner": "JPN", "change_pct": "20.0"},
     {"flow": "export", "reporter": "KHM", "partner": "JPN", "change_pct": 20}, True),     # growth when no value
    ({"flow": "export", "reporter": "KHM", "partner": "JPN", "share_pct": "5.1"},
     {"flow": "export", "reporter": "KHM", "partner": "JPN", "share_pct": 5.1}, True),
    ({"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "cashew nuts", "value_usd": "711e6"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "cashew", "value_usd": 711e6}, True),
    ({"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "", "hs_code": "0801", "value_usd": "711e6"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "cashew", "hs_code": "08", "value_usd": 711e6}, True),
    ({"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "rubber", "value_usd": "711e6"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "cashew", "value_usd": 711e6}, False),
    ({"flow": "import", "reporter": "VNM", "partner": "KHM", "commodity": "rubber", "value_usd": "711e6"},
     {"flow": "import", "reporter": "VNM", "partner": "KHM", "value_usd": 711e6}, False),  # gold: all goods
])
def test_trade_records_by_flow_parties_goods_and_figure(row, gold, same):
    assert matching.same_trade_record(row, gold) is same


@pytest.mark.parametrize("row, strict, same", [
    ({"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-25"}, True, True),
    ({"event_type": "meeting", "actor1": "JPN", "actor2": "KHM", "date_start": "2024-09-25"}, False, True),
    ({"event_type": "visit", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-25"}, False, False),
    ({"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-20"}, False, True),
    ({"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-20"}, True, False),
    ({"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-20",
      "date_end": "2024-09-26"}, True, True),  # a span that overlaps the day
    ({"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": ""}, True, False),
])
def test_events_by_type_and_parties_strict_by_date(row, strict, same):
    gold = {"event_type": "meeting", "actor1": "KHM", "actor2": "JPN", "date_start": "2024-09-25", "date_end": "2024-09-25"}
    assert matching.same_event(row, gold, strict) is same


@pytest.mark.parametrize("a, b", [("Việt Nam", "viet nam"), ("H.E. KISHIDA Fumio", "h e kishida fumio"),
                                  ("Đỗ Hùng Việt", "do hung viet"), ("  Japan External  Trade ", "japan external trade")])
def test_names_fold_case_accents_and_punctuation(a, b):
    assert fold_name(a) == b

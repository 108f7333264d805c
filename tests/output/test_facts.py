"""Facts across a run: which reports are one fact, when they agree, and tables independent of document order."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.output.facts import agree, event_facts, m49, rounding, trade_facts, trade_key


def rec(doc, n, reporter, partner, flow, value, currency="USD", qualifier="exact", usd=None, commodity="",
        period=("2022-01-01", "2022-12-31"), **extra):
    return {"doc_id": doc, "record_id": f"{doc}-t{n}", "reporter": reporter, "partner": partner, "flow": flow,
            "commodity": commodity, "hs_code": "", "value": value, "currency": currency,
            "value_usd": value if usd is None else usd, "qualifier": qualifier, "period_start": period[0],
            "period_end": period[1], **extra}


@pytest.mark.parametrize("value,half_unit,provenance", [
    (1.789e9, 5e5, "'$1.789 billion': half a million"), (1.8e9, 5e7, "'$1.8 billion'"), (2e9, 5e8, "'$2 billion'"),
    (711e6, 5e5, "'$711 million'"), (318.3e6, 5e4, "'$318.3 million'"), (12.5, 0.05, "a decimal figure"),
])
def test_rounding_is_half_the_last_digit(value, half_unit, provenance):
    assert rounding(value) == pytest.approx(half_unit), provenance


@pytest.mark.parametrize("a,b,same,provenance", [
    (rec("x", 1, "KHM", "JPN", "bilateral", 1.789e9), rec("y", 1, "KHM", "JPN", "bilateral", 1.79e9), True,
     "Phnom Penh Post vs Khmer Times rounding"),
    (rec("x", 1, "KHM", "JPN", "bilateral", 1.789e9), rec("y", 1, "KHM", "JPN", "bilateral", 1.8e9), True,
     "'$1.8 billion' covers 1.75-1.85"),
    (rec("x", 1, "KHM", "JPN", "bilateral", 1.789e9), rec("y", 1, "KHM", "JPN", "bilateral", 2.3e9), False, "a real conflict"),
    (rec("x", 1, "KHM", "THA", "bilateral", 3.169e9), rec("y", 1, "KHM", "THA", "bilateral", 3.1e9, qualifier="more_than"),
     True, "'more than $3.1 billion'"),
    (rec("x", 1, "KHM", "THA", "bilateral", 2.5e9), rec("y", 1, "KHM", "THA", "bilateral", 3.1e9, qualifier="more_than"),
     False, "below a 'more than' figure"),
    (rec("x", 1, "THA", "MMR", "export", 16.8e9, "THB", usd=4.80e8), rec("y", 1, "THA", "MMR", "export", 4.85e8), True,
     "baht converted vs a dollar report: 2%"),
])
def test_agreement(a, b, same, provenance):
    assert agree(a, b) is same and agree(b, a) is same, provenance


def test_two_sides_of_a_flow_are_one_fact():
    assert trade_key(rec("x", 1, "VNM", "KHM", "import", 1e9)) == trade_key(rec("y", 1, "KHM", "VNM", "export", 1e9))
    assert trade_key(rec("x", 1, "KHM", "JPN", "bilateral", 1e9)) == trade_key(rec("y", 1, "JPN", "KHM", "bilateral", 1e9))
    assert trade_key(rec("x", 1, "KHM", "VNM", "export", 1e9)) != trade_key(rec("y", 1, "KHM", "VNM", "import", 1e9))


def test_fact_row():
    rows = [rec("a", 1, "KHM", "JPN", "bilateral", 1.789e9), rec("b", 1, "KHM", "JPN", "bilateral", 1.79e9),
            rec("c", 1, "JPN", "KHM", "bilateral", 1.8e9, qualifier="approx"), rec("d", 2, "KHM", "JPN", "bilateral", 2.3e9),
            rec("a", 2, "VNM", "KHM", "import", 711e6, quantity=1e6, quantity_unit="tonne", net_weight_kg=1e9),
            rec("b", 2, "KHM", "VNM", "export", 7.1e8)]
    facts = {(f["reporter"], f["partner"], f["flow"]): f for f in trade_facts(rows)}
    pair = facts[("KHM", "JPN", "bilateral")]
    assert (pair["n_reports"], pair["n_documents"], pair["conflict"]) == (4, 4, True)
    assert pair["value_usd"] == 1.789e9 and (pair["min_value_usd"], pair["max_value_usd"]) == (1.789e9, 2.3e9)
    assert pair["record_ids"] == "a-t1;b-t1;c-t1;d-t2" and pair["flow_code"] == ""
    flow = facts[("KHM", "VNM", "export")]
    assert (flow["n_reports"], flow["conflict"], flow["value_usd"], flow["flow_code"]) == (2, False, 711e6, "X")
    assert (flow["reporter_m49"], flow["partner_m49"], flow["net_weight_kg"]) == ("116", "704", 1e9)


def test_only_imports_stay_imports():
    [fact] = trade_facts([rec("a", 1, "VNM", "KHM", "import", 1e9)])
    assert (fact["reporter"], fact["partner"], fact["flow"], fact["flow_code"]) == ("VNM", "KHM", "import", "M")


@pytest.mark.parametrize("code,expected", [("KHM", "116"), ("JPN", "392"), ("USA", "840"), ("WLD", "0"), ("EUU", "97"),
                                           ("ASEAN", "")])
def test_m49(code, expected):
    assert m49(code) == expected


def ev(doc, n, kind, a1, a2, start, end="", location=""):
    return {"doc_id": doc, "event_id": f"{doc}-v{n}", "event_type": kind, "cameo": "040", "actor1": a1, "actor2": a2,
            "participants": "", "location": location, "date_start": start, "date_end": end or start}


def test_event_facts_overlapping_dates():
    events = [ev("a", 1, "meeting", "KHM", "JPN", "2023-05-20", location="Tokyo"),
              ev("b", 1, "meeting", "JPN", "KHM", "2023-05-19", "2023-05-21", location="Tokyo"),
              ev("c", 1, "meeting", "KHM", "JPN", "2023-09-01", location="Phnom Penh"),
              ev("c", 2, "visit", "KHM", "JPN", "2023-05-20")]
    facts = event_facts(events)
    assert [(f["event_type"], f["n_reports"], f["date_start"], f["date_end"]) for f in facts] == [
        ("meeting", 2, "2023-05-19", "2023-05-21"), ("meeting", 1, "2023-09-01", "2023-09-01"),
        ("visit", 1, "2023-05-20", "2023-05-20")]
    assert facts[0]["event_ids"] == "a-v1;b-v1" and not facts[0]["conflict"]


ROWS = [rec("a", 1, "KHM", "JPN", "bilateral", 1.789e9), rec("b", 1, "JPN", "KHM", "bilateral", 1.79e9),
        rec("c", 1, "KHM", "JPN", "bilateral", 2.3e9), rec("c", 2, "VNM", "KHM", "import", 7e8),
        rec("d", 1, "KHM", "VNM", "export", 7.04e8), rec("d", 2, "KHM", "VNM", "export", 7.1e8)]
EVENTS = [ev("a", 1, "meeting", "KHM", "JPN", "2023-05-20"), ev("b", 1, "meeting", "JPN", "KHM", "2023-05-19", "2023-05-21"),
          ev("c", 1, "meeting", "KHM", "JPN", "2023-05-21", "2023-05-25"), ev("d", 1, "visit", "KHM", "JPN", "")]


@settings(max_examples=60, deadline=None)
@given(st.permutations(ROWS), st.permutations(EVENTS))
def test_document_order_never_changes_the_facts(rows, events):
    assert trade_facts(rows) == trade_facts(ROWS)
    assert event_facts(events) == event_facts(EVENTS)

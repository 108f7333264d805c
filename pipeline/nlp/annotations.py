"""Normalised values carried on spans (`span._.value`) and records on docs: the shared vocabulary of all components."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass(frozen=True)
class MoneyValue:
    """A money amount: `value` in currency units with the scale applied."""

    value: float
    currency: Optional[str]
    qualifier: str = "exact"
    value_usd: Optional[float] = None
    usd_source: str = ""  # stated (the article gives the dollar figure) | converted (by rate) | '' (no rate)
    equivalent: bool = False  # restates the amount right before it in another currency: '3.4 trillion kip ($433.8 million)'


@dataclass(frozen=True)
class PercentValue:
    """A percentage or a percentage-point change."""

    value: float
    unit: str = "percent"  # percent | percentage_point | fraction
    qualifier: str = "exact"


@dataclass(frozen=True)
class QuantityValue:
    """A physical quantity ('3.1 million tonnes'): value with the scale applied, and its normalised form."""

    value: float
    unit: str  # as quantulum3 names it ('tonne', 'barrel'), else the lexicon's name ('twenty-foot equivalent unit')
    dimension: str  # mass | volume | volume flow | energy | power | area | count
    normal_value: Optional[float] = None  # in normal_unit, where convertible
    normal_unit: str = ""  # kg | litre | litre per day | kWh | '' (kept as stated)
    qualifier: str = "exact"


@dataclass(frozen=True)
class DateValue:
    """A calendar period (inclusive days) or a duration (ISO 8601 in `granularity`)."""

    type: str  # date | duration
    start: Optional[date] = None
    end: Optional[date] = None
    granularity: str = ""
    relative: bool = False
    resolved: bool = True


@dataclass(frozen=True)
class TradeRecord:
    """One reported figure about goods, investment or aid moving between two economies."""

    sentence_id: int
    evidence: str
    reporter: str
    partner: str
    flow: str
    commodity: str = ""
    hs_code: str = ""
    value: Optional[float] = None
    currency: str = ""
    value_usd: Optional[float] = None
    qualifier: str = ""
    period_start: Optional[date] = None
    period_end: Optional[date] = None
    change_pct: Optional[float] = None
    share_pct: Optional[float] = None
    rank: Optional[int] = None
    source: str = ""
    amount_id: str = ""
    pct_id: str = ""
    date_id: str = ""
    usd_source: str = ""  # stated | converted | '' (no dollar value)
    change_basis: str = ""  # yoy | mom | qoq | '' (growth compared with what, when the article says)
    partner_kind: str = ""  # country | bloc | world
    quantity: Optional[float] = None  # the volume stated for the same goods ('3.1 million tonnes of rice worth …')
    quantity_unit: str = ""
    net_weight_kg: Optional[float] = None  # the quantity in kg when it is a mass
    quantity_id: str = ""


@dataclass(frozen=True)
class DiplomacyEvent:
    """One event between states or their representatives."""

    sentence_id: int
    evidence: str
    event_type: str
    cameo: str
    actor1: str
    actor2: str
    participants: tuple[str, ...] = field(default_factory=tuple)
    location: str = ""
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    detail: str = ""
    trigger: str = ""
    date_id: str = ""

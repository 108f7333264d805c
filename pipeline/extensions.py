"""Every custom `Doc._` / `Span._` attribute the pipeline uses, registered once in one place."""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "doc_id": "",
    "reference_date": None,  # datetime.date or None
    "reference_date_source": "none",
    "published": None,  # datetime.date or None
    "title": "",
    "trade_records": None,  # list[TradeRecord], set by the trade component
    "events": None,  # list[DiplomacyEvent], set by the diplomacy component
    "doc_country": None,  # ISO3 the article is mostly about ("the Kingdom" stand-in), set by countries
}

SPAN_EXTENSIONS = {
    "value": None,  # MoneyValue | PercentValue | DateValue on spans of the value span groups
    "canonical": None,  # canonical name of an entity
    "country": None,  # ISO3 a GPE/NORP is or stands for; the country a person/org acts for
    "kb_id": None,  # stable identifier (iso3166:KHM, a Wikidata QID)
}

# Span group names filled by the value components.
AMOUNTS, PERCENTAGES, DATES = "amounts", "percentages", "dates"


def register() -> None:
    """Register the extensions; safe to call many times."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()

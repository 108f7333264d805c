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
    "furniture_start": None,  # char offset where trailing page furniture (related-article teasers) begins
    "country_ranking": (),  # the article's countries by mentions, most first (stand-ins take the first they fit)
    "doc_country": None,  # ISO3 the article is mostly about ("the Kingdom" stand-in), set by countries
}

SPAN_EXTENSIONS = {
    "canonical": None,  # canonical name of an entity
    "country": None,  # ISO3 a GPE/NORP is or stands for; the country a person/org acts for
    "kb_id": None,  # stable identifier (iso3166:KHM, a Wikidata QID)
    "title": None,  # a person's office as the text states it ("Deputy Prime Minister")
    "org_kind": None,  # an organisation's kind: government, international, company, media, other
}

# Span group names filled by the value components.
AMOUNTS, PERCENTAGES, DATES, QUANTITIES = "amounts", "percentages", "dates", "quantities"


def _value_key(span: Span) -> tuple:
    return ("news_value", span.label_, span.start_char, span.end_char)


def _get_value(span: Span):
    return span.doc.user_data.get(_value_key(span))


def _set_value(span: Span, value) -> None:
    span.doc.user_data[_value_key(span)] = value


def register() -> None:
    """Register the extensions; safe to call many times.

    `Span._.value` (MoneyValue | PercentValue | DateValue | QuantityValue) is keyed by the span's label as well as its
    offsets, so the same characters can carry a value in two span groups without one overwriting the other.
    """
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_get_value, setter=_set_value)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()

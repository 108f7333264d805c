"""Figures in text: numbers, money (with USD conversion), percentages, and dates/periods/durations,
each a spaCy component that fills a span group with normalised values (`span._.value`)."""

"""Dates, periods and durations: the grammar in `models/patterns/dates.jsonl` (finder), pure resolvers from
matched parts to a `DateValue`, and the calendar vocabulary and arithmetic they share."""

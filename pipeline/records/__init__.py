"""Facts built from the mentions of a sentence: trade records (flows, values, periods, commodities with HS
codes) and diplomacy events (type, actors, participants, place, date); `clauses` holds what both share."""

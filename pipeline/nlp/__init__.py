"""The base layer: the spaCy model and its sentence breaks, Doc/Span extensions, the shared value types,
`models/` resources (lexicons, the country gazetteer) and per-document indexes used by every stage."""

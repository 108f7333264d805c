"""The output contract: one row dataclass per table, rows from a processed Doc, the `Extraction` of
DataFrames, streaming sinks with atomic publishing, and the per-document result cache."""

"""Reading inputs into `Article`s: folders with a manifest, table files, in-memory items; decoding,
sanitising (offset-preserving) and the publication date from a dateline."""

"""Running a corpus: the assembled spaCy pipeline, batches through `nlp.pipe`, engines (this process,
local workers, Dask), the library's `extract()` and the CLI's run to a folder."""

"""The report's Jinja2 environment and its static files, read from the package (installed as package data)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates from pipeline/review/templates, HTML-escaped by default."""
    return jinja2.Environment(loader=jinja2.PackageLoader("pipeline.review", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@lru_cache(maxsize=None)
def static(name: str) -> str:
    """A file of pipeline/review/static (the page's CSS and script, inlined)."""
    return resources.files("pipeline.review").joinpath("static", name).read_text(encoding="utf-8")

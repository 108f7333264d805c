"""Paragraph and line breaks as sentence boundaries, set before the parser: a headline is never glued to the lead."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINAL = (".", "!", "?", "”", '"', "’", ")", ":")


@Language.factory("news_paragraphs")
class ParagraphBreaks:
    """A token after a blank line, or after a line that ends a sentence or is a headline, starts a sentence;
    a hard-wrapped line (no closing punctuation, the next line in lower case) does not."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if "\n" not in tok.text or not tok.is_space and not tok.text.endswith("\n"):
                continue
            nxt = doc[tok.i + 1]
            prev = doc[tok.i - 1] if tok.i > 0 else None
            blank = tok.text.count("\n") >= 2
            if blank or prev is None or prev.text.endswith(TERMINAL) or not nxt.text[:1].islower():
                nxt.is_sent_start = True
        return doc

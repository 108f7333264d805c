"""News credits: where an ambiguous agency name ('AP', 'Trend', 'Jiji', 'NNA') stands as a credit or attribution."""
from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.nlp.doc_index import text_of

CREDIT_BEFORE = re.compile(r"(?:[(\[/]\s*|[-–—]\s*|:\s*|\b(?:told|to|by|via|from|according to|said in|with|Writer:|Source:)\s+)$", re.I)
CREDIT_AFTER = re.compile(r"^(?:\s*[)\]]|\s+(?:reported|reports|said|says|news agency|correspondent|quoted|photo)\b|\s*[-–—:/]|[ \t]*$|\s+\d{1,2} [A-Z][a-z]+ \d{4})",
                          re.I | re.M)
DATELINE = re.compile(r"[A-Z][A-Za-z .,]*,\s*(?:[A-Z][a-z]{2,3}\.? \d{1,2}\s*)?")


def credited(ent: Span) -> bool:
    """An ambiguous alias ('AP', 'Trend', 'Jiji', 'NNA') stands where a news credit does, not as a common word."""
    text = text_of(ent.doc)
    before, after = text[max(0, ent.start_char - 30):ent.start_char], text[ent.end_char:ent.end_char + 20]
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    dateline = DATELINE.fullmatch(text[line_start:ent.start_char])
    return bool(CREDIT_BEFORE.search(before) or CREDIT_AFTER.match(after) or dateline)

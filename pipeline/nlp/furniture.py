"""Find page furniture scraped with an article: a trailing block of bulleted related-article teasers."""
from __future__ import annotations

import re
from typing import Optional

BULLET_LINE = re.compile(r"^[ \t]*[•●▪◦*·][ \t]+\S", re.MULTILINE)
MIN_BULLETS = 2
TAIL_SHARE = 0.5  # the block must start in the second half of the text


def furniture_start(text: str) -> Optional[int]:
    """Offset of the first line of a trailing run of >= 2 bullet teasers, else None."""
    starts = [m.start() for m in BULLET_LINE.finditer(text)]
    tail = [s for s in starts if s >= len(text) * TAIL_SHARE]
    return tail[0] if len(tail) >= MIN_BULLETS else None


def in_furniture(doc, char: int) -> bool:
    """Whether a character offset lies in the document's page furniture."""
    start = doc._.furniture_start
    return start is not None and char >= start

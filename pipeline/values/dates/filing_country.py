"""The country a story was filed from: the capital of its dateline ('DHAKA -- ', 'KUALA LUMPUR: ')."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.nlp.gazetteer import entry

HEAD_CHARS = 800  # a dateline sits in the first lines of an article
PLACE_LINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Z][\w .'’-]{2,30})?\s*(?:\([^)]{2,40}\)\s*)?(?:[-—–]{1,2}|:)\s", re.M)


def dateline_country(text: str) -> Optional[str]:
    """ISO3 of the capital an article was filed from ('DHAKA -- ', 'KUALA LUMPUR: '), when its head has a dateline."""
    for m in PLACE_LINE.finditer(text[:HEAD_CHARS]):
        found = entry(m.group("place").strip())
        if found and found[1] in ("capital", "name"):
            return found[0]
    return None

"""The country a story was filed from: the capital of its dateline ('DHAKA -- ', 'KUALA LUMPUR: ')."""
from __future__ import annotations

import re
from typing import Optional

from pipeline.nlp.gazetteer import entry

HEAD_CHARS = 800  # a dateline sits in the first lines of an article
PLACE_LINE = re.compile(r"^(?:\s*(?:date|published|updated|posted)?:?\s*(?:19|20)\d\d-[01]\d-[0-3]\d\s+)?\s*(?P<place>[A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Z][\w .'’-]{2,30})?\s*(?:\([^)]{2,40}\)\s*)?(?:[-—–]{1,2}|:)\s", re.M)


# 'Ulaanbaatar /MONTSAME/ As of …', 'Vientiane (VNA) – The …': a capital in title case with its agency's credit
AGENCY_LINE = re.compile(r"^\s*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s*(?:/[A-Z][A-Za-z]+/|\([A-Z][A-Za-z]+\))\s*(?:[-—–]{1,2}\s*)?", re.M)


def dateline_country(text: str) -> Optional[str]:
    """ISO3 of the capital an article was filed from ('DHAKA -- ', 'KUALA LUMPUR: ', 'Ulaanbaatar /MONTSAME/'),
    when its head has a dateline."""
    head = text[:HEAD_CHARS]
    for m in list(PLACE_LINE.finditer(head)) + list(AGENCY_LINE.finditer(head)):
        found = entry(m.group("place").strip())
        if found and found[1] in ("capital", "name"):
            return found[0]
    return None

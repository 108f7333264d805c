"""Decode article bytes safely and prepare hostile text for NLP without moving any character offset."""
from __future__ import annotations

import re
from typing import Optional

BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"II*\x00", b"MM\x00*")
TAG = re.compile(r"<(?:!--.*?--|/?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?|!DOCTYPE[^<>]*)>", re.S)
HTML_HINT = re.compile(r"<(?:html|body|p|div|br|span|a|h[1-6]|li|ul|table|script|style)\b", re.I)
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Undecodable(Exception):
    """The bytes are not text (binary) or in no encoding we can detect."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then UTF-8, then charset-normalizer's best guess; binary raises Undecodable."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise Undecodable("binary file (not text: NUL bytes or an image/archive signature)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise Undecodable("undecodable bytes (no text encoding detected)")
    return str(best), best.encoding


WESTERN = re.compile(r"[\x00-\x7f\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
                     r"\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]*")


def _western(data: bytes) -> Optional[str]:
    """English news not in UTF-8 is overwhelmingly Windows-1252: take it when every byte decodes to a Western
    letter or typographic mark (short texts give statistical detectors too little to go on)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = sum(1 for ch in text if ord(ch) > 127)
    plausible = high <= 0.05 * len(text) and not re.search(r"[^\x00-\x7f]{3}", text)  # not CJK/Cyrillic bytes
    return text if plausible and WESTERN.fullmatch(text) else None


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prepare(text: str) -> tuple[str, list[str]]:
    """Same-length text for the pipeline: HTML tags and control characters blanked; notes on what was done."""
    notes = []
    if HTML_HINT.search(text):
        text = TAG.sub(_blank, SCRIPT.sub(_blank, text))
        notes.append("html tags blanked")
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
        notes.append("control characters blanked")
    return text, notes


def split_points(text: str, limit: int) -> list[int]:
    """Chunk boundaries so that no chunk exceeds `limit` chars: paragraph, else sentence, else space, else hard."""
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last(window, "\n\n") or _last(window, ". ") or _last(window, " ") or limit
        bounds.append(start + cut)
        start += cut
    return bounds


def _last(window: str, sep: str) -> Optional[int]:
    i = window.rfind(sep)
    return i + len(sep) if i > len(window) // 2 else None

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
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise Undecodable("undecodable bytes (no text encoding detected)")
    return str(best), best.encoding


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

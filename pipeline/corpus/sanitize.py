"""Prepare hostile text for NLP without moving any character offset (decoding bytes is corpus/decoding.py)."""
from __future__ import annotations

import html
import re
from typing import Optional

from pipeline.corpus.decoding import Undecodable, decode  # noqa: F401  (where readers have always found them)
from pipeline.values.spacing import INVISIBLE

TAG = re.compile(r"<(?:!--.*?--|/?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?|!DOCTYPE[^<>]*)>", re.S)
HTML_HINT = re.compile(r"<(?:html|body|p|div|br|span|a|h[1-6]|li|ul|ol|table|t[rdh]|script|style|b|i|u|em|strong|small|"
                       r"sup|sub|font|mark|abbr|time|cite|q|blockquote|figure|figcaption|img|section|article|header|"
                       r"footer|nav|main|aside|hr|pre|code|meta|link|title|head|noscript|iframe)\b", re.I)
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SPACE_LIKE = re.compile(r"[^\S \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")  # NBSP, thin, narrow no-break, ideographic ...
LINE_LIKE = re.compile(r"[\x85\u2028\u2029]")  # next line, line and paragraph separators
ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});")
PUNCT_RUN = re.compile(r"[^\w\s]{32,}")  # '!!!!…', '((((…': quadratic in the tokenizer's affix search, and no words
LONG_CHUNK, CHUNK_GAP = re.compile(r"\S{400,}"), 400  # "'s's's…": no chunk between spaces longer than this


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _entity(match: re.Match) -> str:
    """A space entity ('&nbsp;', '&#8201;') as as many spaces, a zero-width one as as many zero-width characters."""
    ch = html.unescape(match.group())
    if len(ch) == 1 and (ch.isspace() or INVISIBLE.fullmatch(ch)):
        return (" " if ch.isspace() else ch) * len(match.group())
    return match.group()


EDGE = 8  # the ends of a run stay as they are: they touch the words and figures around it ('(((($3', '$3!!!!')


def _gaps(match: re.Match) -> str:
    """A space every CHUNK_GAP characters of a chunk, its ends kept (the tokenizer then sees short chunks)."""
    run = match.group()
    return "".join(" " if i % CHUNK_GAP == CHUNK_GAP - 1 and EDGE <= i < len(run) - EDGE else ch for i, ch in enumerate(run))


def _hollow(match: re.Match) -> str:
    """A long run of punctuation with its middle blanked: one whitespace token instead of thousands of marks."""
    run = match.group()
    return run[:EDGE] + " " * (len(run) - 2 * EDGE) + run[-EDGE:]


def spaces(text: str) -> tuple[str, list[str]]:
    """Every Unicode space read as ' ' and line separator as a newline (same length), space entities blanked."""
    notes = []
    if "&" in text and ENTITY.search(text):
        new = ENTITY.sub(_entity, text)
        if new != text:
            text = new
            notes.append("html space entities read as spaces")
    text = LINE_LIKE.sub("\n", SPACE_LIKE.sub(" ", text))
    return text, notes


def unstall(text: str) -> tuple[str, list[str]]:
    """Long runs of punctuation blanked but for their ends, very long chunks without a space cut by spaces (the
    tokenizer's work on them grows with the square of their length); same length."""
    new = LONG_CHUNK.sub(_gaps, PUNCT_RUN.sub(_hollow, text))
    return (new, ["long runs of punctuation or characters without a space broken for the tokenizer"]) if new != text else (text, [])


def prepare(text: str) -> tuple[str, list[str]]:
    """Same-length text for the pipeline: HTML tags and control characters blanked, Unicode spaces read as spaces,
    pathological runs broken; notes on what was done."""
    notes = []
    if HTML_HINT.search(text):
        text = TAG.sub(_blank, SCRIPT.sub(_blank, text))
        notes.append("html tags blanked")
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
        notes.append("control characters blanked")
    for step in (spaces, unstall):
        text, more = step(text)
        notes += more
    return text, notes


def split_points(text: str, limit: int) -> list[int]:
    """Chunk boundaries so that no chunk exceeds `limit` chars: paragraph, else sentence, else space, else hard."""
    if limit < 1:
        raise ValueError(f"chunk limit must be >= 1, not {limit}")
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

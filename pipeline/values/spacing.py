"""Gaps and invisible characters in figures: a compact view of a text for matching (every run of Unicode spaces
and line breaks one gap, zero-width characters dropped) whose offsets map back to the text as read."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Invisible format characters scraped text carries inside words and numbers: soft hyphen, Mongolian vowel
# separator, zero-width space/non-joiner/joiner, directional marks and isolates, word joiner, BOM.
ZERO_WIDTH = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
LINE_BREAKS = "\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029"  # '\r' counts with the '\n' after it, or alone below
# `\s` is every Unicode space separator (NBSP, thin, narrow no-break, ideographic ...), tab and line break.
INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")
RUN = re.compile(rf"(?:\s|[{ZERO_WIDTH}])+")
# What needs rewriting: a run of two or more, or one character that is not a plain space or newline.
ODD = re.compile(rf"(?:\s|[{ZERO_WIDTH}]){{2,}}|[^\S \n]|[{ZERO_WIDTH}]")
BREAK = re.compile(rf"\r\n?|[{LINE_BREAKS}]")


def gap(run: str) -> str:
    """The one gap a run of spaces, breaks and zero-width characters stands for: '' (invisible only), ' ', a line
    break, or a paragraph break (two or more line breaks)."""
    if not any(ch.isspace() for ch in run):
        return ""
    breaks = len(BREAK.findall(run))
    return " " if breaks == 0 else "\n" if breaks == 1 else "\n\n"


@dataclass(frozen=True)
class View:
    """A compact text for matching and the map of its offsets back to the original text."""

    text: str
    # each rewrite: (offset in the view, its length there, start and end in the original)
    edits: tuple[tuple[int, int, int, int], ...] = ()
    starts: tuple[int, ...] = field(default=(), repr=False)

    def _edit(self, v: int) -> int:
        return bisect.bisect_right(self.starts, v) - 1

    def start(self, v: int) -> int:
        """The original offset where a match starting at view offset `v` starts."""
        i = self._edit(v)
        if i < 0:
            return v
        at, length, o_start, o_end = self.edits[i]
        return o_start if v < at + length else o_end + (v - at - length)

    def end(self, v: int) -> int:
        """The original offset where a match ending at view offset `v` (exclusive) ends."""
        if v <= 0:
            return 0
        i = self._edit(v - 1)
        if i < 0:
            return v
        at, length, o_start, o_end = self.edits[i]
        return o_end if v - 1 < at + length else o_end + (v - at - length)


def _compact(text: str) -> View:
    parts, edits, last, shift = [], [], 0, 0
    for m in ODD.finditer(text):
        if m.start() < last:
            continue
        run = RUN.match(text, m.start())
        canonical = gap(run.group())
        if canonical == run.group():
            continue
        parts.append(text[last:run.start()])
        parts.append(canonical)
        edits.append((run.start() - shift, len(canonical), run.start(), run.end()))
        shift += len(run.group()) - len(canonical)
        last = run.end()
    if not edits:
        return View(text)
    parts.append(text[last:])
    return View("".join(parts), tuple(edits), tuple(e[0] for e in edits))


@lru_cache(maxsize=4)
def view(text: str) -> View:
    """The compact view of `text` (computed once per text: the money and percent finders share it)."""
    return _compact(text)

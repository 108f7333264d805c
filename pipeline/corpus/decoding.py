"""Article bytes to text: byte-order marks, UTF-16/32 told by their zero bytes, UTF-8, UTF-8 with stray Windows-1252
bytes, Windows-1252, then charset-normalizer; a file is binary only when a real binary header or stray NULs say so,
and a NUL never reaches the text."""
from __future__ import annotations

import re
from typing import Optional

BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SAMPLE = 4096  # bytes looked at to tell the encoding
BMP_DIB_SIZES = {12, 40, 52, 56, 64, 108, 124}  # BITMAPCOREHEADER ... BITMAPV5HEADER
UTF8 = re.compile(rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|"
                  rb"\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|"
                  rb"\xf4[\x80-\x8f][\x80-\xbf]{2})+")  # well-formed UTF-8, run by run
WESTERN = re.compile(r"[\x00-\x7f\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
                     r"\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]*")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Undecodable(Exception):
    """The bytes are not text (binary) or in no encoding we can detect."""


def _bmp(data: bytes) -> bool:
    """'BM' starts a bitmap only with its header behind it: reserved zeros and a known DIB header size."""
    return (len(data) >= 18 and data[6:10] == b"\0\0\0\0"
            and int.from_bytes(data[14:18], "little") in BMP_DIB_SIZES)


# A signature counts only with the structure that follows it in a real file.
SIGNATURES = (
    lambda d: d.startswith(b"\x89PNG\r\n\x1a\n"), lambda d: d.startswith(b"\xff\xd8\xff"),
    lambda d: d.startswith((b"GIF87a", b"GIF89a")), lambda d: re.match(rb"%PDF-\d", d) is not None,
    lambda d: d.startswith((b"PK\x03\x04", b"PK\x05\x06")), lambda d: d.startswith(b"\x1f\x8b\x08"),
    lambda d: d.startswith((b"II*\x00", b"MM\x00*")), lambda d: d.startswith(b"BM") and _bmp(d),
)


def binary_signature(data: bytes) -> bool:
    """The bytes begin like an image, a PDF or an archive (with the header that goes with the signature)."""
    return any(test(data[:64]) for test in SIGNATURES)


def _zero_share(sample: bytes, step: int, offset: int) -> float:
    part = sample[offset::step]
    return part.count(0) / len(part) if part else 0.0


def wide_encoding(data: bytes) -> Optional[str]:
    """UTF-32 or UTF-16 without a BOM, told by where the zero bytes fall (text in Latin script has a zero in every
    high byte); None when the NULs do not follow such a pattern."""
    sample = data[:SAMPLE - SAMPLE % 4]
    if len(sample) >= 8 and len(data) % 4 == 0:
        z = [_zero_share(sample, 4, i) for i in range(4)]
        if z[2] > 0.95 and z[3] > 0.95 and z[0] < 0.05:
            return "utf-32-le"
        if z[0] > 0.95 and z[1] > 0.95 and z[3] < 0.05:
            return "utf-32-be"
    if len(sample) >= 4 and len(data) % 2 == 0:
        even, odd = _zero_share(sample, 2, 0), _zero_share(sample, 2, 1)
        if odd > 0.6 and even < 0.05:
            return "utf-16-le"
        if even > 0.6 and odd < 0.05:
            return "utf-16-be"
    return None


def _mixed(data: bytes) -> Optional[str]:
    """UTF-8 with a few stray Windows-1252 bytes (text pasted from two sources): each part read as what it is, when the
    UTF-8 part has characters beyond ASCII and the stray bytes are few and Western marks or letters."""
    pieces, strays, wide, pos = [], [], False, 0
    for m in UTF8.finditer(data):
        if m.start() > pos:
            strays.append(data[pos:m.start()].decode("cp1252", errors="replace"))
            pieces.append(strays[-1])
        piece = m.group().decode("utf-8")
        wide = wide or not piece.isascii()
        pieces.append(piece)
        pos = m.end()
    if pos < len(data):
        strays.append(data[pos:].decode("cp1252", errors="replace"))
        pieces.append(strays[-1])
    stray = "".join(strays)
    western = stray and len(stray) <= 0.05 * len(data) and "\ufffd" not in stray and WESTERN.fullmatch(stray)
    return "".join(pieces) if wide and western else None


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


def _no_nul(text: str, encoding: str) -> tuple[str, str]:
    return text.replace("\x00", "\ufffd"), encoding


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOMs first, then UTF-16/32 by their zero bytes, UTF-8, UTF-8 with stray Windows-1252 bytes,
    Windows-1252, then charset-normalizer's best guess; a binary file raises Undecodable."""
    for bom, encoding in BOMS:
        if data.startswith(bom):  # a truncated last character is replaced, not fatal
            return _no_nul(data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding)
    if binary_signature(data):
        raise Undecodable("binary file (an image, PDF or archive header)")
    if b"\x00" in data[:SAMPLE]:
        wide = wide_encoding(data)
        text = data.decode(wide, errors="replace") if wide else ""
        if not wide or len(CONTROL.findall(text)) > 0.01 * len(text):
            raise Undecodable("binary file (not text: NUL bytes)")
        return _no_nul(text, wide)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for reader, name in ((_mixed, "utf-8+cp1252"), (_western, "cp1252")):
        text = reader(data)
        if text is not None:
            return text, name
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise Undecodable("undecodable bytes (no text encoding detected)")
    return _no_nul(str(best), best.encoding)

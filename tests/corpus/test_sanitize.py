"""Decoding and text preparation: encodings detected, binaries refused, markup and controls blanked same-length."""
import re

import pytest

from pipeline.corpus.sanitize import Undecodable, decode, prepare, split_points

TEXT = "Thailand’s exports to Côte d'Ivoire rose 5% – officials said."


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("cp1252"), None),  # charset-normalizer's name for it varies (cp1252, windows-1252, ...)
])
def test_sanitize_decode_reads_common_encodings(data, encoding):
    text, used = decode(data)
    assert text == TEXT
    assert used == encoding if encoding else used not in ("utf-8", "utf-8-sig")


def test_sanitize_decode_latin1_keeps_the_accents():
    text, _ = decode("Exports from Côte d'Ivoire to France reached 2 billion euros, said Zoë Müller.".encode("latin-1"))
    assert "Côte" in text and "Zoë" in text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"abc\x00def", b"PK\x03\x04rest", b"%PDF-1.4 ..."])
def test_sanitize_decode_refuses_binaries(data):
    with pytest.raises(Undecodable):
        decode(data)


@pytest.mark.parametrize("raw,note,kept", [
    ("<p>Japan pledged <b>$6.3 million</b>.</p>", "html", "$6.3 million"),
    ("<script>var x = 1;</script>Trade rose 5%.", "html", "Trade rose 5%."),
    ("Trade\x07 rose\x1b 5% in 2023.", "control", "5% in 2023."),
])
def test_sanitize_prepare_blanks_same_length(raw, note, kept):
    text, notes = prepare(raw)
    assert len(text) == len(raw) and any(note in n for n in notes)
    assert raw.index(kept) == text.index(kept)
    assert "<" not in text and "\x07" not in text


def test_sanitize_prepare_leaves_plain_text_alone():
    assert prepare("Exports rose 5% (a record) to $3 bn.\n\nNext.") == ("Exports rose 5% (a record) to $3 bn.\n\nNext.", [])


@pytest.mark.parametrize("text,limit", [
    ("Para one. " * 30 + "\n\n" + "Para two. " * 30, 200),
    ("word " * 500, 100),
    ("x" * 1000, 300),
])
def test_sanitize_split_points_bound_every_chunk(text, limit):
    bounds = [0] + split_points(text, limit) + [len(text)]
    assert all(0 < b - a <= limit for a, b in zip(bounds, bounds[1:]))


@pytest.mark.parametrize("text,codec", [
    ("日本とカンボジアの貿易額は増加した。輸出は5%増。", "shift_jis"),
    ("Экспорт Таиланда в Китай вырос на 8 процентов в 2023 году.", "cp1251"),
])
def test_sanitize_decode_does_not_take_other_scripts_for_windows_1252(text, codec):
    decoded, used = decode(text.encode(codec))
    assert used != "cp1252"


@pytest.mark.parametrize("raw,expected", [  # issue 16: what the tokenizer reads, same length, offsets kept
    ("$924\u00a0million", "$924 million"), ("$924\u202fmillion", "$924 million"), ("5\u2009%", "5 %"),
    ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"), ("$3.1&nbsp;billion", "$3.1      billion"),
    ("$3.1&#160;billion", "$3.1      billion"), ("$9&#8203;24", "$9" + "\u200b" * 7 + "24"),
    ("$3.1 <b>billion</b>", "$3.1    billion    "), ("AT&amp;T", "AT&amp;T"),
])
def test_sanitize_prepare_reads_every_space_as_a_space(raw, expected):
    text, _ = prepare(raw)
    assert text == expected and len(text) == len(raw)


@pytest.mark.parametrize("raw", ["!" * 20_000, "(" * 50_000 + "$3 billion" + ")" * 50_000, "'s" * 10_000, "=-" * 5_000])
def test_sanitize_prepare_breaks_pathological_runs_same_length(raw):
    text, notes = prepare(raw)
    assert len(text) == len(raw) and any("broken" in n for n in notes)
    assert max(len(chunk) for chunk in text.split()) <= 400
    assert max(len(run) for run in re.findall(r"[^\w\s]+", text)) < 32 + 8


def test_sanitize_prepare_keeps_ordinary_punctuation_and_urls():
    raw = "See https://example.com/news/2024/05/cambodia-japan-trade-rose-8-percent-to-3-billion?ref=home... (really!!!)"
    assert prepare(raw) == (raw, [])


ARTICLE = "BMW and Toyota: Thailand's exports to Japan rose 5% to $924 million in 2023, officials said.\n"  # own


@pytest.mark.parametrize("article,codec,encoding", [  # issue 16, part 5
    (ARTICLE, "utf-8", "utf-8"),                                   # begins with "BM", is not a bitmap
    ("GIF89 was the code name. " + ARTICLE, "utf-8", "utf-8"),     # begins with "GIF8"
    (ARTICLE, "utf-16-le", "utf-16-le"), (ARTICLE, "utf-16-be", "utf-16-be"),   # UTF-16 without a BOM
    (ARTICLE, "utf-32", "utf-32"), (ARTICLE, "utf-32-le", "utf-32-le"), (ARTICLE, "utf-32-be", "utf-32-be"),
])
def test_sanitize_decode_reads_what_only_looks_binary(article, codec, encoding):
    text, used = decode(article.encode(codec))
    assert (text, used) == (article, encoding) and "\x00" not in text


def test_sanitize_decode_utf16_with_bom_and_odd_byte_count_is_read():
    text, used = decode(ARTICLE.encode("utf-16") + b"!")
    assert used == "utf-16" and text.startswith(ARTICLE) and "\x00" not in text


def test_sanitize_decode_mixed_utf8_and_cp1252_is_read_as_both():
    data = "Café exports from Côte d'Ivoire".encode("utf-8") + " rose 5% \x96 officials said \x93fine\x94.".encode("latin-1")
    text, used = decode(data)
    assert text == "Café exports from Côte d'Ivoire rose 5% – officials said “fine”." and used == "utf-8+cp1252"


@pytest.mark.parametrize("data", [
    b"BM" + (70).to_bytes(4, "little") + b"\0\0\0\0" + (54).to_bytes(4, "little") + (40).to_bytes(4, "little") + bytes(60),
    b"GIF89a" + bytes(range(256)), b"\x1f\x8b\x08\x00" + bytes(range(256)), b"abc\x00def\x00" * 100,
])
def test_sanitize_decode_refuses_real_binary_signatures(data):
    with pytest.raises(Undecodable):
        decode(data)

"""Decoding and text preparation: encodings detected, binaries refused, markup and controls blanked same-length."""
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

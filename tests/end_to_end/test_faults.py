"""Fault injection: bad articles beside good ones; every input accounted for, good rows untouched, exit code 1.
The issue-16 probes (spacing, encodings that only look binary, symbolic links out of the folder, FIFOs, formula
cells) are in the same hostile corpus."""
import os
import re
import shutil

import pandas as pd
import pytest

from helpers import cli, small_corpus, tables

GOOD = ("a0", "a1", "a2")
LONG_SENTENCES = 1700  # ~119,000 characters: two chunks
MAX_CHARS = 300_000  # the run's --max-chars: the 20 MB article is cut to this, with a note


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    clean = small_corpus(base / "clean", 3)
    dirty = base / "dirty"
    shutil.copytree(clean, dirty)
    (dirty / "cp1252.txt").write_bytes("Thailand’s exports to Japan rose 5% – officials said.".encode("cp1252"))
    (dirty / "latin1.txt").write_bytes("Café exports from Côte d'Ivoire to France reached 2 billion euros in 2022, said the Café owner Zoë.".encode("latin-1"))
    (dirty / "utf16.txt").write_bytes("Vietnam's imports from Laos rose 3 percent.".encode("utf-16"))
    (dirty / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (dirty / "nul.txt").write_bytes(b"abc\x00def\x00" * 100)
    (dirty / "empty.txt").write_text("   \n", encoding="utf-8")
    (dirty / "html.txt").write_text("<html><body><p>Japan pledged <b>$6.3 million</b> to Cambodia.</p></body></html>", encoding="utf-8")
    (dirty / "control.txt").write_text("Trade\x07 rose\x1b 5%\x00 in 2023.".replace("\x00", "\x01"), encoding="utf-8")
    (dirty / "scripts.txt").write_text("ព្រះរាជាណាចក្រកម្ពុជា Việt Nam 日本 ประเทศไทย exports rose 4%.", encoding="utf-8")
    (dirty / "overflow.txt").write_text("A claim of $99999999999999999999 trillion was made.", encoding="utf-8")
    (dirty / "longline.txt").write_text("word " * 40_000, encoding="utf-8")
    (dirty / "long.txt").write_text(("Thailand's exports to China rose 8 per cent to $3.1 billion in 2023.\n\n" * LONG_SENTENCES), encoding="utf-8")
    paragraph = "Laos's imports from Thailand fell 2.5 percent to 900 million baht in March, the ministry said. " * 10 + "\n\n"
    (dirty / "huge.txt").write_text(paragraph * (20_000_000 // len(paragraph) + 1), encoding="utf-8")
    sub = dirty / "sub"
    sub.mkdir()
    (sub / "a0.txt").write_text("A second article whose file name repeats a0.", encoding="utf-8")
    _issue16_files(dirty, base)
    with (dirty / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("cp1252,not-a-date\nghost,2024-01-01\n")
        fh.write('=1+1,2024-03-01,"=HYPERLINK(""http://evil.example"",""x"")",@SUM(1+1),javascript:alert(1)\n')
    (dirty / "manifest.csv").write_text((dirty / "manifest.csv").read_text(encoding="utf-8").replace(
        "doc_id,published\n", "doc_id,published,title,source,url\n", 1), encoding="utf-8")
    results = {}
    for name, folder in (("clean", clean), ("dirty", dirty)):
        results[name] = cli("extract", folder, "--out", base / f"out_{name}", "--max-chars", MAX_CHARS, timeout=900)
        results[name + "_tables"] = tables(base / f"out_{name}")
    return results


SECRET = "root:x:0:0:root:/root:/bin/bash"
ISSUE16 = 12  # the files _issue16_files adds


def _issue16_files(dirty, base):
    """Issue 16's hostile inputs: what they must give is asserted below."""
    fact = "Thailand's exports to China rose 8 per cent to $3.1 billion in 2023."
    (dirty / "=1+1.txt").write_text("=cmd|' /C calc'!A0 " + fact, encoding="utf-8")
    (dirty / "bmw.txt").write_text("BMW said Thailand's car exports to Japan rose 5% in 2023.", encoding="utf-8")
    (dirty / "utf16_nobom.txt").write_bytes(fact.encode("utf-16-le"))
    (dirty / "utf16_odd.txt").write_bytes(fact.encode("utf-16") + b"!")
    (dirty / "utf32.txt").write_bytes(fact.encode("utf-32"))
    (dirty / "mixed.txt").write_bytes("Café owners in Hà Nội said ".encode("utf-8") + b"\x93exports rose 5%\x94.")
    (dirty / "nbsp.txt").write_text("Cambodia's exports to Japan reached $924\u00a0million in 2023.", encoding="utf-8")
    (dirty / "bang.txt").write_text("!" * 20_000 + " Exports rose 5% to $3 billion. " + "(" * 50_000, encoding="utf-8")
    secret = base / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    os.symlink(secret, dirty / "link_out.txt")
    os.symlink(dirty / "a1.txt", dirty / "link_in.txt")
    os.symlink(dirty / "gone.txt", dirty / "dangling.txt")
    os.mkfifo(dirty / "fifo.txt")


def test_faults_exit_code_is_1_when_some_documents_are_not_ok(runs):
    assert runs["clean"].returncode == 0
    assert runs["dirty"].returncode == 1, runs["dirty"].stderr


def test_faults_every_input_is_accounted_for(runs):
    docs = runs["dirty_tables"]["documents"]
    assert len(docs) == 3 + 13 + 1 + ISSUE16
    assert f"{len(docs)} documents" in runs["dirty"].stdout


@pytest.mark.parametrize("doc_id,status,reason", [
    ("image", "skipped", "binary"), ("nul", "skipped", "binary"), ("empty", "empty", "no text"),
])
def test_faults_bad_documents_have_status_and_reason(runs, doc_id, status, reason):
    row = runs["dirty_tables"]["documents"].set_index("doc_id").loc[doc_id]
    assert row.status == status and reason in row.error


@pytest.mark.parametrize("doc_id,expected_text", [("cp1252", "Thailand’s"), ("latin1", "Côte d'Ivoire"), ("utf16", "Laos")])
def test_faults_other_encodings_are_read_and_recorded(runs, doc_id, expected_text):
    t = runs["dirty_tables"]
    row = t["documents"].set_index("doc_id").loc[doc_id]
    assert row.status == "ok" and row.encoding not in ("", "utf-8")
    ents = t["entities"][t["entities"].doc_id == doc_id]
    assert any(expected_text.startswith(text) or text in expected_text for text in ents.text)


def test_faults_html_is_blanked_and_noted(runs):
    t = runs["dirty_tables"]
    assert "html" in t["documents"].set_index("doc_id").loc["html"].notes
    amounts = t["amounts"][t["amounts"].doc_id == "html"]
    assert list(amounts.text) == ["$6.3 million"]


def test_faults_overflowing_number_is_not_a_value(runs):
    amounts = runs["dirty_tables"]["amounts"]
    assert amounts[amounts.doc_id == "overflow"].empty


def test_faults_long_document_is_chunked_not_rejected(runs):
    t = runs["dirty_tables"]
    assert t["documents"].set_index("doc_id").loc["long"].status == "ok"
    trade = t["trade_records"][t["trade_records"].doc_id == "long"]
    assert len(trade) == 1  # the same figure restated is one record
    amounts = t["amounts"][t["amounts"].doc_id == "long"]
    assert len(amounts) == LONG_SENTENCES and amounts.start_char.astype(int).is_monotonic_increasing


def test_faults_duplicate_ids_are_both_kept(runs):
    ids = set(runs["dirty_tables"]["documents"].doc_id)
    assert {"a0", "a0~2"} <= ids


def test_faults_bad_manifest_rows_reported_by_line(runs):
    assert "manifest.csv:" in runs["dirty"].stderr and "bad published date" in runs["dirty"].stderr
    assert "ghost" in runs["dirty"].stderr


def test_faults_good_articles_rows_equal_a_clean_run(runs):
    for table in ("entities", "amounts", "percentages", "dates", "trade_records", "diplomacy_events"):
        clean = runs["clean_tables"][table]
        dirty = runs["dirty_tables"][table]
        dirty = dirty[dirty.doc_id.isin(GOOD)].reset_index(drop=True)
        clean = clean[clean.doc_id.isin(GOOD)].reset_index(drop=True)
        pd.testing.assert_frame_equal(clean, dirty)


def test_faults_20mb_article_is_cut_at_max_chars_with_a_note(runs):
    t = runs["dirty_tables"]
    row = t["documents"].set_index("doc_id").loc["huge"]
    assert row.status == "ok" and "truncated" in row.notes and "20,0" in row.notes
    amounts = t["amounts"][t["amounts"].doc_id == "huge"]
    assert len(amounts) > 100 and amounts.end_char.astype(int).max() <= MAX_CHARS


def test_faults_long_line_without_punctuation_is_processed(runs):
    assert runs["dirty_tables"]["documents"].set_index("doc_id").loc["longline"].status == "ok"


@pytest.mark.parametrize("doc_id,status,reason", [
    ("link_out", "skipped", "outside the input folder"), ("dangling", "skipped", "dangling"),
    ("fifo", "skipped", "FIFO"),
])
def test_faults_links_out_of_the_folder_and_fifos_are_skipped_rows(runs, doc_id, status, reason):
    row = runs["dirty_tables"]["documents"].set_index("doc_id").loc[doc_id]
    assert row.status == status and reason in row.error


def test_faults_nothing_from_outside_the_folder_and_no_nul_reaches_a_table(runs):
    for table, frame in runs["dirty_tables"].items():
        for col in frame.columns:
            assert not frame[col].str.contains(SECRET[:10], regex=False).any(), (table, col)
            assert not frame[col].str.contains("\x00", regex=False).any(), (table, col)


@pytest.mark.parametrize("doc_id,encoding", [
    ("bmw", "utf-8"), ("utf16_nobom", "utf-16-le"), ("utf16_odd", "utf-16"), ("utf32", "utf-32"),
    ("mixed", "utf-8+cp1252"), ("link_in", "utf-8"),
])
def test_faults_texts_that_only_look_binary_are_read(runs, doc_id, encoding):
    row = runs["dirty_tables"]["documents"].set_index("doc_id").loc[doc_id]
    assert (row.status, row.encoding) == ("ok", encoding), row.error


@pytest.mark.parametrize("doc_id,value", [("utf16_nobom", "3100000000.0"), ("utf32", "3100000000.0"),
                                          ("nbsp", "924000000.0"), ("bang", "3000000000.0")])
def test_faults_amounts_are_right_whatever_the_encoding_or_spacing(runs, doc_id, value):
    amounts = runs["dirty_tables"]["amounts"]
    assert list(amounts[amounts.doc_id == doc_id].value) == [value]


def test_faults_no_cell_is_a_spreadsheet_formula(runs):
    number = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
    for table, frame in runs["dirty_tables"].items():
        for col in frame.columns:
            for cell in frame[col]:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (table, col, cell)
                assert not cell.startswith("-") or number.fullmatch(cell), (table, col, cell)
    docs = runs["dirty_tables"]["documents"].set_index("doc_id")
    row = docs.loc["'=1+1"]  # the file =1+1.txt, its doc_id escaped in the CSV
    assert row.title.startswith("'=HYPERLINK") and row.source == "'@SUM(1+1)" and row.url == ""
    assert "url dropped" in row.notes

"""A folder of articles (issue 16, part 5): symbolic links are followed only inside INPUT (unless follow_links),
what is not a regular file gets a `skipped` row with the reason, and manifests are read whatever their delimiter,
encoding or file naming."""
import logging
import os
from datetime import date

import pytest

from pipeline.corpus.reader import read_corpus

TEXT = "Thailand's exports to Japan rose 5% to $924 million in 2023."  # own


@pytest.fixture()
def folder(tmp_path):
    inside = tmp_path / "input"
    inside.mkdir()
    (inside / "a.txt").write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    return inside, outside


def _docs(folder, **kwargs):
    return {d.doc_id: d for d in read_corpus(folder, **kwargs)}


def test_folder_link_to_a_file_outside_is_skipped_with_the_reason(folder):
    inside, outside = folder
    os.symlink(outside, inside / "passwd.txt")
    os.symlink("/proc/self/status", inside / "status.txt")
    docs = _docs(inside)
    for doc_id in ("passwd", "status"):
        assert docs[doc_id].status == "skipped" and "outside" in docs[doc_id].error and docs[doc_id].text == ""
    assert docs["a"].status == "ok"


def test_folder_link_outside_is_read_with_follow_links(folder):
    inside, outside = folder
    os.symlink(outside, inside / "passwd.txt")
    assert _docs(inside, follow_links=True)["passwd"].text.startswith("root:")


def test_folder_link_inside_is_followed(folder):
    inside, _ = folder
    os.symlink(inside / "a.txt", inside / "alias.txt")
    assert _docs(inside)["alias"].text == TEXT


def test_folder_dangling_link_fifo_and_device_are_skipped_rows(folder):
    inside, _ = folder
    os.symlink(inside / "gone.txt", inside / "dangling.txt")
    os.mkfifo(inside / "pipe.txt")
    os.symlink("/dev/zero", inside / "zero.txt")
    docs = _docs(inside, follow_links=True)  # even when links may go anywhere: a device is not an article
    assert docs["dangling"].status == "skipped" and "dangling" in docs["dangling"].error
    assert docs["pipe"].status == "skipped" and "FIFO" in docs["pipe"].error
    assert docs["zero"].status == "skipped" and "device" in docs["zero"].error


def test_folder_link_to_a_folder_outside_is_not_entered(folder, tmp_path, caplog):
    inside, _ = folder
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(elsewhere, inside / "linked")
    os.symlink(inside, inside / "loop")
    with caplog.at_level(logging.WARNING):
        assert set(_docs(inside)) == {"a"}
    assert any("linked" in r.getMessage() and "outside" in r.getMessage() for r in caplog.records)
    assert set(_docs(inside, follow_links=True)) == {"a", "b"}  # and the loop is entered once


@pytest.mark.parametrize("manifest,encoding", [
    ("doc_id;published;title\na;2024-05-01;Headline\n", "utf-8"),
    ("doc_id,published,title\na,2024-05-01,Headline\n", "utf-16"),
    ("doc_id\tpublished\ttitle\na\t2024-05-01\tHeadline\n", "utf-8"),
    ("file,published,title\na.txt,2024-05-01,Headline\n", "utf-8-sig"),
    ("doc_id,published,title\r\na,2024-05-01,Headline\r\n", "cp1252"),
])
def test_folder_manifest_delimiter_and_encoding_are_sniffed(folder, manifest, encoding, caplog):
    inside, _ = folder
    (inside / "manifest.csv").write_bytes(manifest.encode(encoding))
    with caplog.at_level(logging.WARNING):
        doc = _docs(inside)["a"]
    assert (doc.published, doc.title) == (date(2024, 5, 1), "Headline")
    assert not caplog.records


def test_folder_manifest_file_column_names_the_file_and_doc_id_names_the_document(folder, caplog):
    inside, _ = folder
    (inside / "2024").mkdir()
    (inside / "2024" / "story-one.txt").write_text(TEXT, encoding="utf-8")
    (inside / "manifest.csv").write_text("doc_id,file,published\nkh-001,2024/story-one.txt,2024-05-02\n"
                                         "kh-002,a.txt,2024-05-03\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        docs = _docs(inside)
    assert set(docs) == {"kh-001", "kh-002"} and not caplog.records
    assert docs["kh-001"].published == date(2024, 5, 2) and docs["kh-002"].published == date(2024, 5, 3)


def test_folder_manifest_field_longer_than_the_csv_limit_is_read(folder, caplog):
    inside, _ = folder
    (inside / "manifest.csv").write_text(f"doc_id,published,title\na,2024-05-01,{'x' * 140_000}\n", encoding="utf-8")
    doc = _docs(inside)["a"]
    assert doc.published == date(2024, 5, 1) and len(doc.title) == 140_000


def test_folder_manifest_link_outside_is_not_read(folder, tmp_path, caplog):
    inside, _ = folder
    elsewhere = tmp_path / "other_manifest.csv"
    elsewhere.write_text("doc_id,published,title\na,2024-05-01,Secret\n", encoding="utf-8")
    os.symlink(elsewhere, inside / "manifest.csv")
    with caplog.at_level(logging.WARNING):
        assert _docs(inside)["a"].title == ""
    assert any("outside" in r.getMessage() for r in caplog.records)

"""Finding the article text a documents row points to, and refusing one that changed since the run (texts: own)."""
import json

from pipeline.corpus.article import sha256_text
from pipeline.review.texts import TextSource, sentence_bounds

TEXT = "Japan pledged $6.3 million in emergency aid. The grant was signed in Manila."


def row(path: str, text: str = TEXT, **more) -> dict:
    return {"doc_id": "a1", "path": path, "status": "ok", "sha256": sha256_text(text), **more}


def test_a_relative_path_is_found_beside_the_run_folder(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a1.txt").write_text(TEXT, encoding="utf-8")
    found = TextSource(tmp_path / "out").get(row("raw/a1.txt"))
    assert (found.text, found.problem) == (TEXT, "")


def test_texts_dir_finds_a_moved_corpus_by_doc_id(tmp_path):
    (tmp_path / "a1.txt").write_text(TEXT, encoding="utf-8")
    assert TextSource(texts_dir=tmp_path).get(row("/gone/elsewhere/a1.txt")).text == TEXT


def test_a_row_of_a_table_input_is_read_with_the_project_s_reader(tmp_path):
    table = tmp_path / "articles.jsonl"
    table.write_text("\n".join(json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(["Other text.", TEXT])),
                     encoding="utf-8")
    assert TextSource().get(row(f"{table}#2")).text == TEXT


def test_a_changed_or_missing_text_or_an_unprocessed_document_is_unavailable_with_the_reason(tmp_path):
    (tmp_path / "a1.txt").write_text(TEXT + " Edited.", encoding="utf-8")
    assert "changed since the run" in TextSource().get(row(str(tmp_path / "a1.txt"))).problem
    assert "article text not found" in TextSource().get(row(str(tmp_path / "nope.txt"))).problem
    skipped = TextSource().get(row("x.txt", status="skipped", error="x.txt: binary file"))
    assert skipped.text is None and skipped.problem == "not processed (skipped): x.txt: binary file"


def test_the_sentence_around_a_mention():
    start = TEXT.index("Manila")
    left, right = sentence_bounds(TEXT, start, start + 6)
    assert TEXT[left:right] == "The grant was signed in Manila."

"""Table inputs that are not what they claim (issue 16, part 3): an unreadable table is one CorpusError (exit 2,
one line), a bad row is an `error` row; never a traceback."""
import pytest

from pipeline.corpus.article import CorpusError
from pipeline.corpus.reader import read_corpus

GOOD = '{"id": "g", "text": "Exports rose 5%."}'


@pytest.mark.parametrize("line", ["null", "[1, 2]", '"a string"', "42", "true"])
def test_tabular_jsonl_line_that_is_not_an_object_is_an_error_row(tmp_path, line):
    path = tmp_path / "articles.jsonl"
    path.write_text(f"{GOOD}\n{line}\n{GOOD.replace('g', 'h', 1)}\n", encoding="utf-8")
    docs = list(read_corpus(path))
    assert [(d.doc_id, d.status) for d in docs] == [("g", "ok"), ("articles-line2", "error"), ("h", "ok")]
    assert "line 2" in docs[1].error or ":2:" in docs[1].error
    assert "not a JSON object" in docs[1].error


@pytest.mark.parametrize("name,data,message", [
    ("articles.parquet", b"id,text\nx,Exports rose.\n", "not a Parquet file"),
    ("articles.parquet", b"", "not a Parquet file"),
    ("articles.csv", b"", "empty"),
    ("articles.csv", b"id,text\n", "no articles"),
    ("articles.jsonl", b"\n\n", "no articles"),
])
def test_tabular_unreadable_table_is_one_corpus_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=message) as err:
        list(read_corpus(path))
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_tabular_csv_in_utf16_is_read(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_bytes("id,text\nx,Café exports rose 5%.\n".encode("utf-16"))
    assert [(d.doc_id, d.text) for d in read_corpus(path)] == [("x", "Café exports rose 5%.")]

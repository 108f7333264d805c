"""A gold file that cannot be used says which file and why (see also test_evaluate.py for placing mentions)."""
import json

import pytest

from pipeline.review.gold import GoldError, load_gold, locate


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    (json.dumps({"corpus": "x"}), 'no "documents" object'),
    (json.dumps({"documents": {"a1": []}}), "document 'a1' is not an object"),
    (json.dumps({"documents": {"a1": {"amounts": [{"text": "$5"}]}}}), "its text is needed"),
])
def test_a_bad_gold_file_is_named_with_its_problem(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as caught:
        load_gold(path)
    assert str(path) in str(caught.value)


def test_whole_words_first_then_plain_substrings():
    text = "In 2019, 20192 was a code; the 19th came later."
    assert locate(text, [{"text": "2019"}]) == [(3, 7)]
    assert locate(text, [{"text": "19th"}, {"text": "201"}]) == [(31, 35), (3, 6)]

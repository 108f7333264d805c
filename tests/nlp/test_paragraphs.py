"""Line and paragraph breaks as sentence boundaries (full pipeline)."""
import pytest


@pytest.mark.parametrize("text,sentences", [
    ("Thai exports to China jump 12% in first half\n\nThailand's exports to China rose 12.4 percent.",
     ["Thai exports to China jump 12% in first half", "Thailand's exports to China rose 12.4 percent."]),
    ("Cambodia, Japan upgrade bilateral ties\nCambodia and Japan have agreed to elevate ties.",
     ["Cambodia, Japan upgrade bilateral ties", "Cambodia and Japan have agreed to elevate ties."]),
    ("Exports to Japan rose 20 percent in the first eight\nmonths of the year, the ministry said.",
     ["Exports to Japan rose 20 percent in the first eight\nmonths of the year, the ministry said."]),
])
def test_paragraphs_break_sentences_but_not_wrapped_lines(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences

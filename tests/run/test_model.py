"""The pipeline loads with every project component, in the documented order."""
from pipeline.run.model import COMPONENTS


def test_nlp_all_components_present_in_order(nlp):
    ours = [name for name in nlp.pipe_names if name.startswith("news_") and name != "news_paragraphs"]
    assert ours == [factory for factory, _ in COMPONENTS]


def test_nlp_components_run_after_the_model_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index(COMPONENTS[0][0])


def test_nlp_paragraph_breaks_run_before_the_parser(nlp):
    assert nlp.pipe_names.index("news_paragraphs") < nlp.pipe_names.index("parser")

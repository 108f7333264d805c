"""Every models/ file loads, keys are unique, codes are valid; a broken file names file:line."""
import json
from pathlib import Path

import pycountry
import pytest

from pipeline.nlp import resources
from pipeline.nlp.resources import ResourceError, read_csv, read_jsonl

MODELS = Path(resources.models_dir())
CSV_KEYS = {  # file -> columns that must be unique together
    "lexicons/country_aliases.csv": ("alias", "iso3"), "lexicons/org_aliases.csv": ("alias",),
    "lexicons/honorifics.csv": ("phrase",), "lexicons/currencies.csv": ("surface",), "lexicons/scales.csv": ("word",),
    "lexicons/qualifiers.csv": ("phrase",), "lexicons/number_words.csv": ("word",), "lexicons/fx_annual.csv": ("currency", "year"),
    "lexicons/date_words.csv": ("word", "kind"), "lexicons/trade_triggers.csv": ("phrase",), "lexicons/change_words.csv": ("word",),
    "lexicons/record_exclusions.csv": ("phrase",), "lexicons/percent_units.csv": ("surface",), "lexicons/entity_junk.csv": ("text",),
    "lexicons/portfolio_words.csv": ("word",), "reference/commodity_aliases.csv": ("name",),
}
SPECIAL_CODES = {"WLD", "EUU"}


@pytest.mark.parametrize("relative", sorted(str(p.relative_to(MODELS)) for p in MODELS.rglob("*.csv")))
def test_resources_every_csv_loads(relative):
    assert read_csv(relative)


@pytest.mark.parametrize("relative", sorted(str(p.relative_to(MODELS)) for p in MODELS.rglob("*.jsonl")))
def test_resources_every_jsonl_loads_with_label_id_pattern(relative):
    assert read_jsonl(relative, ("label", "id", "pattern"))


@pytest.mark.parametrize("relative,key", sorted(CSV_KEYS.items()))
def test_resources_keys_unique(relative, key):
    keys = [tuple(r[k] for k in key) for r in read_csv(relative, key)]
    assert len(keys) == len(set(keys)), [k for k in set(keys) if keys.count(k) > 1]


def test_resources_country_codes_are_iso3():
    valid = {c.alpha_3 for c in pycountry.countries} | SPECIAL_CODES
    for row in read_csv("lexicons/country_aliases.csv", ("alias", "iso3", "kind")):
        assert set(row["iso3"].split("|")) <= valid, row


def test_resources_currency_codes_are_iso4217():
    valid = {c.alpha_3 for c in pycountry.currencies} | {"?", "NLG", "FIM", "ESP"}
    for row in read_csv("lexicons/currencies.csv", ("surface", "code")):
        assert row["code"] in valid, row


def test_resources_broken_jsonl_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "patterns").mkdir()
    (tmp_path / "patterns" / "bad.jsonl").write_text(json.dumps({"label": "x", "id": "y", "pattern": "z"}) + "\n{oops\n")
    monkeypatch.setenv(resources.MODELS_ENV, str(tmp_path))
    with pytest.raises(ResourceError, match=r"bad.jsonl:2: invalid JSON"):
        read_jsonl.__wrapped__("patterns/bad.jsonl")

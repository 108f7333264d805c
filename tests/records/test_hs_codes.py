"""Commodity text to HS 2022 codes."""
import pytest

from pipeline.records.hs_codes import aliases, hs_code, hs_table


@pytest.mark.parametrize("text,code", [("cashew nuts", "0801"), ("natural rubber", "4001"), ("footwear", "64"),
                                       ("iron and steel", "72"), ("iron and steel scrap", "7204"), ("rice", "1006"),
                                       ("processed cashew nuts", "0801"), ("the garments", "62"), ("vehicles", "87"),
                                       ("palm oil", "1511"), ("textiles", "")])
def test_hs_codes_known_goods(text, code):
    assert hs_code(text) == code


@pytest.mark.parametrize("text", ["people", "growth", ""])
def test_hs_codes_unknown(text):
    assert hs_code(text) is None


def test_hs_codes_every_alias_code_is_in_hs2022():
    assert all(code in hs_table() for code in aliases().values() if code)

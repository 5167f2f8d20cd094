"""Identifiers take ASCII digits only; text is NFKC-normalised; names refuse invisible
reordering and zero-width characters."""
import pytest

from campus import identifiers
from campus.errors import InvalidArgument


@pytest.mark.parametrize("number", ["٢٢P-123456", "２２P-123456", "22P-12345６"])
def test_a_registration_number_takes_ascii_digits_only(number):
    with pytest.raises(InvalidArgument):
        identifiers.registration_number(number)


def test_text_is_nfkc_normalised():
    assert identifiers.text("Ａｙｅｓｈａ ﬁle １２", "details", max_length=50) == "Ayesha file 12"


@pytest.mark.parametrize("name", ["Ayesha\u202eiqqidiS", "Aye\u200bsha", "\u2067Ayesha\u2069", "Ayesha\ufeff",
                                  "Aye\u061csha"])
def test_a_name_refuses_invisible_reordering_and_zero_width_characters(name):
    with pytest.raises(InvalidArgument) as refused:
        identifiers.person_name(name, "full_name")
    assert refused.value.field == "full_name"


@pytest.mark.parametrize("name", ["Ayesha Siddiqui", "عائشہ صدیقی", "Muhammad-Ali O'Brien"])
def test_ordinary_names_in_either_script_pass(name):
    assert identifiers.person_name(name, "full_name") == name

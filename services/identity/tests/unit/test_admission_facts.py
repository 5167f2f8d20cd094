"""The legacy initial password's second fact: its form, and its keyed digest."""
import pytest

from campus.errors import InvalidArgument
from services.identity import admission_facts as facts


@pytest.mark.parametrize("given, kept", [("37405-6543210-4", "3740565432104"), ("3740565432104", "3740565432104"),
                                         (" 37405-6543210-4 ", "3740565432104"), ("", "")])
def test_a_cnic_is_its_13_digits(given, kept):
    assert facts.cnic(given) == kept


@pytest.mark.parametrize("given", ["37405-6543210", "37405--6543210-4", "٣٧٤٠٥٦٥٤٣٢١٠٤", "３７４０５６５４３２１０４",
                                   "x" * 13])
def test_anything_else_is_not_a_cnic(given):
    with pytest.raises(InvalidArgument) as bad:
        facts.cnic(given)
    assert bad.value.field == "cnic"


@pytest.mark.parametrize("given", ["2003-02-29", "14-08-2003", "2003-8-14", "٢٠٠٣-٠٨-١٤"])
def test_a_date_of_birth_is_a_real_iso_date(given):
    with pytest.raises(InvalidArgument) as bad:
        facts.date_of_birth(given)
    assert bad.value.field == "date_of_birth"
    assert facts.date_of_birth("2004-02-29") == "2004-02-29"


class Config:
    def __init__(self, key):
        from pydantic import SecretStr
        self.mfa_encryption_key, self.signing_key_file = SecretStr(key), "/nonexistent"


def test_the_digest_is_keyed_and_bound_to_the_account():
    one, other = Config("k" * 32), Config("o" * 32)
    base = facts.digest(one, "22P-123456", facts.DATE_OF_BIRTH, "1999-04-12")
    assert base == facts.digest(one, "22P-123456", facts.DATE_OF_BIRTH, "1999-04-12")
    assert base != facts.digest(other, "22P-123456", facts.DATE_OF_BIRTH, "1999-04-12")
    assert base != facts.digest(one, "22P-654321", facts.DATE_OF_BIRTH, "1999-04-12")
    assert "1999" not in base and len(base) == 64

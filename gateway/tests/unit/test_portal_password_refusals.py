"""Identity's refusals of a new password, each in the person's own words on the page."""
import inspect

import pytest

from campus.errors import InvalidArgument
from gateway.portal.account_forms import PASSWORD_REFUSALS, password_refusal
from services.identity import activation, domain, service


@pytest.mark.parametrize("password", ["short1", "onlyletters", "1234567890", "my22p123456pw", "x1" * 65])
def test_each_policy_refusal_has_its_own_message(password):
    with pytest.raises(InvalidArgument) as refused:
        domain.check_password_policy(password, "22P-123456")
    assert refused.value.field == "new_password"
    assert any(password_refusal(refused.value) is message for _words, message in PASSWORD_REFUSALS)


def test_every_phrase_looked_for_is_one_identity_says():
    said = inspect.getsource(domain) + inspect.getsource(service) + inspect.getsource(activation)
    for words, _message in PASSWORD_REFUSALS:
        assert words in said, words


def test_an_unknown_refusal_still_shows_the_rules():
    message = password_refusal(InvalidArgument("new_password is on a list of leaked passwords", field="new_password"))
    assert all(message is not known for _words, known in PASSWORD_REFUSALS)

"""Every message of the portal has its Urdu, and the committed catalogue is the one the
tables make (what `make translations` writes)."""
import re

from gateway.translations import __main__ as translations
from gateway.translations.urdu import URDU


def test_every_message_has_urdu_and_keeps_its_placeholders():
    catalog, missing = translations.catalogue()
    assert missing == []
    placeholders = re.compile(r"%\(\w+\)s")
    for message in translations.messages():
        assert sorted(placeholders.findall(message)) == sorted(placeholders.findall(URDU[message])), message


def test_the_committed_catalogue_is_up_to_date():
    assert translations.main(["--check"]) == 0

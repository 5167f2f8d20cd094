"""docs/events.md is the catalogue the code would write: every event of every events.proto,
its payload's fields and who consumes it."""
import pytest

from campus import event_catalogue

pytestmark = pytest.mark.unit


def test_the_catalogue_is_up_to_date():
    assert event_catalogue.main(["--check"]) == 0, "run python -m campus.event_catalogue"


def test_it_names_each_event_its_fields_and_its_consumers():
    text = event_catalogue.catalogue()
    paid = text.split("### `challan_paid`", 1)[1].split("### ", 1)[0]
    assert "requests (`on_challan_paid`)" in paid and "| `consumer_number` | string |" in paid
    assert "### `correction_approved`" in text and "enrollment (`on_correction_approved`)" in text
    assert "### `complaint_answered`" in text and "**Exactly once in effect**" in text

"""Which fee the catalogue shows for a subtype."""
from types import SimpleNamespace

from gateway.blueprints.public import _subtype

FEES = {"degree_urgent": {"bed": 200000, "ba": 160000, "phd": 600000}, "course_change": {"*": 50000}}


def sub(fee_code):
    return SimpleNamespace(code="x", title="X", fee_code=fee_code, department="examinations")


def test_no_fee_is_zero():
    view = _subtype(sub(""), FEES, None)
    assert (view["fee"], view["fee_varies_by_level"], view["fees_by_level"]) == (0, False, None)


def test_a_flat_fee():
    view = _subtype(sub("course_change"), FEES, "bed")
    assert (view["fee"], view["fee_display"], view["fee_varies_by_level"]) == (50000, "Rs 500", False)


def test_a_fee_by_level_is_the_students_own():
    assert _subtype(sub("degree_urgent"), FEES, "ba")["fee"] == 160000


def test_a_fee_by_level_for_the_public_is_the_lowest_with_the_table():
    view = _subtype(sub("degree_urgent"), FEES, None)
    assert view["fee"] == 160000 and view["fee_varies_by_level"]
    assert view["fees_by_level"] == {"ba": 160000, "bed": 200000, "phd": 600000}

"""Which fee the catalogue shows for a subtype."""
from types import SimpleNamespace

from campus.errors import FailedPrecondition
from gateway.blueprints.public import _subtype
from services.finance import domain

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


def test_a_student_at_a_level_the_fee_has_no_row_for_sees_the_table_not_another_levels_fee_as_hers():
    view = _subtype(sub("degree_urgent"), FEES, "ade")
    assert view == _subtype(sub("degree_urgent"), FEES, None)
    assert view["fee_varies_by_level"] and "ade" not in view["fees_by_level"]


def test_the_catalogue_and_finance_agree_on_every_level():
    """What a signed-in student is shown is what finance would charge her, wherever it charges."""
    schedule = [domain.Fee(code, level, "", paisa)
                for code, by_level in FEES.items() for level, paisa in by_level.items()]
    for level in ("ba", "bed", "phd", "*", "ade", ""):
        for code in FEES:
            try:
                charged = domain.fee_for(schedule, code, level).amount_paisa
            except FailedPrecondition:
                continue
            assert _subtype(sub(code), FEES, level)["fee"] == charged

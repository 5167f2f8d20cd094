"""The fee schedule the migrations load: every program level priced as itself.

The rows are read from the migrations' own data (no database), applied in order."""
import pytest

from campus import testing
from campus.errors import FailedPrecondition, InvalidArgument
from services.finance import domain

migration = testing.load_migration


def seeded_schedule() -> list[domain.Fee]:
    first, exact = migration("finance", "0002_fee_schedule"), migration("finance", "0003_fees_by_exact_level")
    rows = {(c, lv): (t, a) for c, lv, t, a in first.FEES if lv != "ma_msc_bs"}
    for code, level, title, amount in exact.ADDED:
        assert (code, level) not in rows, f"{code}/{level} added twice"
        rows[(code, level)] = (title, amount)
    for code, level, before, now in exact.RETITLED:
        assert rows[(code, level)][0] == before
        rows[(code, level)] = (now, rows[(code, level)][1])
    return [domain.Fee(c, lv, t, a) for (c, lv), (t, a) in rows.items()]


SCHEDULE = seeded_schedule()


def amount(fee_code, level):
    return domain.fee_for(SCHEDULE, fee_code, level).amount_paisa


def test_ade_pays_the_ade_semester_fee_not_the_ba_one():
    assert amount("semester_fee", "ade") == 1120500      # Rs 11,205
    assert amount("semester_fee", "ba") == 273500        # Rs 2,735, BA / Associate Degree


def test_bed_and_med_pay_their_own_semester_fees():
    assert amount("semester_fee", "bed") == 1957500      # Rs 19,575, B.Ed 1.5 year
    assert amount("semester_fee", "med") == 1357500      # Rs 13,575, M.Ed


@pytest.mark.parametrize("level, ordinary, urgent", [
    ("matric", 40000, 80000), ("intermediate", 50000, 100000), ("ba", 80000, 160000), ("ade", 80000, 160000),
    ("bed", 100000, 200000), ("bed4", 100000, 200000), ("bs", 120000, 240000), ("ma_msc", 120000, 240000),
    ("med", 120000, 240000), ("mphil", 200000, 400000), ("phd", 300000, 600000)])
def test_degree_fees_by_level(level, ordinary, urgent):
    assert (amount("degree_ordinary", level), amount("degree_urgent", level)) == (ordinary, urgent)


@pytest.mark.parametrize("level", ["bs", "ma_msc", "bed4", "mphil", "phd", "intermediate", "matric"])
def test_a_level_with_no_published_semester_fee_is_refused_not_priced_as_another(level):
    with pytest.raises(FailedPrecondition) as gap:
        domain.fee_for(SCHEDULE, "semester_fee", level)
    assert gap.value.field == "level"


def test_the_level_that_mixed_three_programs_is_gone():
    assert not any(f.level == "ma_msc_bs" for f in SCHEDULE)
    with pytest.raises(FailedPrecondition):
        domain.fee_for(SCHEDULE, "degree_urgent", "ma_msc_bs")


def test_matric_is_priced_per_course():
    assert (amount("course_fee_6_credit_hours", "matric"), amount("course_fee_3_credit_hours", "matric"),
            amount("technology_charge", "matric")) == (78000, 39000, 25000)


def test_fees_the_same_for_everyone_apply_to_every_level():
    for level in ("matric", "ade", "phd"):
        assert amount("course_change", level) == 50000
        assert amount("exam_centre_change", level) == 100000


def test_no_fee_code_mixes_every_level_with_per_level_rows():
    levels: dict[str, set[str]] = {}
    for fee in SCHEDULE:
        levels.setdefault(fee.fee_code, set()).add(fee.level)
    mixed = {code for code, seen in levels.items() if domain.EVERY_LEVEL in seen and len(seen) > 1}
    assert not mixed


def test_every_level_priced_is_one_enrollment_knows():
    known = {code for code, _title in migration("enrollment", "0003_program_levels").LEVELS}
    priced = {f.level for f in SCHEDULE} - {domain.EVERY_LEVEL}
    assert priced <= known, priced - known
    assert {"ade", "bed", "bed4", "bs", "ma_msc", "med"} <= known


def test_an_unknown_fee_code_names_the_fee_code():
    with pytest.raises(InvalidArgument) as bad:
        domain.fee_for(SCHEDULE, "no_such_fee", "bed")
    assert bad.value.field == "fee_code"

"""The help desk's bot check: a picture of digits, solved once by its digits, never by a
forged, altered or expired token."""
import io

import pytest
from PIL import Image

from gateway import challenge
from gateway.problems import Problem

pytestmark = pytest.mark.unit
SECRET = "a-test-secret-of-at-least-thirty-two-characters"


def test_a_challenge_is_solved_by_its_digits_and_gives_its_one_time_id():
    fresh = challenge.new(SECRET)
    digits = challenge.digits_of(SECRET, fresh["challenge_id"])
    assert len(digits) == challenge.LENGTH and set(digits) <= set(challenge.DIGITS)
    assert digits not in fresh["challenge_id"]  # the token hides them
    once = challenge.solved(SECRET, fresh["challenge_id"], f" {digits[:2]} {digits[2:]} ")
    assert once == challenge.solved(SECRET, fresh["challenge_id"], digits)  # the same id: the service keeps it once
    assert once != challenge.solved(SECRET, (other := challenge.new(SECRET))["challenge_id"],
                                    challenge.digits_of(SECRET, other["challenge_id"]))


@pytest.mark.parametrize("spoil", [
    lambda token, digits: (token, "00000"),                         # wrong digits
    lambda token, digits: (token, ""),                              # none
    lambda token, digits: (token[:-4] + "AAAA", digits),            # altered
    lambda token, digits: ("not-a-token", digits),                  # forged
])
def test_a_wrong_answer_or_a_spoilt_token_is_a_400_naming_the_answer(spoil):
    fresh = challenge.new(SECRET)
    token, answer = spoil(fresh["challenge_id"], challenge.digits_of(SECRET, fresh["challenge_id"]))
    with pytest.raises(Problem) as refused:
        challenge.solved(SECRET, token, answer)
    assert refused.value.status == 400 and refused.value.errors[0]["field"] == "challenge_answer"


def test_another_gateways_secret_cannot_solve_it():
    fresh = challenge.new(SECRET)
    with pytest.raises(Problem):
        challenge.solved("another-secret-of-at-least-thirty-two-chars", fresh["challenge_id"],
                         challenge.digits_of(SECRET, fresh["challenge_id"]))


def test_an_expired_challenge_is_refused(monkeypatch):
    fresh = challenge.new(SECRET)
    digits = challenge.digits_of(SECRET, fresh["challenge_id"])
    import time
    later = time.time() + challenge.TTL_SECONDS + 120
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(Problem):
        challenge.solved(SECRET, fresh["challenge_id"], digits)


def test_the_picture_is_a_small_png_of_the_right_size():
    png = challenge.picture("52847", seed=7)
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size) == ("PNG", (challenge.WIDTH, challenge.HEIGHT))
    assert len(png) < 12_000  # a slow phone loads it at once
    assert challenge.new(SECRET)["image"].startswith("data:image/png;base64,")

"""The help desk's bot check, made and checked here (no third-party service): a picture of
digits to type, as the university's degree tracking has.

A challenge is a token the gateway encrypts for itself (Fernet, a key derived from the
portal's session secret): the digits, a one-time id and its expiry. Any replica checks it
without shared state; the requests service stores the one-time id with the complaint it
files (unique), so one solved challenge files one complaint however often it is replayed."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import random
import secrets

from cryptography.fernet import Fernet, InvalidToken
from PIL import Image, ImageDraw, ImageFont

from gateway.problems import Problem

DIGITS = "23456789"   # no 0/1: they read as O and l
LENGTH = 5
TTL_SECONDS = 900     # long enough to write a complaint on a slow phone
WIDTH, HEIGHT = 200, 64


def _fernet(secret: str) -> Fernet:
    key = hashlib.sha256(b"cms-helpdesk-challenge:" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def new(secret: str) -> dict:
    """A fresh challenge: its id (the token) and its picture as a data: URL."""
    digits = "".join(secrets.choice(DIGITS) for _ in range(LENGTH))
    token = _fernet(secret).encrypt(json.dumps({"d": digits, "n": secrets.token_urlsafe(18)}).encode()).decode()
    return {"challenge_id": token, "image": "data:image/png;base64," + base64.b64encode(picture(digits)).decode(),
            "expires_in": TTL_SECONDS}


def digits_of(secret: str, token: str) -> str:
    """The digits a challenge asks for: what a person reads in the picture (for the tests,
    which cannot read it)."""
    return json.loads(_fernet(secret).decrypt(token.encode()))["d"]


def solved(secret: str, token: str, answer: str) -> str:
    """The challenge's one-time id when `answer` is its digits and it has not expired; a 400
    naming `challenge_answer` otherwise (a new challenge is to be asked for)."""
    try:
        found = json.loads(_fernet(secret).decrypt((token or "").encode(), ttl=TTL_SECONDS))
    except (InvalidToken, ValueError):
        raise Problem(400, "the bot check has expired or is not ours: get a new picture", field="challenge_answer",
                      kind="invalid-challenge") from None
    typed = "".join(ch for ch in (answer or "") if not ch.isspace())
    if not secrets.compare_digest(typed.encode(), found["d"].encode()):
        raise Problem(400, "the digits do not match the picture", field="challenge_answer", kind="invalid-challenge")
    return found["n"]


def picture(digits: str, *, seed: int | None = None) -> bytes:
    """The digits drawn each a little turned and moved, across lines and dots: easy for a
    person, tedious for a script."""
    rng = secrets.SystemRandom() if seed is None else random.Random(seed)  # seeded: the tests' pictures
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    for _ in range(6):  # lines behind the digits
        draw.line([(rng.randint(0, WIDTH), rng.randint(0, HEIGHT)), (rng.randint(0, WIDTH), rng.randint(0, HEIGHT))],
                  fill=(rng.randint(120, 200),) * 3, width=2)
    font = ImageFont.load_default(size=38)
    for i, digit in enumerate(digits):
        glyph = Image.new("RGBA", (48, 56), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((8, 4), digit, font=font, fill=(rng.randint(0, 80), rng.randint(0, 80), 120))
        glyph = glyph.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC)
        image.paste(glyph, (8 + i * 37 + rng.randint(-4, 4), rng.randint(0, 8)), glyph)
    for _ in range(120):  # dots over them
        draw.point((rng.randint(0, WIDTH - 1), rng.randint(0, HEIGHT - 1)), fill=(rng.randint(60, 160),) * 3)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()

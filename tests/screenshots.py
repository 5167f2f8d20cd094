"""Screenshots of the portal's main pages, in English and Urdu, at a phone's width and a
desktop's, for docs/screenshots/ and the README:

    python -m tests.screenshots            # starts the whole stack with the demo data

Each page is shot as the demo student or staff member sees it; the files are named
<page>-<lang>-<phone|desktop>.png."""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from campus.config import ROOT
from tests import browser
from tests.stack import running_stack

OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
#: (name, who signs in first or None, path)
PAGES = [
    ("home", None, "/"),
    ("login", None, "/login"),
    ("track", None, "/track"),
    ("student-dashboard", "22P-123456", "/student"),
    ("student-new-request", "22P-123456", "/student/requests/new"),
    ("student-registration", "24F-100001", "/student/registration"),
    ("programmes", None, "/programmes"),
    ("staff-admission", "admissions.officer", "/staff/admissions/new"),
    ("activate", None, "/activate"),
    ("staff-console", "student.services", "/staff"),
    ("staff-audit", "student.services", "/staff/audit"),
]


def shoot(base_url: str, out: Path, pages=PAGES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**browser.launch_args())
        for lang in ("en", "ur"):
            for size_name, viewport in (("phone", browser.PHONE), ("desktop", DESKTOP)):
                for name, who, path in pages:
                    context = chromium.new_context(viewport=viewport, locale="ur-PK" if lang == "ur" else "en-PK")
                    page = context.new_page()
                    if who:
                        browser.sign_in(page, base_url, who, lang=lang)
                    page.goto(f"{base_url}{path}?lang={lang}")
                    target = out / f"{name}-{lang}-{size_name}.png"
                    page.screenshot(path=str(target), full_page=size_name == "phone")
                    written.append(target)
                    context.close()
        chromium.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with running_stack("shots", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        for path in shoot(stack.gateway_url(), args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()

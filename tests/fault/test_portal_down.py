"""A dead service costs its tiles on the portal's dashboard page, not the page."""
import re

import pytest
from playwright.sync_api import expect

from campus import testing
from tests import browser


@pytest.mark.parametrize("process, tiles", [("exams-grpc", ("results", "transcript")),
                                            ("finance-grpc", ("finance",))])
def test_a_killed_service_leaves_its_tiles_unavailable_and_the_page_whole(page, base_url, stack, http,
                                                                         process, tiles):
    browser.sign_in(page, base_url, "22P-123456", lang="ur")
    expect(page).to_have_url(re.compile(r"/student$"))
    stack.kill(process)
    try:
        answer = page.reload()
        assert answer.status == 200
        for name in tiles:
            tile = page.locator(f'[data-tile="{name}"]')
            expect(tile).to_have_attribute("data-status", "unavailable")
            expect(tile.locator(".unavailable")).to_have_text("اس وقت دستیاب نہیں۔ براہِ کرم تھوڑی دیر بعد کوشش کریں۔")
        for name in ("profile", "courses", "requests", "tracking", "account"):
            expect(page.locator(f'[data-tile="{name}"]')).to_have_attribute("data-status", "ok")
    finally:
        stack.revive(process)
    testing.wait_until(lambda: http.get("/readyz").status_code == 200, timeout=30, what=f"{process} to be back")

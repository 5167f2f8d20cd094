"""What the browser tests share: Debian's chromium for Playwright, axe-core from npm, and
signing in through the portal's own form."""
from __future__ import annotations

import shutil
from pathlib import Path

from campus.config import ROOT
from tests import otp

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: axe-core, installed from npm by `make test` (deploy/debian/install-browser.sh), served
#: to the page under test only: the portal itself never ships it.
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}


def launch_args() -> dict:
    # Root in CI and in containers: chromium's sandbox needs user namespaces it may not have.
    return {"executable_path": CHROMIUM, "args": ["--no-sandbox", "--disable-dev-shm-usage"]}


def sign_in(page, base_url: str, username: str, password: str = "Demo@2026", lang: str = "en") -> None:
    page.goto(f"{base_url}/login?lang={lang}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    if otp.needs_code(username):  # demo staff who must use MFA: the code in the same form
        page.fill("input[name=otp]", otp.code_for(username))
    page.click("form.form button[type=submit]")


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical accessibility violations on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def axe_installed() -> bool:
    return Path(AXE).is_file()

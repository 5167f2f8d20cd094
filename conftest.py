"""Test layers by folder: */tests/unit, */tests/integration, tests/e2e, tests/fault, tests/perf."""
import pathlib

import pytest

pytest_plugins = ["campus.pytest_plugin"]

LAYERS = ("unit", "integration", "e2e", "fault", "perf")


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = pathlib.Path(str(item.fspath)).parts
        for layer in LAYERS:
            if layer in parts:
                item.add_marker(getattr(pytest.mark, layer))
                break


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright drives Debian's chromium (its own browser download is not reachable)."""
    from tests.browser import launch_args
    return {**browser_type_launch_args, **launch_args()}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Tests inject axe-core into the pages; the portal's own CSP would rightly refuse it."""
    return {**browser_context_args, "bypass_csp": True}

"""Browser tests: one Chromium per session, sites built once and served from 127.0.0.1.

Under CI (CI=true) a missing browser is a failure; elsewhere the tests skip with the
reason. Fixtures only: the sites are made in sites.py, the checks are in checks.py.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.browser.checks import Tab
from tests.browser.sites import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    SITES,
    TIMEOUT_MS,
    Sites,
    serve,
)

# --------------------------------------------------------------------------- browser


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


def _playwright() -> Any:
    """Playwright's entry point, once both it and Chromium are known to be there."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"Playwright is not importable ({error}); pip install -e '.[test]'")
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing; apt-get install chromium")
    return sync_playwright


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's, not Playwright's download)."""
    with _playwright()() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
        except Exception as error:
            _unavailable(f"{CHROMIUM} does not start: {error}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shared_pages(browser: Any) -> Iterator[dict[tuple[int, int], Any]]:
    """One page per window size, reused by every test (a new context costs ~0.5 s)."""
    kept: dict[tuple[int, int], Any] = {}
    yield kept
    for page in kept.values():
        page.context.close()


@pytest.fixture
def open_tab(
    browser: Any, shared_pages: dict[tuple[int, int], Any]
) -> Iterator[Callable[..., Tab]]:
    """`open_tab(base, viewport=DESKTOP)`: a page with no palette remembered and no share
    unlocked, the system preference light. Lent for the test, cleaned after it."""
    lent: list[Tab] = []

    def open_tab(base: str, *, viewport: dict[str, int] = DESKTOP) -> Tab:
        size = (viewport["width"], viewport["height"])
        page = shared_pages.get(size)
        if page is None or any(tab.page is page for tab in lent):
            context = browser.new_context(viewport=viewport, color_scheme="light")
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            shared_pages.setdefault(size, page)
        tab = Tab(page, base)
        tab.listen()
        lent.append(tab)
        return tab

    yield open_tab
    for tab in lent:
        kept = [size for size, page in shared_pages.items() if page is tab.page]
        if tab.release() and kept:
            continue
        for size in kept:  # not fit to be lent again: the next test gets a new one
            del shared_pages[size]
        tab.page.context.close()


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    with serve(demo_site) as url:
        yield url


@pytest.fixture
def broken_copy(demo_site: Path, tmp_path: Path) -> Callable[[Callable[[Path], None]], Path]:
    """`broken_copy(break_it)`: a copy of the built demo site, broken by `break_it(site)`."""

    def broken_copy(break_it: Callable[[Path], None]) -> Path:
        site = tmp_path / "site"
        shutil.copytree(demo_site, site)
        break_it(site)
        return site

    return broken_copy


@pytest.fixture(scope="session", autouse=True)
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Sites]:
    """Starts building every site the selected browser tests use, before the first one runs."""
    _playwright()  # no browser, no builds: skip (or fail under CI) at once
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    with ThreadPoolExecutor(max_workers=2) as pool:
        builder = Sites(pool, tmp_path_factory.mktemp("browser"))
        for name, (fixture, _) in SITES.items():  # in this order: the demo first
            if fixture in wanted:
                builder.start(name)
        yield builder


@pytest.fixture(scope="session")
def demo_site(sites: Sites) -> Path:
    """The demo notebook, copied and built once per session."""
    return sites.get("demo")


@pytest.fixture(scope="session")
def share_site(sites: Sites) -> Path:
    """`debrief share --encrypt` of the demo notebook, built once per session."""
    return sites.get("share")


@pytest.fixture(scope="session")
def awkward_url(sites: Sites) -> Iterator[str]:
    """Fourteen months, thirteen weak spots, long names, markup in names (`debrief init`)."""
    with serve(sites.get("awkward")) as url:
        yield url


@pytest.fixture(scope="session")
def empty_url(sites: Sites) -> Iterator[str]:
    """A notebook fresh from `debrief init`, its example entry removed."""
    with serve(sites.get("empty")) as url:
        yield url


@pytest.fixture(scope="session")
def minimal_url(sites: Sites) -> Iterator[str]:
    """`write_notebook`'s bare mkdocs.yml: no markdown_extensions at all."""
    with serve(sites.get("minimal")) as url:
        yield url


@pytest.fixture(scope="session")
def share_url(share_site: Path) -> Iterator[str]:
    with serve(share_site) as url:
        yield url


@pytest.fixture
def broken_share(share_site: Path, tmp_path: Path) -> Callable[[Callable[[Path], None]], Path]:
    """`broken_share(break_it)`: a copy of the locked share, broken by `break_it(site)`."""

    def broken_share(break_it: Callable[[Path], None]) -> Path:
        site = tmp_path / "site-share"
        shutil.copytree(share_site, site)
        break_it(site)
        return site

    return broken_share

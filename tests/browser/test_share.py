"""The passphrase-locked share (`debrief share --encrypt`) in a real Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.checks import (
    LOCK_ERROR,
    LOCK_FORM,
    UNLOCKED,
    chart_problems,
    contrast_problems,
    heading,
    overflow_px,
    search_problems,
    unlock_problems,
    wait_for_heading,
)
from tests.browser.sites import ARTIFACTS, PHONE, SHARE_PASSPHRASE, TODAY, debrief, serve
from tests.conftest import copy_demo

pytestmark = pytest.mark.browser

# What only the unlocked notebook shows; never on a locked page.
SECRETS = ["Fernbank", "Northwind", "system-design", "Seen before"]


def test_wrong_passphrase_shows_an_error_and_no_content(open_tab, share_url):
    tab = open_tab(share_url)
    page = tab.page
    tab.goto("/")
    assert page.title() == "Interview notebook (demo)"
    assert unlock_problems(page, "not the passphrase") == ["error shown: 'Wrong passphrase'"]
    assert page.locator(UNLOCKED).count() == 0
    assert page.locator(LOCK_FORM).is_visible()
    assert page.locator(LOCK_ERROR).get_attribute("role") == "alert"
    shown = page.locator("body").inner_text()
    assert [word for word in SECRETS if word in shown] == []
    assert page.evaluate("sessionStorage.length") == 0
    tab.screenshot("share-wrong-passphrase-light")
    # And the right one still opens it after a mistake.
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    tab.assert_clean()


def test_right_passphrase_opens_and_links_do_not_ask_again(open_tab, share_url):
    tab = open_tab(share_url)
    page = tab.page
    tab.goto("/")
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    assert heading(page) == "My interview notebook"
    assert page.title() == "Interview notebook (demo)"
    assert chart_problems(page) == []
    assert contrast_problems(page, on_bars=False) == []
    kept = page.evaluate("Object.keys(sessionStorage)")
    assert [key for key in kept if key.startswith("debrief-share-key:")] != [], kept
    tab.screenshot("share-home-light")

    # Every link below is a new page load that opens with the key kept in sessionStorage:
    # nothing is typed again.
    for title in ["Lessons", "Weak spots", "Timeline"]:
        page.locator("nav.debrief-pages a", has_text=re.compile(f"^{title}$")).click()
        page.locator(UNLOCKED).wait_for()
        assert heading(page) == title
        assert page.title() == f"{title} - Interview notebook (demo)"
        assert re.fullmatch(r"/p/[0-9a-f]{12}/", page.url.removeprefix(share_url))
    page.locator(".md-content table a", has_text="Fernbank Insurance").first.click()
    page.locator(UNLOCKED).wait_for()
    assert heading(page).startswith("Fernbank Insurance")
    # The seen-before links work inside the share as well.
    page.locator(".admonition.warning a").first.click()
    page.locator(UNLOCKED).wait_for()
    assert heading(page) == "Blue Heron Health — Senior Platform Engineer"
    page.go_back()
    page.locator(UNLOCKED).wait_for()
    assert heading(page).startswith("Fernbank Insurance")
    tab.assert_clean()


def test_a_new_tab_asks_again(open_tab, share_url):
    tab = open_tab(share_url)
    tab.goto("/")
    assert unlock_problems(tab.page, SHARE_PASSPHRASE) == []
    other = tab.page.context.new_page()
    other.goto(share_url + "/")
    other.locator(LOCK_FORM).wait_for()
    assert other.locator(UNLOCKED).count() == 0
    other.close()
    tab.assert_clean()


# Words of the Fernbank entry's lesson, and of one of the Blue Heron entry's.
FERNBANK_LESSON = "exactly once"
BLUE_HERON_LESSON = "clarify scale"


def test_before_unlocking_there_is_no_index_to_read(open_tab, share_url, share_site):
    """Every file of the share, and every response the locked page got, read for an
    entry's text: outside the sealed data there is none, search index included."""
    words = [b"exactly once", b"fernbank", b"clarify scale", b"blue heron", b"northwind"]
    for path in sorted(share_site.rglob("*")):
        if path.is_file():
            data = _SEALED.sub(b"", path.read_bytes()).lower()
            assert [w for w in words if w in data] == [], path
    tab = open_tab(share_url)
    page = tab.page
    responses: list[Any] = []

    def keep(response: Any) -> None:
        responses.append(response)

    page.on("response", keep)
    try:
        tab.goto("/")
        page.locator(LOCK_FORM).wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("response", keep)
    read = {r.url.removeprefix(share_url): r.body() for r in responses if r.status == 200}
    assert "/" in read
    # The theme's request for the index waits for the passphrase: not even the sealed one.
    assert [r.url for r in responses if "search_index" in r.url] == []
    for url, body in read.items():
        assert [w for w in words if w in _SEALED.sub(b"", body).lower()] == [], url
    # Nor can the page's own search read it: the box is hidden, the index not loaded.
    assert page.locator(".md-search__input").is_hidden()
    assert page.locator("label.md-header__button[for=__search]").is_hidden()
    assert page.locator(".md-search-result__meta").inner_text().strip() == "Initializing search"
    tab.assert_clean()


def test_search_after_unlocking_finds_an_entry_by_its_lesson(open_tab, share_url):
    tab = open_tab(share_url)
    page = tab.page
    tab.goto("/")
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    page.locator(".md-search__input").click()
    page.keyboard.type(FERNBANK_LESSON)
    fernbank = page.locator(".md-search-result__item", has_text="Fernbank Insurance")
    fernbank.first.wait_for()
    # The result shows the entry's title and the matching text, highlighted.
    assert fernbank.first.locator("mark", has_text="exactly").count() > 0
    fernbank.first.evaluate("item => item.scrollIntoView()")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # the window, where the results are
    page.screenshot(path=str(ARTIFACTS / "share-search-results-light.png"))
    page.keyboard.press("Escape")
    assert search_problems(page, FERNBANK_LESSON, "Fernbank Insurance") == []
    assert page.locator(f"{UNLOCKED} h1").inner_text().startswith("Fernbank Insurance")
    assert "Never say" in page.locator(UNLOCKED).inner_text()
    tab.assert_clean()


def test_search_still_works_after_moving_between_pages(open_tab, share_url):
    """Every page load opens the index again with the key the tab keeps."""
    tab = open_tab(share_url)
    page = tab.page
    tab.goto("/")
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    page.locator("nav.debrief-pages a", has_text=re.compile("^Lessons$")).click()
    page.locator(UNLOCKED).wait_for()
    assert heading(page) == "Lessons"
    assert search_problems(page, FERNBANK_LESSON, "Fernbank Insurance") == []
    assert search_problems(page, BLUE_HERON_LESSON, "Blue Heron Health") == []
    page.go_back()
    page.locator(UNLOCKED).wait_for()
    assert search_problems(page, FERNBANK_LESSON, "Fernbank Insurance") == []
    # The theme loaded the opened index from a blob: URL on each page it searched.
    assert len([url for url in tab.requests if url.startswith("blob:")]) >= 3
    tab.assert_clean()


@pytest.fixture(scope="module")
def instant_share_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo's locked share with instant navigation on: Material only uses it for the
    addresses of its sitemap, so `site_url` is the address the share is served at."""
    root = copy_demo(tmp_path_factory.mktemp("instant") / "nb")
    with serve(root / "site-share") as url:
        config = root / "mkdocs.yml"
        config.write_text(f"site_url: {url}/\n" + config.read_text(encoding="utf-8"))
        assert "navigation.instant" in config.read_text(encoding="utf-8")
        env = {"DEBRIEF_SHARE_PASSPHRASE": SHARE_PASSPHRASE}
        debrief("share", "--encrypt", "--today", TODAY, cwd=root, env=env)
        yield url


def test_instant_navigation_opens_each_page_and_keeps_search(open_tab, instant_share_url):
    """The theme swaps pages in without loading them: each is opened with the key the
    tab keeps, and the search loaded once keeps working."""
    tab = open_tab(instant_share_url)
    page = tab.page
    tab.goto("/")
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.debrief-pages a", has_text=re.compile("^Lessons$")).click()
    assert wait_for_heading(page, "Lessons") == "Lessons"
    assert page.locator(LOCK_FORM).count() == 0
    assert page.title() == "Lessons - Interview notebook (demo)"
    # Material closes the search 125 ms after the address last changed: not before typing.
    page.wait_for_timeout(400)
    assert search_problems(page, FERNBANK_LESSON, "Fernbank Insurance") == []
    assert "Never say" in page.locator(UNLOCKED).inner_text()
    page.go_back()
    assert wait_for_heading(page, "Lessons") == "Lessons"
    # Not one page was loaded: the first page's window is still there.
    assert page.evaluate("window.__sameDocument") is True
    tab.assert_clean()


_SEALED = re.compile(rb'"(?:ciphertext|iv|salt)":"[A-Za-z0-9+/=]*"')


def test_share_dark_and_phone(open_tab, share_url):
    tab = open_tab(share_url, viewport=PHONE)
    page = tab.page
    tab.goto("/")
    page.locator(LOCK_FORM).wait_for()
    assert overflow_px(page) == 0, "the locked page scrolls sideways"
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    assert overflow_px(page) == 0, "the unlocked home scrolls sideways"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert contrast_problems(page, on_bars=False) == []
    tab.screenshot("share-home-dark-phone")
    tab.assert_clean()


# --------------------------------------------------------------------------- the check fails


def test_unlock_check_fails_for_corrupted_ciphertext(open_tab, broken_share):
    def corrupt(site):
        index = site / "index.html"
        html = index.read_text(encoding="utf-8")

        def flip(match):
            text = match.group(1)
            middle = len(text) // 2
            swapped = "A" if text[middle] != "A" else "B"
            return f'"ciphertext":"{text[:middle]}{swapped}{text[middle + 1 :]}"'

        broken, count = re.subn(r'"ciphertext":"([^"]+)"', flip, html)
        assert count == 1
        index.write_text(broken, encoding="utf-8")

    with serve(broken_share(corrupt)) as url:
        tab = open_tab(url)
        tab.goto("/")
        problems = unlock_problems(tab.page, SHARE_PASSPHRASE)
    assert problems == ["error shown: 'Wrong passphrase'"]
    assert tab.page.locator(UNLOCKED).count() == 0


def test_share_page_list_is_a_row(open_tab, share_url):
    tab = open_tab(share_url)
    tab.goto("/")
    assert unlock_problems(tab.page, SHARE_PASSPHRASE) == []
    pages = tab.page.locator(f"{UNLOCKED} nav.debrief-pages ul")
    assert pages.evaluate("ul => getComputedStyle(ul).display") == "flex"
    assert pages.bounding_box()["height"] < 60

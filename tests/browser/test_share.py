"""The passphrase-locked share (`debrief share --encrypt`) in a real Chromium."""

from __future__ import annotations

import re

import pytest

from tests.browser.checks import (
    LOCK_ERROR,
    LOCK_FORM,
    LOCKED,
    UNLOCKED,
    chart_problems,
    contrast_problems,
    heading,
    overflow_px,
    search_problems,
    unlock_problems,
)
from tests.browser.sites import PHONE, SHARE_PASSPHRASE, serve

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


def test_search_is_off_and_says_so(open_tab, share_url):
    tab = open_tab(share_url)
    page = tab.page
    tab.goto("/")
    assert page.locator(LOCKED).get_by_text("Search is off in a locked share.").is_visible()
    assert unlock_problems(page, SHARE_PASSPHRASE) == []
    if page.locator(".md-search__input").is_visible():
        assert search_problems(page, "Fernbank", "Fernbank Insurance") == []
    else:
        assert page.locator(UNLOCKED).get_by_text("Search is off in a locked share.").is_visible()
        assert page.locator("label.md-header__button[for=__search]").is_hidden()
    tab.assert_clean()


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

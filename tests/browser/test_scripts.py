"""Weak spots named in Japanese, Chinese, Cyrillic and Devanagari get pages named with
their letters, built by MkDocs for real and opened in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.checks import heading, wait_for_heading
from tests.browser.sites import _entry, build, init_notebook, serve

pytestmark = pytest.mark.browser

# As written in the entries; names are made canonical first (case-folded, '-').
SPOTS = ["システム設計", "系统设计", "Системный дизайн", "हिन्दी में बातचीत", "c", "C++", "con"]


@pytest.fixture(scope="module")
def scripts_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("scripts")
    names = SPOTS
    entries = {
        f"2026-0{i + 1}-10-acme.md": _entry(
            "株式会社アクメ", "Backend engineer", f"2026-0{i + 1}-10", weak_spots=names[i : i + 2]
        )
        for i in range(0, len(names), 2)
    }
    site = build(init_notebook(base / "nb", entries))
    with serve(site) as url:
        yield url


def test_every_script_keeps_its_letters_in_the_page_name(open_tab: Any, scripts_url: str) -> None:
    tab = open_tab(scripts_url)
    page = tab.page
    tab.goto("/weak-spots/")
    links = page.locator(".md-content table a")
    found = {
        links.nth(i).inner_text(): unquote(urlsplit(links.nth(i).get_attribute("href")).path)
        for i in range(links.count())
    }
    expected = {
        # 'c' and 'c++' have one slug: the later one gets '-2'; 'con' is a device
        # name on Windows, never a file name of its own
        "システム設計": "/weak-spots/システム設計/",
        "系统设计": "/weak-spots/系统设计/",
        "системный-дизайн": "/weak-spots/системный-дизайн/",
        "हिन्दी-में-बातचीत": "/weak-spots/हिन्दी-में-बातचीत/",
        "c": "/weak-spots/c/",
        "c++": "/weak-spots/c-2/",
        "con": "/weak-spots/con-2/",
    }
    assert found == expected
    tab.screenshot("scripts-weak-spots-light")
    for name, path in expected.items():
        tab.goto(path)
        assert wait_for_heading(page, name) == name, path
    tab.goto("/weak-spots/системный-дизайн/")
    tab.screenshot("scripts-cyrillic-light")
    tab.goto("/weak-spots/システム設計/")
    assert heading(page) == "システム設計"
    tab.screenshot("scripts-japanese-light")
    tab.assert_clean()

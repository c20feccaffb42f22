"""Each check catches the breakage it is there for: run against a deliberately broken site."""

from __future__ import annotations

import re

import pytest

from tests.browser.checks import (
    chart_problems,
    contrast_problems,
    foreign,
    overflow_px,
    search_problems,
)
from tests.browser.sites import PHONE, serve

pytestmark = pytest.mark.browser


def test_chart_check_fails_without_the_svgs(open_tab, broken_copy):
    def drop_svgs(site):
        index = site / "index.html"
        html = index.read_text(encoding="utf-8")
        index.write_text(re.sub(r"<svg.*?</svg>", "", html, flags=re.DOTALL), encoding="utf-8")

    with serve(broken_copy(drop_svgs)) as url:
        tab = open_tab(url)
        tab.goto("/")
        problems = chart_problems(tab.page)
    assert problems == [
        "debrief-chart debrief-chart--feeling: no <svg>",
        "debrief-chart debrief-chart--weak-spots: no <svg>",
        "debrief-chart debrief-chart--outcomes: no <svg>",
    ]


def test_chart_check_fails_for_a_squashed_chart(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/")
    tab.page.add_style_tag(content=".debrief-chart svg { height: 60px !important; }")
    assert any("svg is" in p for p in chart_problems(tab.page))


def test_contrast_check_fails_for_invisible_labels(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/")
    tab.page.add_style_tag(content=".debrief-chart .dc-tick { fill: #eeeeee !important; }")
    problems = contrast_problems(tab.page, on_bars=False)
    assert problems
    assert all("(dc-tick)" in p and "contrast 1.1" in p for p in problems)


def test_search_check_fails_without_the_index(open_tab, broken_copy):
    with serve(broken_copy(lambda site: (site / "search" / "search_index.json").unlink())) as url:
        tab = open_tab(url)
        tab.goto("/")
        problems = search_problems(tab.page, "Fernbank", "Fernbank Insurance", timeout_ms=800)
    assert len(problems) == 1
    assert problems[0].startswith("search for 'Fernbank': no results")
    assert any("search_index.json" in e for e in tab.errors)


def test_overflow_check_fails_for_a_wide_element(open_tab, demo_url):
    tab = open_tab(demo_url, viewport=PHONE)
    tab.goto("/")
    assert overflow_px(tab.page) == 0
    tab.page.add_style_tag(content=".debrief-cards { width: 600px; }")
    assert overflow_px(tab.page) > 0


def test_request_check_catches_another_host(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/")
    tab.page.evaluate(
        """() => { const img = document.createElement('img');
                   img.src = 'http://198.51.100.7/pixel.png';
                   document.body.append(img); }"""
    )
    tab.page.wait_for_timeout(100)
    assert tab.foreign_requests() == ["http://198.51.100.7/pixel.png"]
    assert foreign(["data:image/png;base64,AAAA", "blob:http://127.0.0.1:1/x"]) == []
    assert foreign(["http://localhost:8000/", "https://127.0.0.1.example.com/"]) == [
        "http://localhost:8000/",
        "https://127.0.0.1.example.com/",
    ]

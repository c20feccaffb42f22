"""The demo notebook and two fixture notebooks in a real Chromium."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from tests.browser.checks import (
    broken_dates,
    chart_problems,
    contrast_problems,
    heading,
    label_size_problems,
    overflow_px,
    scheme,
    search_problems,
    toggle_palette,
    wait_for_heading,
    wide_elements,
)
from tests.browser.sites import CHART_PAGES, FERNBANK, MAIN_PAGES, PHONE

pytestmark = pytest.mark.browser


def test_home_dashboard_and_charts(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/")
    page = tab.page
    assert heading(page) == "My interview notebook"
    cards = page.locator(".debrief-card").all_inner_texts()
    assert len(cards) == 7
    assert re.match(r"13\s+interviews since 2026-06-03", cards[0])
    # blue heron, northwind onsite and tallgrass final answered; saltmarsh said none;
    # fernbank is still waiting
    assert re.match(r"60%\s+feedback answered: 3 of 5 requests", cards[5])
    # 14 questions rated 3 or less or with a better answer, all past their cool-off
    assert re.match(r"14\s+cards to practise", cards[6])
    assert page.locator(".md-content h2", has_text="Where I keep tripping").is_visible()
    assert page.locator(".md-content table").first.is_visible()
    kinds = page.locator(".debrief-chart").evaluate_all("els => els.map(e => e.className)")
    assert kinds == [
        "debrief-chart debrief-chart--feeling",
        "debrief-chart debrief-chart--weak-spots",
        "debrief-chart debrief-chart--outcomes",
    ]
    assert chart_problems(page) == []
    assert label_size_problems(page) == []
    tab.assert_clean()


@pytest.mark.parametrize("path", CHART_PAGES[1:])
def test_weak_spot_pages_have_charts(open_tab, demo_url, path):
    tab = open_tab(demo_url)
    tab.goto(path)
    if path == "/weak-spots/system-design/":
        # A single weak spot's page has no chart of its own; its table is the content.
        assert tab.page.locator(".debrief-chart").count() == 0
        assert heading(tab.page) == "system-design"
        assert tab.page.locator(".md-content table tbody tr").count() == 4
    else:
        assert chart_problems(tab.page) == []
    tab.assert_clean()


def test_navigation_tabs(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/")
    page = tab.page
    for title, path in [
        ("Timeline", "/timeline/"),
        ("Weak spots", "/weak-spots/"),
        ("Lessons", "/lessons/"),
        ("Questions", "/questions/"),
        ("Follow-ups", "/follow-ups/"),
        ("Prep", "/prep/"),
        ("Home", "/"),
    ]:
        page.locator("nav.md-tabs").get_by_role("link", name=title, exact=True).click()
        page.wait_for_url(demo_url + path)
        expected = "My interview notebook" if title == "Home" else title
        if title == "Prep":
            expected = re.compile(r"^Prep")
        got = wait_for_heading(page, expected)
        assert expected.search(got) if isinstance(expected, re.Pattern) else got == expected, (
            f"{title} tab opened {page.url} titled {got!r}"
        )
        active = page.locator("nav.md-tabs .md-tabs__item--active").inner_text().strip()
        assert active == title
    tab.assert_clean()


def test_seen_before_links_lead_to_the_earlier_entries(open_tab, demo_url):
    tab = open_tab(demo_url)
    page = tab.page
    tab.goto(FERNBANK)
    here = date.fromisoformat("2026-11-12")
    callout = page.locator(".admonition.warning")
    assert (
        callout.locator(".admonition-title").inner_text() == "Seen before: system-design, 4th time"
    )
    links = callout.locator("a").evaluate_all(
        """links => links.map(a => ({text: a.textContent, path: new URL(a.href).pathname,
            after: a.parentElement.textContent.split(a.textContent).pop()}))"""
    )
    # Three earlier interviews, each with its date; then the lessons about system design
    # written there, naming the company: one in each (the others are about other names).
    earlier = [link for link in links if re.fullmatch(r" \(\d{4}-\d\d-\d\d\)", link["after"])]
    lessons = [link for link in links if link not in earlier]
    assert [link["text"] for link in earlier] == [
        "Blue Heron Health — Senior Platform Engineer",
        "Northwind Logistics — Senior Backend Engineer",
        "Tallgrass Software — Senior Platform Engineer",
    ]
    assert len(lessons) == 3
    companies = {link["path"]: link["text"].split(" — ")[0] for link in earlier}
    for link in lessons:
        assert companies.get(link["path"]) == link["text"], f"lesson link {link}"
    for i, link in enumerate(earlier):
        if i:
            tab.goto(FERNBANK)
        page.locator(".admonition.warning a").nth(i).click()
        page.wait_for_url(demo_url + link["path"])
        title = wait_for_heading(page, link["text"])
        assert title == link["text"], f"{link['path']} opened {title!r}"
        chip = page.locator(".debrief-chip", has_text="date").inner_text()
        day = date.fromisoformat(chip.split()[-1])
        assert day < here, f"{title} ({day}) is not earlier than Fernbank"
        assert link["after"].strip() == f"({day.isoformat()})"
        assert page.locator(".md-content a", has_text="system-design").count() >= 1
    tab.assert_clean()


def test_search_finds_and_opens(open_tab, demo_url):
    tab = open_tab(demo_url)
    tab.goto("/lessons/")
    problems = []
    for query, expected in [
        ("Fernbank", "Fernbank Insurance"),  # a company
        ("system-design", "system-design"),  # a weak spot
        ("kubernetes operators", "kubernetes-operators"),  # a weak spot, as one would type it
    ]:
        problems += search_problems(tab.page, query, expected)
    assert problems == []
    tab.assert_clean()


def test_palette_toggle_and_chart_contrast(open_tab, demo_url):
    """Every main page in both palettes, switched with the toggle; the choice is kept from
    page to page. Chart labels read against the page, and the counts drawn on the outcome
    bars against the bar (white on the grey 'pending' bar was 2.56 once)."""
    tab = open_tab(demo_url)
    page = tab.page
    names = {"default": "light", "slate": "dark"}
    other = {"default": "slate", "slate": "default"}
    problems = []
    expected = "default"  # a first visit follows the system's (light) preference
    for name, path in MAIN_PAGES:
        tab.goto(path)
        assert scheme(page) == expected, f"{path} opened in {scheme(page)}, not {expected}"
        charts = page.locator(".debrief-chart").count()
        for toggle in (True, False):
            if charts:
                problems += contrast_problems(page)
            tab.screenshot(f"{name}-{names[expected]}")
            if toggle:
                assert toggle_palette(page) == other[expected]
                expected = other[expected]
        # The next page opens in the palette chosen last.
    assert problems == []
    tab.assert_clean()


def test_no_request_leaves_localhost(open_tab, demo_url):
    """Search, an entry, a seen-before link and the toggle: all of it from 127.0.0.1.
    (Every other test checks the same for the pages it visits: `Tab.assert_clean`.)"""
    tab = open_tab(demo_url)
    page = tab.page
    tab.goto("/")
    assert search_problems(page, "Fernbank", "Fernbank Insurance") == []
    page.locator(".admonition.warning a").first.click()
    assert wait_for_heading(page, re.compile("^Blue Heron")).startswith("Blue Heron")
    toggle_palette(page)
    page.locator("nav.md-tabs").get_by_role("link", name="Weak spots", exact=True).click()
    assert wait_for_heading(page, "Weak spots") == "Weak spots"
    toggle_palette(page)
    page.wait_for_load_state("networkidle")
    assert len(tab.requests) > 10
    assert any("search_index.json" in url for url in tab.requests)
    assert any(url.endswith("/weak-spots/") for url in tab.requests)  # instant navigation
    tab.assert_clean()


def test_phone_width(open_tab, demo_url):
    tab = open_tab(demo_url, viewport=PHONE)
    page = tab.page
    too_wide = {}
    for name, path in MAIN_PAGES:
        tab.goto(path)
        if overflow_px(page) > 0:
            too_wide[path] = (overflow_px(page), wide_elements(page))
            tab.screenshot(f"{name}-phone")
    assert too_wide == {}
    # The tabs are gone at this width: the drawer still reaches every page.
    tab.goto("/")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary").get_by_role("link", name="Weak spots", exact=True).click()
    assert wait_for_heading(page, "Weak spots") == "Weak spots"
    tab.assert_clean()


def test_company_prep_page_names_the_company(open_tab, demo_url):
    """Every prep page's h1 was 'Prep brief': nine search results alike, none naming a company."""
    tab = open_tab(demo_url)
    tab.goto("/prep/")
    assert search_problems(tab.page, "Fernbank", "Prep brief: Fernbank Insurance") == []
    assert urlsplit(tab.page.url).path == "/prep/fernbank-insurance/"
    tab.assert_clean()


def test_phone_chart_labels_readable(open_tab, demo_url):
    """At 390 px the charts once shrank to 0.56 and drew 11 px labels at 6.2 px; now they
    keep their size and scroll inside their own box."""
    tab = open_tab(demo_url, viewport=PHONE)
    tab.goto("/")
    assert chart_problems(tab.page) == []
    assert label_size_problems(tab.page) == []
    assert overflow_px(tab.page) == 0
    tab.assert_clean()


def test_dates_stay_on_one_line(open_tab, demo_url):
    tab = open_tab(demo_url)
    broken = {}
    for _, path in MAIN_PAGES:
        tab.goto(path)
        found = broken_dates(tab.page)
        if found:
            broken[path] = found
    assert broken == {}


# --------------------------------------------------------------------------- fixtures


def test_empty_notebook(open_tab, empty_url):
    tab = open_tab(empty_url)
    page = tab.page
    tab.goto("/")
    assert page.locator(".admonition", has_text="Write your first debrief").is_visible()
    assert page.locator(".debrief-chart").count() == 0
    for path in ["/timeline/", "/weak-spots/", "/questions/"]:
        tab.goto(path)
        assert heading(page)
    tab.screenshot("empty-home-light")
    tab.assert_clean()


AWKWARD_PAGES = ["/", "/timeline/", "/weak-spots/", "/lessons/", "/questions/", "/follow-ups/"]


def test_awkward_notebook_charts(open_tab, awkward_url):
    """Fourteen months, thirteen weak spots, markup and long words in names."""
    tab = open_tab(awkward_url)
    page = tab.page
    problems = {}
    for path in ["/", "/weak-spots/"]:
        tab.goto(path)
        # Month labels used to run together with 14 months ('Oct 2025' into 'Nov').
        found = chart_problems(page) + contrast_problems(page)
        if found:
            problems[path] = found
        tab.screenshot("awkward-" + (path.strip("/").replace("/", "-") or "home") + "-light")
    assert problems == {}
    # Names are text, never markup.
    tab.goto("/timeline/")
    assert page.locator(".md-content søns").count() == 0
    assert "Ünïcødé & <Søns> Internationale" in page.locator(".md-content table").inner_text()
    tab.goto("/weak-spots/")
    assert page.locator(".md-content b").count() == 0
    tab.assert_clean()


def test_awkward_notebook_search(open_tab, awkward_url):
    tab = open_tab(awkward_url)
    tab.goto("/")
    assert search_problems(tab.page, "Versicherungsgesellschaft", "Ünïcødé & <Søns>") == []
    tab.assert_clean()


def test_awkward_notebook_phone_width(open_tab, awkward_url):
    tab = open_tab(awkward_url, viewport=PHONE)
    page = tab.page
    too_wide = {}
    tab.goto("/timeline/")
    # Instant navigation makes every link absolute.
    entry = urlsplit(page.locator(".md-content table a").first.get_attribute("href")).path
    for path in [*AWKWARD_PAGES, entry]:
        tab.goto(path)
        if overflow_px(page) > 0:
            too_wide[path] = (overflow_px(page), wide_elements(page))
            tab.screenshot("awkward-phone-" + (path.strip("/").replace("/", "-") or "home"))
    assert too_wide == {}
    tab.assert_clean()


def test_minimal_config_renders_callouts(open_tab, minimal_url):
    """A mkdocs.yml without markdown_extensions: the plugin enables what its pages use
    (raw '!!! warning' text once)."""
    tab = open_tab(minimal_url)
    page = tab.page
    tab.goto("/entries/2026-02-10-acme/")
    assert page.locator(".admonition", has_text="Seen before: estimation").is_visible()
    assert "!!!" not in page.locator(".md-content").inner_text()
    assert page.locator(".md-content .task-list-item").count() == 5
    tab.assert_clean()

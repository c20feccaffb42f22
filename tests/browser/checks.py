"""The browser checks: plain functions of a Playwright page that return a list of problems
(empty: fine), so that the negative tests (test_checks_fail.py) can show each of them
catching a broken site. `Tab` is a page lent to one test, with what it logged.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.browser.sites import ARTIFACTS, TIMEOUT_MS


@dataclass
class Tab:
    """A browser page lent to one test, with everything it logged meanwhile."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _listeners: list[tuple[Any, str, Callable[[Any], None]]] = field(default_factory=list)

    def listen(self) -> None:
        # On the context: the requests of workers (search) and of every page it opens.
        context = self.page.context
        self._on(context, "request", lambda request: self.requests.append(request.url))
        self._on(context, "response", self._response)
        self._on(self.page, "console", self._console)
        self._on(self.page, "pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _on(self, target: Any, event: str, handler: Callable[[Any], None]) -> None:
        target.on(event, handler)
        self._listeners.append((target, event, handler))

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console {message.type}: {message.text}")

    def release(self) -> bool:
        """Stop listening, forget the palette and any unlocked share, leave the page blank.
        False when the page is not fit to be lent again."""
        for target, event, handler in self._listeners:
            target.remove_listener(event, handler)
        try:
            self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            self.page.goto("about:blank")
            return len(self.page.context.pages) == 1
        except Exception:
            return False

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="domcontentloaded")

    def foreign_requests(self) -> list[str]:
        return foreign(self.requests)

    def assert_clean(self) -> None:
        """Nothing left 127.0.0.1 and nothing went wrong in the console."""
        assert self.foreign_requests() == [], "requests to other hosts"
        assert self.errors == [], "console errors"

    def screenshot(self, name: str) -> Path:
        """A full-page screenshot into test-artifacts/screenshots/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def foreign(urls: list[str]) -> list[str]:
    """The URLs that went anywhere but 127.0.0.1 (data: and blob: are local)."""
    bad = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob"):
            continue
        if parts.scheme not in ("http", "https") or parts.hostname != "127.0.0.1":
            bad.append(url)
    return bad


def heading(page: Any) -> str:
    """The page's h1 without its permalink sign."""
    return str(
        page.evaluate(
            """() => {
                const h1 = document.querySelector('.md-content h1');
                if (!h1) return '';
                const copy = h1.cloneNode(true);
                copy.querySelectorAll('.headerlink').forEach(a => a.remove());
                return copy.textContent.trim();
            }"""
        )
    )


def wait_for_heading(page: Any, expected: str | re.Pattern[str], timeout: float = 10) -> str:
    """Wait until the h1 is `expected` (instant navigation swaps it in); return it."""
    deadline = time.monotonic() + timeout
    while True:
        text = heading(page)
        ok = expected.search(text) if isinstance(expected, re.Pattern) else text == expected
        if ok or time.monotonic() > deadline:
            return text
        page.wait_for_timeout(50)


def chart_problems(page: Any, *, overlaps: bool = True) -> list[str]:
    """Charts on the page: present, visible, sized, and (`overlaps`) no labels run together."""
    charts = page.evaluate(
        """() => [...document.querySelectorAll('.debrief-chart')].map(div => {
            const svg = div.querySelector('svg');
            if (!svg) return {kind: div.className, svg: null};
            const r = svg.getBoundingClientRect();
            const style = getComputedStyle(svg);
            const texts = [...svg.querySelectorAll('text')].map(t => {
                const b = t.getBoundingClientRect();
                return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
            });
            return {kind: div.className, svg: {w: r.width, h: r.height,
                visible: style.visibility !== 'hidden' && style.display !== 'none'
                    && svg.checkVisibility()}, texts};
        })"""
    )
    if not charts:
        return ["no chart (div.debrief-chart) on the page"]
    problems = []
    for chart in charts:
        svg = chart["svg"]
        if svg is None:
            problems.append(f"{chart['kind']}: no <svg>")
            continue
        if not svg["visible"]:
            problems.append(f"{chart['kind']}: svg not visible")
        if svg["w"] <= 200 or svg["h"] <= 100:
            problems.append(f"{chart['kind']}: svg is {svg['w']:.0f}x{svg['h']:.0f} px")
        if overlaps:
            problems.extend(f"{chart['kind']}: {p}" for p in _overlaps(chart["texts"]))
    return problems


def label_size_problems(page: Any, minimum: float = 9.0) -> list[str]:
    """Chart labels as drawn on screen (the SVG scales with its box): at least `minimum` px."""
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.debrief-chart svg')].map(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const px = [...svg.querySelectorAll('text')].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale);
            return {kind: svg.parentElement.className, smallest: Math.min(...px)};
        })"""
    )
    return [
        f"{chart['kind']}: labels drawn at {chart['smallest']:.1f} px < {minimum} px"
        for chart in sizes
        if chart["smallest"] < minimum
    ]


def _overlaps(texts: list[dict[str, Any]], gap: float = 2.0) -> list[str]:
    """Labels on one line that overlap or run into each other (less than `gap` px apart)."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > -gap and dy > 1:
                found.append(f"labels run together: {a['text']!r} and {b['text']!r}")
    return found


_RGBA = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_color(value: str) -> tuple[float, float, float, float]:
    match = _RGBA.fullmatch(value.strip())
    if not match:
        raise ValueError(f"cannot read the colour {value!r}")
    r, g, b, a = match.groups()
    alpha = 1.0 if a is None else float(a[:-1]) / 100 if a.endswith("%") else float(a)
    return float(r), float(g), float(b), alpha


def over(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, float, float, float]:
    """`top` composited over an opaque `bottom`."""
    a = top[3]
    return (
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1.0,
    )


def luminance(color: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_CHART_COLORS = """() => [...document.querySelectorAll('.debrief-chart svg')].map(svg => {
    // The page behind the chart: every background from <html> down to the chart.
    const layers = [];
    for (let el = svg.parentElement; el; el = el.parentElement)
        layers.unshift(getComputedStyle(el).backgroundColor);
    const shapes = [...svg.querySelectorAll('rect, circle')];
    const texts = [...svg.querySelectorAll('text')].map(t => {
        // A label drawn on a bar reads against the bar, not the page.
        const b = t.getBoundingClientRect();
        const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
        const under = shapes.filter(s => {
            if (!(s.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
            const r = s.getBoundingClientRect();
            return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
        }).pop();
        return {text: t.textContent, cls: t.getAttribute('class'),
                fill: getComputedStyle(t).fill,
                under: under ? getComputedStyle(under).fill : null};
    });
    return {kind: svg.parentElement.className, layers, texts};
})"""


def contrast_problems(
    page: Any, minimum: float = 3.0, *, on_page: bool = True, on_bars: bool = True
) -> list[str]:
    """Chart labels against what is behind them, the page (`on_page`) or a bar drawn
    under the label (`on_bars`): a WCAG contrast ratio of at least `minimum`."""
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    charts = page.evaluate(_CHART_COLORS)
    if not charts:
        return ["no chart on the page"]
    problems = []
    for chart in charts:
        backdrop: tuple[float, float, float, float] = (255.0, 255.0, 255.0, 1.0)  # the canvas
        for layer in chart["layers"]:
            backdrop = over(parse_color(layer), backdrop)
        for text in chart["texts"]:
            if not (on_bars if text["under"] else on_page):
                continue
            behind = over(parse_color(text["under"]), backdrop) if text["under"] else backdrop
            fill = over(parse_color(text["fill"]), behind)
            ratio = contrast(fill, behind)
            if ratio < minimum:
                problems.append(
                    f"{scheme}: {chart['kind']} label {text['text']!r} ({text['cls']}) "
                    f"fill {text['fill']} on {text['under'] or 'the page'} "
                    f"(page {_hex(backdrop)}): contrast {ratio:.2f} < {minimum}"
                )
    return problems


def _hex(color: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in color[:3])


def scheme(page: Any) -> str:
    return str(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))


def toggle_palette(page: Any) -> str:
    """Click the visible palette toggle; wait for the scheme to change; return the new one."""
    before = scheme(page)
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function(
        "before => document.body.getAttribute('data-md-color-scheme') !== before", arg=before
    )
    return scheme(page)


def search_problems(
    page: Any, query: str, expected: str, timeout_ms: int = TIMEOUT_MS
) -> list[str]:
    """Type `query` in Material's search box; a result whose title starts with `expected`
    must appear, and clicking it must open a page whose h1 starts with `expected`."""
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("")
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    try:
        results.first.wait_for(timeout=timeout_ms)
    except Exception:
        meta = page.locator(".md-search-result__meta").all_inner_texts()
        return [f"search for {query!r}: no results (search says {meta})"]
    starts = re.compile("^\\s*" + re.escape(expected))
    wanted = results.filter(has=page.locator("h1", has_text=starts))
    try:
        # Search runs at every key: the first results shown may be a prefix's.
        wanted.first.wait_for(timeout=timeout_ms)
    except Exception:
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        return [f"search for {query!r}: no result titled {expected!r} among {titles}"]
    link = wanted.first.locator("a.md-search-result__link").first
    href = link.get_attribute("href") or ""
    link.click()
    target = urlsplit(href).path
    try:
        page.wait_for_url(lambda url: urlsplit(url).path == target, timeout=timeout_ms)
    except Exception:
        return [f"search result {href} did not open (at {page.url})"]
    title = wait_for_heading(page, starts, timeout_ms / 1000)
    if not starts.search(title):
        return [f"search result {href} opened a page titled {title!r}"]
    return []


def broken_dates(page: Any) -> list[str]:
    """Dates (YYYY-MM-DD) in the content that the browser broke across two lines."""
    return list(
        page.evaluate(
            r"""() => {
                const out = [];
                const walker = document.createTreeWalker(
                    document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const m of node.textContent.matchAll(/\d{4}-\d\d-\d\d/g)) {
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const tops = new Set([...range.getClientRects()]
                            .filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) out.push(m[0]);
                    }
                }
                return out;
            }"""
        )
    )


def overflow_px(page: Any) -> int:
    """How far the page itself scrolls sideways (0: it fits the window)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def wide_elements(page: Any) -> list[str]:
    """What sticks out past the window's right edge (for the failure message)."""
    return list(
        page.evaluate(
            """() => {
                const out = [];
                for (const el of document.querySelectorAll('.md-content *')) {
                    const r = el.getBoundingClientRect();
                    if (r.right > window.innerWidth + 1 && r.width > 0) {
                        let inScroller = false;
                        for (let p = el.parentElement; p; p = p.parentElement) {
                            const o = getComputedStyle(p).overflowX;
                            if (o === 'auto' || o === 'scroll' || o === 'hidden') {
                                inScroller = true; break;
                            }
                        }
                        if (!inScroller)
                            out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' +
                                     Math.round(r.right) + 'px: ' +
                                     (el.textContent || '').trim().slice(0, 60));
                    }
                }
                return out.slice(0, 8);
            }"""
        )
    )


# The locked share's page (generator/share/locked.py and assets/lock.js).
LOCKED = "#debrief-locked"
UNLOCKED = "#debrief-unlocked"
LOCK_FORM = "#debrief-lock-form"
PASSPHRASE = "#debrief-passphrase"
UNLOCK = "#debrief-unlock"
LOCK_ERROR = "#debrief-lock-error"


def unlock_problems(page: Any, passphrase: str, timeout_ms: int = 10_000) -> list[str]:
    """Type `passphrase` into a locked page's form; the page must show its content, and
    no error. Returns what went wrong instead (the error shown, content still hidden)."""
    form = page.locator(LOCK_FORM)
    try:
        form.wait_for(state="visible")
    except Exception:
        return ["no passphrase form is shown"]
    page.locator(PASSPHRASE).fill(passphrase)
    page.locator(UNLOCK).click()
    error = page.locator(LOCK_ERROR)
    either = page.locator(f"{UNLOCKED}, {LOCK_ERROR}:visible")
    try:
        either.first.wait_for(state="visible", timeout=timeout_ms)
    except Exception:
        return ["neither the page nor an error after the passphrase"]
    if error.is_visible():
        return [f"error shown: {error.inner_text()!r}"]
    return locked_content_problems(page)


def locked_content_problems(page: Any) -> list[str]:
    """An unlocked page: the content is there, the form and the sealed data are gone."""
    problems = []
    if page.locator(LOCKED).count():
        problems.append("the lock is still on the page")
    if not page.locator(f"{UNLOCKED} h1").count():
        problems.append("no heading in the unlocked content")
    if not page.locator(f"{UNLOCKED} nav.debrief-pages a").count():
        problems.append("no page list in the unlocked content")
    return problems

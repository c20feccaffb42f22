"""The view a template gets of its page, and the Jinja2 environment that renders it.

`PageView` is what a template calls `page`: the insights, the page's own address, and
links from it to any other page; `render_template` renders one template for one page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from generator.aggregate import Insights, Lesson, QuestionRecord, WeakSpot
from generator.entry.read import Entry
from generator.render.addresses import (
    Addresses,
    entry_path,
    folders,
    page_url,
    relative_link,
    relative_url,
)
from generator.render.escape import html_inline, html_text, md_inline, yaml_string
from generator.render.placeholders import Parts, Source
from generator.render.words import noun, plural
from generator.settings import Settings


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # the output is Markdown: every value is escaped by a filter
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are the package's own and do not change while it runs: not looked
        # at again on disk each time a page is rendered.
        auto_reload=False,
    )
    env.filters["md"] = md_inline
    env.filters["html"] = html_text
    env.filters["html_inline"] = html_inline
    # `names|html_inline_each`: `map("html_inline")` without Jinja2 looking the filter up
    # again for each item.
    env.filters["html_inline_each"] = lambda items: [html_inline(item) for item in items]
    env.filters["yaml"] = yaml_string
    env.filters["stars"] = lambda n: "★" * n + "☆" * (5 - n)
    env.filters["ordinal"] = ordinal
    env.filters["when"] = when
    env.filters["plural"] = plural  # {{ n|plural("interview") }}: 1 interview, 2 interviews
    env.filters["noun"] = noun  # the word alone, for a count shown apart
    env.filters["part"] = part
    return env


@jinja2.pass_context
def part(context: jinja2.runtime.Context, rendered: str) -> str:
    """`{% filter part %}...{% endfilter %}`: the HTML block between, kept as its page keeps
    it (`Parts.block`). A filter block renders its body in place; a `{% call %}` made a
    macro for it, and called it through Jinja2's machinery, each time (a tenth of an
    entry page's rendering)."""
    page: PageView = context["page"]
    return page.part.block(rendered)


def when(day: date) -> str:
    """A date that never breaks at its hyphens (see `time` in debrief.css)."""
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class PageView:
    """What every template gets as `page`: the insights, and links relative to the page itself."""

    def __init__(
        self,
        here: str,
        insights: Insights,
        addresses: Addresses,
        settings: Settings,
        banner: str = "",
        lookups: dict[str, Any] | None = None,
        split: bool = False,
    ) -> None:
        self.banner = banner
        # Lookups built once per render and shared by every page (a cache, not the share).
        self.lookups: dict[str, Any] = lookups if lookups is not None else {}
        self.here = here
        self.insights = insights
        self.addresses = addresses
        self.settings = settings
        self.part = Parts(split)
        self._address = page_url(here, settings.directory_urls)
        self._folders = folders(self._address)
        # Per render: each docs path's address, and how each entry is named in a link;
        # per page: the links made so far (a link is often made twice).
        self._addresses: dict[str, str] = self.lookups.setdefault("addresses", {})
        self._entry_texts: dict[tuple[str, bool], str] = self.lookups.setdefault("entries", {})
        self._links: dict[str, str] = {}

    @property
    def spots(self) -> dict[str, WeakSpot]:
        spots: dict[str, WeakSpot] | None = self.lookups.get("spots")
        if spots is None:
            spots = self.lookups["spots"] = {s.name: s for s in self.insights.weak_spots}
        return spots

    def position(self, name: str, slug: str) -> int:
        """Where an entry stands among the entries that list weak spot `name`."""
        positions: dict[str, dict[str, int]] = self.lookups.setdefault("positions", {})
        if name not in positions:
            positions[name] = {s: i for i, s in enumerate(self.spots[name].entries)}
        return positions[name][slug]

    def lessons_by_entry(self, slugs: Iterable[str]) -> list[Any]:
        """The lessons written in these entries, oldest entry first."""
        return self._of_entries("lessons", self.insights.lessons, slugs)

    def lessons_about(self, name: str) -> list[Lesson]:
        """The lessons about weak spot `name` (aggregate's rule), oldest first."""
        return self._about("lessons about", self.insights.lessons).get(name, [])

    def questions_about(self, name: str) -> list[QuestionRecord]:
        """The questions filed under weak spot `name` (aggregate's rule), oldest first."""
        return self._about("questions about", self.insights.questions).get(name, [])

    def _about(self, kind: str, items: Iterable[Any]) -> dict[str, list[Any]]:
        by_name: dict[str, list[Any]] | None = self.lookups.get(kind)
        if by_name is None:
            by_name = self.lookups[kind] = {}
            for item in items:
                for name in item.about:
                    by_name.setdefault(name, []).append(item)
        return by_name

    def _of_entries(self, kind: str, items: Iterable[Any], slugs: Iterable[str]) -> list[Any]:
        by_entry: dict[str, list[Any]] = self.lookups.setdefault(kind, {})
        if not by_entry:
            for item in items:
                by_entry.setdefault(item.entry, []).append(item)
        return [x for slug in sorted(set(slugs), key=self._order) for x in by_entry.get(slug, [])]

    def source(self, markdown: str) -> Source:
        """This page's rendered Markdown with the HTML blocks its templates set apart
        (and its headings, when it can: `placeholders.lift`)."""
        return self.part.source(markdown)

    def markdown(self, text: str) -> str:
        """`{{ page.markdown(body) }}`: hand-written Markdown, shown as it is."""
        return self.part.markdown(text)

    def entries_of(self, slugs: Iterable[str]) -> list[Entry]:
        return [self.insights.by_slug[slug] for slug in slugs]

    def _order(self, slug: str) -> int:
        """Where an entry stands in the insights' (chronological) order."""
        order: dict[str, int] | None = self.lookups.get("order")
        if order is None:
            order = self.lookups["order"] = {e.slug: i for i, e in enumerate(self.insights.entries)}
        return order[slug]

    def href(self, target: str) -> str:
        """The Markdown link from this page to the page at docs path `target` (`x.md`)."""
        return relative_url(target, self.here)

    def entry_href(self, slug: str) -> str:
        return self.href(entry_path(slug))

    def url(self, target: str) -> str:
        """The address of the page at docs path `target`, relative to this page, for HTML."""
        link = self._links.get(target)
        if link is None:
            address = self._addresses.get(target)
            if address is None:
                address = page_url(target, self.settings.directory_urls)
                self._addresses[target] = address
            link = self._links[target] = relative_link(address, self._folders)
        return link

    def entry_url(self, slug: str) -> str:
        return self.url(entry_path(slug))

    def spot_url(self, name: str) -> str:
        return self.url(self.addresses.weak_spots[name])

    def entry_a(self, slug: str, *, long: bool = True) -> str:
        """An HTML link to an entry's page, with its date: `Acme — Engineer (2026-01-01)`."""
        shown = self._entry_texts.get((slug, long))
        if shown is None:  # what follows the link's address: the same on every page
            entry = self.insights.by_slug[slug]
            meta = entry.meta
            text = html_inline(f"{meta.company} — {meta.role}" if long else meta.company)
            # The dash as &mdash;: a page of links (Practice: 15,000) then stays Latin-1,
            # which Python holds in half the memory; a browser and search read it the same.
            text = text.replace("—", "&mdash;")
            shown = self._entry_texts[slug, long] = f'">{text}</a> ({when(entry.date)})'
        return '<a href="' + self.entry_url(slug) + shown

    def spot_a(self, name: str) -> str:
        if name in self.addresses.weak_spots:
            return f'<a href="{self.spot_url(name)}">{html_inline(name)}</a>'
        return html_inline(name)

    def spots_a(self, names: Iterable[str]) -> str:
        """`spot_a` of each name, comma-separated."""
        return ", ".join([self.spot_a(name) for name in names])

    def status(self, spot: WeakSpot) -> str:
        return f'<span class="debrief-status debrief-status--{spot.status}">{spot.status}</span>'


def render_template(template: str, page: PageView, **context: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(page=page, insights=page.insights, settings=page.settings, **context)
    )

"""The one renderer of pages: aggregates in, `{docs path: Markdown}` out.

The MkDocs plugin, the Markdown export and the share edition all call
`render_pages` (or `render_sources`, the same pages in two pieces); none of them
builds a page on its own.

Everything a page shows that the notebook generates (tables, lists, callouts) is
written as HTML blocks; only headings, hand-written text and entry bodies are
Markdown. Python-Markdown passes HTML blocks through unchanged, so the exported
Markdown renders the same in any engine, but it still scans them, and at 1,000
entries that scanning was most of the build. `render_sources` therefore hands the
plugin each page as Markdown with a placeholder paragraph where each block goes, and
the blocks apart, to put back into the HTML that MkDocs made (`fill_parts`).
"""

from __future__ import annotations

import posixpath
import re
import secrets
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from generator.aggregate import (
    FeedbackStatus,
    Insights,
    Lesson,
    QuestionRecord,
    WeakSpot,
    feedback_status,
)
from generator.drill.log import Review
from generator.drill.schedule import practice_of
from generator.entry.models import FrontMatter
from generator.entry.names import RESERVED_NAMES, normalize_name, page_slug
from generator.entry.read import Entry
from generator.render import charts, practice
from generator.render.escape import html_inline, html_text, md_inline, yaml_string
from generator.settings import Settings
from generator.share.audience import Audience

HOME = "index.md"
WEAK_SPOTS = "weak-spots/index.md"
LESSONS = "lessons.md"
QUESTIONS = "questions.md"
TIMELINE = "timeline.md"
FOLLOW_UPS = "follow-ups.md"
PREP = "prep/index.md"
PRACTICE = "practice.md"
CSS = "assets/debrief.css"

# The generated part of the navigation, in order, after Home.
NAV = (
    ("Timeline", TIMELINE),
    ("Weak spots", WEAK_SPOTS),
    ("Lessons", LESSONS),
    ("Questions", QUESTIONS),
    ("Practice", PRACTICE),
    ("Follow-ups", FOLLOW_UPS),
    ("Prep", PREP),
)

FOLLOW_UP_ACTIONS = {
    "thank-you": "Send a thank-you note, and ask for honest feedback",
    "reflection": "Reflect with a clear mind; talk it over with a mentor",
    "feedback": "Chase the feedback you asked for",
}


def default_nav(handwritten: list[str]) -> list[dict[str, str] | str]:
    """Home, the generated overview pages, then the hand-written pages. Never the entries:
    MkDocs renders the whole navigation into every page."""
    nav: list[dict[str, str] | str] = [{"Home": HOME}]
    nav.extend({title: path} for title, path in NAV)
    nav.extend(sorted(p for p in handwritten if p != HOME))
    return nav


def entry_path(slug: str) -> str:
    return f"entries/{slug}.md"


def page_url(path: str, directory_urls: bool) -> str:
    """The address MkDocs gives the page at docs path `path` (`entries/x.md` → `entries/x/`),
    percent-encoded as MkDocs does (`a b.md` → `a%20b/`)."""
    stem = path[:-3] if path.endswith(".md") else path
    if not directory_urls:
        return quote(stem + ".html")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return quote(stem[: -len("index")])
    return quote(stem + "/")


def relative_url(target: str, here: str) -> str:
    """The link from the page at address `here` to the address `target`, as MkDocs writes it.

    Both are addresses MkDocs made (no `.` or `..` in them), so the common folders are
    dropped by comparing names: posixpath.relpath was a tenth of rendering the pages.
    """
    base = (here if here.endswith("/") or not here else posixpath.dirname(here)).strip("/")
    folder = target.endswith("/") or not target
    into = [part for part in target.split("/") if part]
    up = base.split("/") if base else []
    common = 0
    while common < min(len(into), len(up)) and into[common] == up[common]:
        common += 1
    link = "/".join([".."] * (len(up) - common) + into[common:]) or "."
    if folder:
        return "./" if link == "." else link + "/"
    return link


# A placeholder is a paragraph of its own, a word no one types and no Markdown extension
# changes (an HTML comment was: pymdownx.striphtml removes them). The token is new in
# every process, so a page's text can't hold one by chance, yet stays the same across
# the rebuilds of one `debrief serve`, which compares pages by their Markdown.
_TOKEN = secrets.token_hex(6)
PART = "debrief-part-" + _TOKEN + "-{}"
_PLACED = re.compile(rf"<p>debrief-part-{_TOKEN}-(\d+)</p>")


@dataclass(frozen=True)
class Source:
    """A generated page in two pieces: Markdown with a placeholder for each HTML block."""

    markdown: str
    parts: tuple[str, ...] = ()


class MissingBlocks(ValueError):
    """Placeholders that did not come through Python-Markdown as they went in."""

    def __init__(self, count: int, first: str) -> None:
        super().__init__(count, first)
        self.count, self.first = count, first


def fill_parts(html: str, parts: tuple[str, ...]) -> str:
    """The HTML Python-Markdown made of a `Source`'s Markdown, with its blocks put back.

    Raises MissingBlocks, naming them, when a placeholder did not come through (a
    Markdown extension that rewrites paragraphs): a page silently short of its tables
    would be worse than a failed build.
    """
    pending = set(range(len(parts)))

    def put(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in pending:
            return match.group(0)
        pending.discard(number)
        return parts[number]

    # One pass: a page of many blocks is copied once, not once per block.
    filled = _PLACED.sub(put, html)
    if pending:
        raise MissingBlocks(len(pending), PART.format(min(pending)))
    return filled


class _Parts:
    """The `{% call page.part() %}` of the templates: an HTML block, kept apart or inline."""

    def __init__(self, split: bool) -> None:
        self.split = split
        self.items: list[str] = []

    def __call__(self, caller: Callable[[], str]) -> str:
        # No blank line inside: CommonMark ends an HTML block at the first one.
        html = "\n".join(line for line in caller().splitlines() if line.strip())
        if not html:
            return ""
        if not self.split:
            return f"\n{html}\n"
        self.items.append(html)
        # Blank lines around it: a paragraph of its own whatever comes before and after.
        return f"\n\n{PART.format(len(self.items) - 1)}\n\n"


@dataclass
class Addresses:
    """Where each generated page lives; weak-spot names become unique file names."""

    weak_spots: dict[str, str] = field(default_factory=dict)
    companies: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_insights(cls, insights: Insights) -> Addresses:
        addresses = cls()
        addresses.weak_spots = _unique_paths(
            [s.name for s in insights.weak_spots], "weak-spots/{}.md", reserved={"index"}
        )
        companies: list[str] = []
        for entry in insights.entries:
            key = normalize_name(entry.meta.company)
            if key not in companies:
                companies.append(key)
        addresses.companies = _unique_paths(companies, "prep/{}.md", reserved={"index"})
        return addresses


def _unique_paths(names: list[str], pattern: str, reserved: set[str]) -> dict[str, str]:
    """A page per name, named with its letters in any script (`page_slug`), unique: a
    name whose slug is taken (or reserved, or a device name on Windows) gets `-2`, `-3`."""
    taken = set(reserved) | RESERVED_NAMES
    paths: dict[str, str] = {}
    for name in names:
        base = page_slug(name) or "item"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        paths[name] = pattern.format(slug)
    return paths


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # the output is Markdown: every value is escaped by a filter
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_inline
    env.filters["html"] = html_text
    env.filters["t"] = html_inline
    env.filters["yaml"] = yaml_string
    env.filters["stars"] = lambda n: "★" * n + "☆" * (5 - n)
    env.filters["ordinal"] = ordinal
    env.filters["when"] = when
    return env


def when(day: date) -> str:
    """A date that never breaks at its hyphens (see `time` in debrief.css)."""
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class _Page:
    """What every template gets: the insights and links relative to the page itself."""

    def __init__(
        self,
        here: str,
        insights: Insights,
        addresses: Addresses,
        settings: Settings,
        audience: Audience,
        banner: str = "",
        shared: dict[str, Any] | None = None,
        split: bool = False,
    ) -> None:
        self.banner = banner
        # Lookups built once per render and shared by every page.
        self.shared: dict[str, Any] = shared if shared is not None else {}
        self.here = here
        self.insights = insights
        self.addresses = addresses
        self.settings = settings
        self.audience = audience
        self.part = _Parts(split)
        self._address = page_url(here, settings.directory_urls)

    @property
    def spots(self) -> dict[str, WeakSpot]:
        spots: dict[str, WeakSpot] = self.shared.setdefault(
            "spots", {s.name: s for s in self.insights.weak_spots}
        )
        return spots

    def position(self, name: str, slug: str) -> int:
        """Where an entry stands among the entries that list weak spot `name`."""
        positions: dict[str, dict[str, int]] = self.shared.setdefault("positions", {})
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
        by_name: dict[str, list[Any]] | None = self.shared.get(kind)
        if by_name is None:
            by_name = self.shared[kind] = {}
            for item in items:
                for name in item.about:
                    by_name.setdefault(name, []).append(item)
        return by_name

    def _of_entries(self, kind: str, items: Iterable[Any], slugs: Iterable[str]) -> list[Any]:
        by_entry: dict[str, list[Any]] = self.shared.setdefault(kind, {})
        if not by_entry:
            for item in items:
                by_entry.setdefault(item.entry, []).append(item)
        return [x for slug in sorted(set(slugs), key=self._order) for x in by_entry.get(slug, [])]

    def source(self, markdown: str) -> Source:
        """This page's rendered Markdown with the HTML blocks its templates set apart."""
        return Source(markdown, tuple(self.part.items))

    def entries_of(self, slugs: Iterable[str]) -> list[Entry]:
        return [self.insights.by_slug[slug] for slug in slugs]

    def _order(self, slug: str) -> tuple[Any, str]:
        entry = self.insights.by_slug[slug]
        return (entry.date, entry.path)

    def href(self, target: str) -> str:
        """The Markdown link from this page to the page at docs path `target` (`x.md`)."""
        return relative_url(target, self.here)

    def entry_href(self, slug: str) -> str:
        return self.href(entry_path(slug))

    def url(self, target: str) -> str:
        """The address of the page at docs path `target`, relative to this page, for HTML."""
        links: dict[tuple[str, str], str] = self.shared.setdefault("urls", {})
        key = (target, self._address)
        if key not in links:
            links[key] = relative_url(page_url(target, self.settings.directory_urls), self._address)
        return links[key]

    def entry_url(self, slug: str) -> str:
        return self.url(entry_path(slug))

    def spot_url(self, name: str) -> str:
        return self.url(self.addresses.weak_spots[name])

    def entry_a(self, slug: str, *, long: bool = True) -> str:
        """An HTML link to an entry's page, with its date: `Acme — Engineer (2026-01-01)`."""
        entry = self.insights.by_slug[slug]
        meta = entry.meta
        text = html_inline(f"{meta.company} — {meta.role}" if long else meta.company)
        return f'<a href="{self.entry_url(slug)}">{text}</a> ({when(entry.date)})'

    def spot_a(self, name: str) -> str:
        if name in self.addresses.weak_spots:
            return f'<a href="{self.spot_url(name)}">{html_inline(name)}</a>'
        return html_inline(name)

    def status(self, spot: WeakSpot) -> str:
        return f'<span class="debrief-status debrief-status--{spot.status}">{spot.status}</span>'


def _render(template: str, page: _Page, **context: Any) -> str:
    return (
        _environment()
        .get_template(template)
        .render(page=page, insights=page.insights, settings=page.settings, **context)
    )


def render_pages(
    insights: Insights,
    settings: Settings,
    audience: Audience,
    *,
    home_intro: str = "",
    banner: str = "",
    reviews: Sequence[Review] = (),
) -> dict[str, str]:
    """Every generated page of the notebook as Markdown, keyed by its path in the docs tree.

    `home_intro` is the hand-written notebook/index.md, shown above the dashboard;
    `banner` is shown on every page (used by `debrief serve` for a broken entry);
    `reviews`, the review log, schedules the cards the Practice page and home show due
    (a share gets none: its cards are due by the cool-off alone).
    """
    sources = _render_all(insights, settings, audience, home_intro, banner, reviews, split=False)
    return {path: source.markdown for path, source in sources}


def render_sources(
    insights: Insights,
    settings: Settings,
    audience: Audience,
    *,
    home_intro: str = "",
    banner: str = "",
    reviews: Sequence[Review] = (),
) -> Iterator[tuple[str, Source]]:
    """The pages of `render_pages`, each with its HTML blocks apart (see the module's text),
    one at a time: a caller that packs them away never holds them all."""
    return _render_all(insights, settings, audience, home_intro, banner, reviews, split=True)


def _render_all(
    insights: Insights,
    settings: Settings,
    audience: Audience,
    home_intro: str,
    banner: str,
    reviews: Sequence[Review],
    *,
    split: bool,
) -> Iterator[tuple[str, Source]]:
    addresses = Addresses.for_insights(insights)
    # The review log is the owner's history: a share's cards are due by the cool-off alone.
    history = reviews if audience == "owner" else ()
    cards = practice_of(insights.entries, settings, history, insights.today)
    shared: dict[str, Any] = {}

    def page(path: str) -> _Page:
        return _Page(path, insights, addresses, settings, audience, banner, shared, split)

    def add(path: str, template: str, **context: Any) -> tuple[str, Source]:
        here = page(path)
        return path, here.source(_render(template, here, **context))

    yield add(HOME, "home.md.j2", intro=home_intro, charts=charts, practice=cards)
    yield add(TIMELINE, "timeline.md.j2", pipelines=_pipelines(insights))
    yield add(WEAK_SPOTS, "weak_spots.md.j2", charts=charts)
    for spot in insights.weak_spots:
        path = addresses.weak_spots[spot.name]
        yield add(path, "weak_spot.md.j2", spot=spot, charts=charts, limit=SPOT_PAGE_ITEMS)
    yield add(LESSONS, "lessons.md.j2", groups=_lessons_by_spot(insights), limit=LIST_ITEMS)
    yield add(QUESTIONS, "questions.md.j2", **_question_bank(insights), limit=LIST_ITEMS)
    yield add(PRACTICE, "practice.md.j2", practice=cards, group=practice.by_weak_spot)
    yield add(FOLLOW_UPS, "follow_ups.md.j2", actions=FOLLOW_UP_ACTIONS)
    yield from _prep_pages(insights, addresses, page).items()
    for entry in insights.entries:
        path = entry_path(entry.slug)
        here = page(path)
        yield path, here.source(render_entry(entry, here))


SEEN_BEFORE_SHOWN = 3  # the most recent earlier interviews a "seen before" callout links
SEEN_BEFORE_LESSONS = 5  # and at most this many of the lessons written in them, latest last
SPOT_PAGE_ITEMS = 12  # lessons, and questions, a weak spot's page lists: the latest
LIST_ITEMS = 50  # lessons per weak spot, questions per topic and struggled: the latest


def render_entry(entry: Entry, page: _Page) -> str:
    insights = page.insights
    names = insights.names(entry, "weak_spots")
    spots = page.spots
    seen_before = []
    for name in names:
        # A weak spot's entries are in (date, path) order: the earlier ones come first.
        listed = spots[name].entries
        earlier = list(listed[: page.position(name, entry.slug)])
        if earlier:
            # A notebook of years would list hundreds: link the most recent few, and
            # the weak spot's own page for the rest.
            shown = earlier[-SEEN_BEFORE_SHOWN:]
            chosen = set(shown)
            about = [lesson for lesson in page.lessons_by_entry(chosen) if name in lesson.about]
            lessons = about[-SEEN_BEFORE_LESSONS:]
            seen_before.append(
                {
                    "name": name,
                    "count": len(earlier),
                    "earlier": shown,
                    "older": len(earlier) - len(shown),
                    "lessons": lessons,
                }
            )
    meta = entry.meta
    notes = has_notes(entry.body)
    cooled_off = meta.reflected is not None or insights.today >= entry.date + timedelta(
        page.settings.reflect_after_days
    )
    steps = [
        ("Notes captured while fresh", notes or bool(meta.questions)),
        ("Let go for a while", cooled_off),
        (
            "Reflected with a clear mind"
            + (f" on {meta.reflected.isoformat()}" if meta.reflected else "")
            + (", talked it over" if meta.discussed_with else ""),
            meta.reflected is not None,
        ),
        (
            "Thank-you note sent"
            + (f" on {meta.thank_you.sent.isoformat()}" if meta.thank_you.sent else "")
            + (
                ", feedback asked"
                if meta.thank_you.asked_feedback
                else (" (feedback not asked)" if meta.thank_you.sent else " and feedback asked")
            ),
            meta.thank_you.sent is not None and meta.thank_you.asked_feedback,
        ),
        *_feedback_step(feedback_status(entry, page.settings, insights.today), meta, page),
        ("Lessons recorded", bool(meta.lessons)),
    ]
    return _render(
        "entry.md.j2",
        page,
        entry=entry,
        meta=meta,
        stage=insights.stage(entry),
        weak_spots=names,
        strengths=insights.names(entry, "strengths"),
        tags=insights.names(entry, "tags"),
        seen_before=seen_before,
        lessons=[
            (note.lesson, insights.vocabulary.canonical_list(note.about)) for note in meta.lessons
        ],
        steps=steps,
        body=shift_body_links(entry, page.settings.entries_dir) if notes else "",
    )


def _feedback_step(
    status: FeedbackStatus, meta: FrontMatter, page: _Page
) -> list[tuple[str, bool]]:
    """The feedback line of the follow-through: ticked once it is settled either way."""
    if status == "received":
        return [(f"Feedback received on {meta.feedback.received}", True)]
    if status == "none":
        return [("No feedback will come", True)]
    if status == "no answer":
        days = page.settings.feedback_give_up_days
        return [(f"No answer to the request for feedback after {days} days", True)]
    if status == "waiting":
        return [(f"Feedback asked for on {meta.thank_you.sent}: waiting", False)]
    return []


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def has_notes(body: str) -> bool:
    """Whether a body holds anything written: the prompts `debrief new` leaves in it are
    comments, and a body of nothing else is empty. Only closed comments: Python-Markdown
    shows an unclosed `<!--` and what follows it as text, and so does the page."""
    return bool(_COMMENT.sub("", body).strip())


_LINK = re.compile(r"(\]\(|src=\"|href=\"|^[ ]{0,3}\[[^\]]+\]:[ \t]*)([^)\"\s]+)", re.MULTILINE)


def shift_body_links(entry: Entry, entries_dir: str) -> str:
    """Relative links in an entry's body, made to work from its page at entries/<slug>/.

    An entry in entries/2026/ that shows `sketch.png` next to it keeps working, and a
    link to another entry's file goes to that entry's page.
    """
    folder = posixpath.dirname(posixpath.relpath(entry.path, entries_dir.strip("/") or "."))

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", target, re.IGNORECASE):
            return match.group(0)
        path, _, anchor = target.partition("#")
        if path.endswith(".md"):
            slug = posixpath.basename(path)[:-3]
            return match.group(1) + slug + ".md" + (f"#{anchor}" if anchor else "")
        if folder:
            return match.group(1) + posixpath.normpath(posixpath.join(folder, target))
        return match.group(0)

    return _LINK.sub(fix, entry.body)


def _pipelines(insights: Insights) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = OrderedDict()
    names: dict[str, str] = {}
    for entry in insights.entries:
        key = normalize_name(entry.meta.company)
        names.setdefault(key, entry.meta.company)
        groups.setdefault(key, []).append(entry)
    ordered = sorted(groups.items(), key=lambda item: item[1][-1].date, reverse=True)
    return [(names[key], rounds) for key, rounds in ordered]


def _lessons_by_spot(insights: Insights) -> list[tuple[str | None, list[Any]]]:
    groups: dict[str | None, list[Any]] = OrderedDict((s.name, []) for s in insights.weak_spots)
    groups[None] = []
    for lesson in insights.lessons:
        # Under each weak spot it is about; a lesson about none of them (the interview as a
        # whole, or only strengths) goes to the "Other lessons" group.
        names: list[str | None] = [n for n in lesson.about if n in groups]
        for name in names or [None]:
            groups[name].append(lesson)
    return [(name, lessons) for name, lessons in groups.items() if lessons]


def _question_bank(insights: Insights) -> dict[str, Any]:
    topics: dict[str, list[Any]] = OrderedDict()
    labels: dict[str, str] = {}
    for q in sorted(insights.questions, key=lambda q: normalize_name(q.topic or "~")):
        key = normalize_name(q.topic) if q.topic else ""
        labels.setdefault(key, q.topic or "Other questions")
        topics.setdefault(key, []).append(q)
    again: dict[str, list[Any]] = OrderedDict()
    from generator.entry.names import question_key

    for q in insights.questions:
        if q.asked_again:
            again.setdefault(question_key(q.question), []).append(q)
    return {
        "topics": [(labels[k], qs) for k, qs in topics.items()],
        "struggled": [q for q in insights.questions if q.struggled],
        "asked_again": list(again.values()),
    }


def _prep_pages(
    insights: Insights, addresses: Addresses, page: Callable[[str], _Page]
) -> dict[str, Source]:
    from generator.render.prep import prep_brief

    pages: dict[str, Source] = {}
    index = page(PREP)
    companies = []
    for key, path in addresses.companies.items():
        rounds = [e for e in insights.entries if normalize_name(e.meta.company) == key]
        companies.append((rounds[-1].meta.company, path, rounds))
    brief = prep_brief(insights, link=index.entry_href)
    text = _render("prep.md.j2", index, brief=brief, companies=companies, company=None)
    pages[PREP] = index.source(text)
    for name, path, _rounds in companies:
        here = page(path)
        brief = prep_brief(insights, company=name, link=here.entry_href, general=here.href(PREP))
        text = _render("prep.md.j2", here, brief=brief, companies=[], company=name)
        pages[path] = here.source(text)
    return pages

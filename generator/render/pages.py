"""The one renderer of pages: aggregates in, `{docs path: Markdown}` out.

The MkDocs plugin, the Markdown export and the share edition all call
`render_pages` (or `render_sources`, the same pages in two pieces); none of them
builds a page on its own. Where each page lives is `addresses`; what a template sees
of its page is `view.PageView`; how HTML blocks get past Python-Markdown is
`placeholders`.

Everything a page shows that the notebook generates (tables, lists, callouts) is
written as HTML blocks; only headings, hand-written text and entry bodies are
Markdown. Python-Markdown passes HTML blocks through unchanged, so the exported
Markdown renders the same in any engine.
"""

from __future__ import annotations

import posixpath
import re
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from generator.aggregate import FeedbackStatus, Insights, Lesson, feedback_status
from generator.drill.log import Review
from generator.drill.schedule import practice_of
from generator.entry.models import FrontMatter
from generator.entry.names import normalize_name, question_key
from generator.entry.read import Entry
from generator.render import charts, practice
from generator.render.addresses import (
    FOLLOW_UPS,
    HOME,
    LESSONS,
    PRACTICE,
    PREP,
    QUESTIONS,
    TIMELINE,
    WEAK_SPOTS,
    Addresses,
    entry_path,
)
from generator.render.escape import forget_escaped
from generator.render.placeholders import Source
from generator.render.prep import prep_brief
from generator.render.reuse import Reuse
from generator.render.view import PageView, render_template
from generator.render.words import FOLLOW_UP_ACTIONS, plural
from generator.settings import Settings


def render_pages(
    insights: Insights,
    settings: Settings,
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
    sources = _render_all(insights, settings, home_intro, banner, reviews, split=False)
    return {path: source.markdown for path, source in sources}


def render_sources(
    insights: Insights,
    settings: Settings,
    *,
    home_intro: str = "",
    banner: str = "",
    reviews: Sequence[Review] = (),
    reuse: Reuse | None = None,
) -> Iterator[tuple[str, Source]]:
    """The pages of `render_pages`, each with its HTML blocks apart (see the module's text),
    one at a time: a caller that packs them away never holds them all. With `reuse`
    (`debrief serve`), a page whose inputs did not change since the last call is given
    back as it was, not rendered again (see render/reuse.py)."""
    if reuse is None:
        return _render_all(insights, settings, home_intro, banner, reviews, split=True)
    return _render_again(insights, settings, home_intro, banner, reviews, reuse)


def _render_all(
    insights: Insights,
    settings: Settings,
    home_intro: str,
    banner: str,
    reviews: Sequence[Review],
    *,
    split: bool,
    entries: bool = True,
) -> Iterator[tuple[str, Source]]:
    addresses = Addresses.for_insights(insights)
    cards = practice_of(insights.entries, settings, reviews, insights.today)
    lookups: dict[str, Any] = {}

    def page(path: str) -> PageView:
        return PageView(path, insights, addresses, settings, banner, lookups, split)

    def add(path: str, template: str, **context: Any) -> tuple[str, Source]:
        here = page(path)
        return path, here.source(render_template(template, here, **context))

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
    for entry in insights.entries if entries else ():
        path = entry_path(entry.slug)
        here = page(path)
        yield path, here.source(render_entry(entry, here))
    forget_escaped()


def _render_again(
    insights: Insights,
    settings: Settings,
    home_intro: str,
    banner: str,
    reviews: Sequence[Review],
    reuse: Reuse,
) -> Iterator[tuple[str, Source]]:
    """`_render_all`, giving back the pages of the last call whose inputs are the same."""
    frame = (settings, insights.today, banner, home_intro)
    entries = [(e.slug, e.path, e.meta) for e in insights.entries]
    overview_key = (frame, entries, tuple(reviews))
    rendered = 0
    # Entry pages show other entries' front matter only (see `_entry_key`): while no front
    # matter changed since they were all made, an entry read from an unchanged file (the
    # very object) keeps its page.
    same_front_matter = reuse.entries_key == overview_key
    if reuse.overview_key != overview_key:
        # Every page but the entries', rendered as `_render_all` renders them.
        pages = _render_all(
            insights, settings, home_intro, banner, reviews, split=True, entries=False
        )
        reuse.overview = list(pages)
        reuse.overview_key = overview_key
        rendered += len(reuse.overview)
    yield from reuse.overview
    addresses = Addresses.for_insights(insights)
    lookups: dict[str, Any] = {}
    kept: dict[str, tuple[Any, Source]] = {}
    for entry in insights.entries:
        path = entry_path(entry.slug)
        last = reuse.entries.get(path)  # ((frame, entry, ...), source)
        if same_front_matter and last is not None and _made_from(last[0]) is entry:
            kept[path] = last
            yield path, last[1]
            continue
        here = PageView(path, insights, addresses, settings, banner, lookups, split=True)
        context = entry_context(entry, here)
        key = (frame, entry, _entry_key(context, here))
        source = reuse.entry(path, key)
        if source is None:
            body = entry_body(entry, here)
            source = here.source(render_template("entry.md.j2", here, body=body, **context))
            rendered += 1
        kept[path] = (key, source)
        yield path, source
    # Only once every entry page is made: a render stopped halfway (an error) leaves the
    # last complete one's pages and key, which the next render compares page by page.
    reuse.entries, reuse.rendered, reuse.entries_key = kept, rendered, overview_key
    forget_escaped()


def _made_from(key: Hashable) -> object:
    """The entry an entry page's key was made from."""
    return key[1] if isinstance(key, tuple) else None


def _shown_as(entry: Entry) -> tuple[str, str, str, Any]:
    return (entry.slug, entry.meta.company, entry.meta.role, entry.date)


def _entry_key(context: dict[str, Any], page: PageView) -> tuple[Any, ...]:
    """What an entry page shows besides its own entry: names, their links, and the
    seen-before callouts with the earlier entries and lessons they show."""
    names = (*context["weak_spots"], *context["strengths"])
    callouts = tuple(
        (
            item.name,
            item.count,
            item.older,
            # An earlier entry shows as its company, role and date: an edit to its notes
            # leaves this page as it is.
            tuple(_shown_as(page.insights.by_slug[slug]) for slug in item.earlier),
            tuple(item.lessons),
        )
        for item in context["seen_before"]
    )
    return (
        context["stage"],
        tuple(names),
        tuple(context["tags"]),
        tuple(page.addresses.weak_spots.get(name) for name in names),
        callouts,
        tuple(context["steps"]),
    )


@dataclass(frozen=True, slots=True)
class SeenBefore:
    """A "seen before" callout of an entry page: weak spot `name` came up in `count`
    earlier interviews; it links the latest (`earlier`, slugs), counts the `older` rest,
    and lists `lessons` written in those it links. Not a dict: the template reads its
    fields as attributes, and Jinja2 looked a dict's keys up only after a failed
    `getattr`."""

    name: str
    count: int
    earlier: list[str]
    older: int
    lessons: list[Lesson]


SEEN_BEFORE_SHOWN = 3  # the most recent earlier interviews a "seen before" callout links
SEEN_BEFORE_LESSONS = 5  # and at most this many of the lessons written in them, latest last
SPOT_PAGE_ITEMS = 12  # lessons, and questions, a weak spot's page lists: the latest
LIST_ITEMS = 50  # lessons per weak spot, questions per topic and struggled: the latest


def render_entry(entry: Entry, page: PageView) -> str:
    context = entry_context(entry, page)
    return render_template("entry.md.j2", page, body=entry_body(entry, page), **context)


def entry_body(entry: Entry, page: PageView) -> str:
    """The entry's notes as its page shows them, stripped; "" for none (a key need not
    look at them: the entry is in it)."""
    if not has_notes(entry.body):
        return ""
    return shift_body_links(entry, page.settings.entries_dir).strip()


def entry_context(entry: Entry, page: PageView) -> dict[str, Any]:
    """What the entry template is given: everything its page shows but the entry's own text."""
    insights = page.insights
    names = insights.names(entry, "weak_spots")
    spots = page.spots
    seen_before: list[SeenBefore] = []
    for name in names:
        # A weak spot's entries are in (date, path) order: the earlier ones come first.
        listed = spots[name].entries
        count = page.position(name, entry.slug)  # the earlier ones: listed[:count]
        if count:
            # A notebook of years would list hundreds: link the most recent few, and
            # the weak spot's own page for the rest.
            shown = list(listed[max(0, count - SEEN_BEFORE_SHOWN) : count])
            chosen = set(shown)
            about = [lesson for lesson in page.lessons_by_entry(chosen) if name in lesson.about]
            lessons = about[-SEEN_BEFORE_LESSONS:]
            seen_before.append(SeenBefore(name, count, shown, count - len(shown), lessons))
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
    return dict(
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
    )


def _feedback_step(
    status: FeedbackStatus, meta: FrontMatter, page: PageView
) -> list[tuple[str, bool]]:
    """The feedback line of the follow-through: ticked once it is settled either way."""
    if status == "received":
        return [(f"Feedback received on {meta.feedback.received}", True)]
    if status == "none":
        return [("No feedback will come", True)]
    if status == "no answer":
        days = page.settings.feedback_give_up_days
        return [(f"No answer to the request for feedback after {plural(days, 'day')}", True)]
    if status == "waiting":
        return [(f"Feedback asked for on {meta.thank_you.sent}: waiting", False)]
    return []


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def has_notes(body: str) -> bool:
    """Whether a body holds anything written: the prompts `debrief new` leaves in it are
    comments, and a body of nothing else is empty. Only closed comments: Python-Markdown
    shows an unclosed `<!--` and what follows it as text, and so does the page."""
    if "<!--" not in body:  # most bodies: no comment to take out, no scan for one
        return bool(body.strip())
    return bool(_COMMENT.sub("", body).strip())


_LINK = re.compile(r"(\]\(|src=\"|href=\"|^[ ]{0,3}\[[^\]]+\]:[ \t]*)([^)\"\s]+)", re.MULTILINE)
# What each way of `_LINK` to start a link must contain: a body with none of them has no
# link to shift, and is not scanned (the scan was an eighth of rendering an entry page).
_LINK_MARKS = ("](", 'src="', 'href="', "]:")


def shift_body_links(entry: Entry, entries_dir: str) -> str:
    """Relative links in an entry's body, made to work from its page at entries/<slug>/.

    An entry in entries/2026/ that shows `sketch.png` next to it keeps working, and a
    link to another entry's file goes to that entry's page.
    """
    if not any(mark in entry.body for mark in _LINK_MARKS):
        return entry.body
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
    for q in insights.questions:
        if q.asked_again:
            again.setdefault(question_key(q.question), []).append(q)
    return {
        "topics": [(labels[k], qs) for k, qs in topics.items()],
        "struggled": [q for q in insights.questions if q.struggled],
        "asked_again": list(again.values()),
    }


def _prep_pages(
    insights: Insights, addresses: Addresses, page: Callable[[str], PageView]
) -> dict[str, Source]:
    pages: dict[str, Source] = {}
    index = page(PREP)
    companies = []
    for key, path in addresses.companies.items():
        rounds = [e for e in insights.entries if normalize_name(e.meta.company) == key]
        companies.append((rounds[-1].meta.company, path, rounds))
    brief = prep_brief(insights, link=index.entry_href)
    text = render_template("prep.md.j2", index, brief=brief, companies=companies, company=None)
    pages[PREP] = index.source(text)
    for name, path, _rounds in companies:
        here = page(path)
        brief = prep_brief(insights, company=name, link=here.entry_href, general=here.href(PREP))
        text = render_template("prep.md.j2", here, brief=brief, companies=[], company=name)
        pages[path] = here.source(text)
    return pages

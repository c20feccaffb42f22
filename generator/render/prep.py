"""Step 5 of the method: carry the lessons into the next process.

`prep_brief` is the one page to read before the next interview: the weak spots
that keep coming back and are not resolved yet, with the lessons written about
each; the questions I struggled with and the better answers; and what happened
in earlier interviews with the same company (or role, stage, topic).

It is pure Markdown from `Insights`, so `debrief prep` prints it and the site
renders the same text as its `/prep/` page (passing `link` to turn entries into
links there).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from generator.aggregate import Insights, QuestionRecord
from generator.entry.names import normalize_name
from generator.entry.read import Entry
from generator.render.escape import md_inline
from generator.render.words import plural

# A brief is one page, however large the notebook grows: the most recent few of each list.
LESSONS_PER_SPOT = 5
STRUGGLED_QUESTIONS = 10
EARLIER_INTERVIEWS = 10


def _more(count: int, shown: int, what: str) -> list[str]:
    rest = count - shown
    return [f"- … and {rest} older {what if rest > 1 else what[:-1]}"] if rest > 0 else []


# One escaper for every page: the site, the export and this brief.
escape_md = md_inline


def matches(
    insights: Insights,
    entry: Entry,
    *,
    company: str | None = None,
    role: str | None = None,
    stage: str | None = None,
    topic: str | None = None,
) -> bool:
    """All given filters hold: company by whole words of its normal form (`Tallgrass`
    finds Tallgrass Software), role as a case-insensitive part, stage and topic by
    canonical name (normal form, then the notebook's aliases)."""
    return matcher(insights, company=company, role=role, stage=stage, topic=topic)(entry)


def matcher(
    insights: Insights,
    *,
    company: str | None = None,
    role: str | None = None,
    stage: str | None = None,
    topic: str | None = None,
) -> Callable[[Entry], bool]:
    """`matches` for many entries: the filters are put in normal form once."""
    vocabulary = insights.vocabulary
    words = f"-{normalize_name(company)}-" if company is not None else None
    part = role.casefold().strip() if role is not None else None
    wanted_stage = vocabulary.canonical(stage) if stage is not None else None
    wanted_topic = vocabulary.canonical(topic) if topic is not None else None

    def test(entry: Entry) -> bool:
        if words is not None and words not in f"-{normalize_name(entry.meta.company)}-":
            return False
        if part is not None and part not in entry.meta.role.casefold():
            return False
        if stage is not None and insights.stage(entry) != wanted_stage:
            return False
        if topic is not None:
            topics = {vocabulary.canonical(q.topic) for q in entry.meta.questions if q.topic}
            if wanted_topic not in topics:
                return False
        return True

    return test


def company_suggestion(insights: Insights, company: str) -> str | None:
    """A company of the notebook that `company` is probably a typo of, when none matches.

    A company with no earlier interview is the normal case (a first process), so the
    brief says "None yet"; but a misspelt name gives the same brief, silently.
    """
    if any(map(matcher(insights, company=company), insights.entries)):
        return None
    names: dict[str, str] = {}
    for entry in reversed(insights.entries):  # the latest spelling of a name
        names.setdefault(normalize_name(entry.meta.company), entry.meta.company)
    close = difflib.get_close_matches(normalize_name(company), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def prep_brief(
    insights: Insights,
    *,
    company: str | None = None,
    role: str | None = None,
    stage: str | None = None,
    topic: str | None = None,
    link: Callable[[str], str] | None = None,
    general: str | None = None,
) -> str:
    """The brief as Markdown. `link(slug)` is an entry's URL; without it entries are
    written as plain text `company — role (date)`.

    `general`, the URL of the brief without filters, leaves out its two sections
    (recurring weak spots, questions I struggled with) and links there instead: the
    site's company pages, which would otherwise each repeat them.
    """

    def ref(slug: str, *, dated: bool = True) -> str:
        entry = insights.by_slug.get(slug)
        if entry is None:
            return escape_md(slug)
        text = f"{escape_md(entry.meta.company)} — {escape_md(entry.meta.role)}"
        if dated:
            text += f" ({entry.date})"
        return f"[{text}]({link(slug)})" if link is not None else text

    filters = [
        (label, value)
        for label, value in (
            ("company", company),
            ("role", role),
            ("stage", stage),
            ("topic", topic),
        )
        if value
    ]
    described = ", ".join(f"{label} {escape_md(value)}" for label, value in filters)
    count = len(insights.entries)
    # The company in the title: search results and tabs then say whose brief it is.
    lines = [f"# Prep brief: {escape_md(company)}" if company else "# Prep brief", ""]
    if described:
        lines += [f"For the next interview: {described}.", ""]
    lines += [
        f"From {plural(count, 'entry', 'entries')}, as of {insights.today}.",
        "",
    ]
    if general is not None:
        lines += [
            f"The weak spots that keep coming back and the questions I struggled with are"
            f" on [the general brief]({general}).",
        ]
        if filters:
            lines += _earlier(insights, described, ref, company, role, stage, topic)
        return "\n".join(lines) + "\n"
    lines += ["## Recurring weak spots", ""]
    spots = [s for s in insights.weak_spots if s.recurring and not s.resolved]
    if not spots:
        lines.append("None open: no weak spot has come back without being resolved.")
    for spot in spots:
        times = plural(spot.count, "time")
        lines.append(f"- **{escape_md(spot.name)}**: {times}, last on {spot.last_seen}")
        lessons = [lesson for lesson in insights.lessons if spot.name in lesson.about]
        if not lessons:
            lines.append("    - No lesson written about it yet.")
        recent = lessons[::-1][:LESSONS_PER_SPOT]
        lines += [f"    - {ref(lesson.entry)}: {escape_md(lesson.text)}" for lesson in recent]
        lines += ["    " + more for more in _more(len(lessons), len(recent), "lessons")]
    lines += ["", "## Questions I struggled with", ""]
    struggled = [q for q in insights.questions if q.struggled and _on_topic(insights, q, topic)]
    struggled.sort(key=lambda q: q.date, reverse=True)
    if not struggled:
        lines.append("None rated 2 or lower" + (" on this topic." if topic else "."))
    for question in struggled[:STRUGGLED_QUESTIONS]:
        about = [f"rated {question.rating}/5"]
        if question.topic:
            about.append(escape_md(question.topic))
        if question.asked_again:
            about.append("asked more than once")
        lines.append(
            f"- **{escape_md(question.question)}** {', '.join(about)}, in {ref(question.entry)}"
        )
        better = (
            f"Better: {escape_md(question.better)}"
            if question.better
            else "No better answer written yet."
        )
        lines.append(f"    - {better}")
    lines += _more(len(struggled), STRUGGLED_QUESTIONS, "questions")
    if filters:
        lines += _earlier(insights, described, ref, company, role, stage, topic)
    return "\n".join(lines) + "\n"


def _on_topic(insights: Insights, question: QuestionRecord, topic: str | None) -> bool:
    if topic is None:
        return True
    canonical = insights.vocabulary.canonical
    return question.topic is not None and canonical(question.topic) == canonical(topic)


def _earlier(
    insights: Insights,
    described: str,
    ref: Callable[..., str],
    company: str | None,
    role: str | None,
    stage: str | None,
    topic: str | None,
) -> list[str]:
    test = matcher(insights, company=company, role=role, stage=stage, topic=topic)
    found = [e for e in insights.entries if test(e)]
    found.reverse()  # the latest first
    older = len(found) - EARLIER_INTERVIEWS
    found = found[:EARLIER_INTERVIEWS]
    lines = ["", f"## Earlier interviews ({described})", ""]
    if not found:
        return [*lines, "None yet: this will be the first."]
    # The date in a column of its own, first, as on every table of the site: it is what
    # tells apart the rows of one company (the site keeps a first column on one line).
    lines += [
        "| Date | Interview | Stage | Outcome | Feeling | Weak spots |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for entry in found:
        cells = [
            entry.date.isoformat(),
            ref(entry.slug, dated=False),
            escape_md(insights.stage(entry) or ""),
            entry.meta.outcome,
            "" if entry.meta.feeling is None else f"{entry.meta.feeling}/5",
            ", ".join(escape_md(name) for name in insights.names(entry, "weak_spots")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if older > 0:
        lines += ["", f"… and {plural(older, 'older interview')}."]
    notes = [(entry, text) for entry in found for text in entry.meta.do_differently]
    if notes:
        lines += ["", "What I said I would do differently there:", ""]
        lines += [f"- {ref(entry.slug)}: {escape_md(text)}" for entry, text in notes]
    said = [(entry, entry.meta.feedback.summary) for entry in found if entry.meta.feedback.summary]
    if said:
        lines += ["", "What they said in their feedback:", ""]
        lines += [f"- {ref(entry.slug)}: {escape_md(text or '')}" for entry, text in said]
    return lines

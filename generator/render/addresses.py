"""Where every generated page lives, and how one page links to another.

The site map (`HOME`, `NAV`, the docs path of each kind of page) and MkDocs' rule for
turning a docs path into an address, so that a link written here is the link MkDocs
would write: the plugin, the export and the share all use these.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import quote

from generator.aggregate import Insights
from generator.entry.names import RESERVED_NAMES, normalize_name, page_slug

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
    return relative_link(target, folders(here))


def folders(here: str) -> list[str]:
    """The folders of the page at address `here`, where its relative links start."""
    base = (here if here.endswith("/") or not here else posixpath.dirname(here)).strip("/")
    return base.split("/") if base else []


def relative_link(target: str, up: list[str]) -> str:
    """`relative_url` from a page whose `folders` are `up`: a page making many links
    finds its folders once."""
    folder = target.endswith("/") or not target
    into = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(into), len(up)) and into[common] == up[common]:
        common += 1
    link = "/".join([".."] * (len(up) - common) + into[common:]) or "."
    if folder:
        return "./" if link == "." else link + "/"
    return link


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

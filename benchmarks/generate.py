"""Deterministic synthetic notebooks for the benchmarks, and their plain-MkDocs twin.

    python -m benchmarks.generate DIR --entries N [--seed S] [--plain DIR2]

writes DIR/mkdocs.yml (the demo's theme, Markdown extensions and search, plus the
debrief plugin), DIR/notebook/{index,method}.md and DIR/entries/<year>/*.md. With
--plain, DIR2 is the baseline: the same theme, extensions and search, no debrief
plugin, the same entry files copied as ordinary pages to docs/entries/<slug>.md
(front matter included) and kept out of an explicit nav.

The same (N, seed) always gives byte-identical files. Dates fall in 2019-01..2026-06,
so pass `--today` (or DEBRIEF_TODAY) of 2026-07-01 or later to get no date warnings.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

TODAY = "2026-07-01"  # the day the benchmarks pin, after every generated date
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 6, 30)

_PREFIXES = [
    "Northwind",
    "Blue Heron",
    "Copperline",
    "Saltmarsh",
    "Quillfeather",
    "Tallgrass",
    "Fernbank",
    "Alder Finch",
    "Juniper",
    "Ironbark",
    "Lakeshore",
    "Moss & Pine",
    "Redwood",
    "Silverleaf",
    "Stonebridge",
    "Thornfield",
    "Wrenfield",
    "Brightwater",
    "Cinder",
    "Driftwood",
]
_SUFFIXES = ["Logistics", "Labs", "Health", "Analytics", "Systems", "Bank", "Games", "Energy"]
# 60 companies: each prefix with three of the suffixes.
COMPANIES = [
    f"{p} {_SUFFIXES[(i * 3 + k) % len(_SUFFIXES)]}"
    for i, p in enumerate(_PREFIXES)
    for k in range(3)
]
ROLES = [
    "Backend Engineer",
    "Senior Backend Engineer",
    "Staff Engineer",
    "Platform Engineer",
    "Site Reliability Engineer",
    "Data Engineer",
    "Full-stack Developer",
    "Engineering Manager",
    "Machine Learning Engineer",
    "Frontend Engineer",
    "Security Engineer",
    "Solutions Architect",
]
STAGES = [
    "recruiter-screen",
    "phone-screen",
    "technical",
    "take-home",
    "system-design",
    "behavioral",
    "onsite",
    "final",
    "case",
]
FORMATS = ["video", "phone", "in-person", "take-home"]
OUTCOMES = ["pending", "advanced", "offer", "rejected", "withdrew", "no-response"]
OUTCOME_WEIGHTS = [3, 8, 1, 7, 1, 2]

# Weak spots and strengths: canonical names, each with spellings that normalize or
# alias to it ("sys design" is an alias in mkdocs.yml). No two are look-alikes, so a
# generated notebook checks with no warning at all.
SKILLS: list[list[str]] = [
    ["system design", "System Design", "system_design", "sys design"],
    ["behavioral stories", "Behavioral stories", "behavioral-stories"],
    ["estimation", "Estimation"],
    ["data modeling", "data_modeling", "Data modeling"],
    ["SQL", "sql"],
    ["concurrency", "Concurrency"],
    ["dynamic programming", "Dynamic Programming", "dynamic-programming"],
    ["graphs", "Graphs"],
    ["recursion", "Recursion"],
    ["time management", "time-management", "Time management"],
    ["asking clarifying questions", "Asking clarifying questions"],
    ["salary talk", "Salary talk", "salary_talk"],
    ["debugging", "Debugging"],
    ["coding", "Coding"],
    ["communication", "Communication"],
    ["testing", "Testing"],
    ["caching", "Caching"],
    ["API design", "api design", "api_design"],
    ["distributed consensus", "Distributed consensus"],
    ["observability", "Observability"],
    ["incident stories", "Incident stories"],
    ["leadership", "Leadership"],
    ["conflict stories", "Conflict stories", "conflict_stories"],
    ["product sense", "Product sense"],
    ["big-O analysis", "big O analysis", "Big-O analysis"],
    ["Kubernetes", "kubernetes"],
    ["networking basics", "Networking basics"],
    ["security threat models", "Security threat models"],
    ["frontend performance", "Frontend performance"],
    ["mentoring", "Mentoring"],
    ["pairing", "Pairing"],
    ["whiteboarding", "Whiteboarding"],
    ["live coding nerves", "Live coding nerves", "live-coding nerves"],
    ["trade-off discussion", "Trade-off discussion", "trade-off_discussion"],
    ["machine learning basics", "Machine learning basics"],
    ["storytelling", "Storytelling"],
]
TOPICS = [
    "system design",
    "coding",
    "behavioral",
    "estimation",
    "SQL",
    "debugging",
    "concurrency",
    "API design",
    "leadership",
    "product",
    "data modeling",
    "testing",
]
QUESTIONS = [
    "Design a URL shortener that handles a billion links.",
    "Design the system that shows customers where their parcel is right now.",
    "Design a rate limiter for a public API.",
    "How would you build a news feed for ten million users?",
    "Estimate how many position updates per second you'd get at peak.",
    "Tell me about a time you disagreed with your manager.",
    "Tell me about a project you're proud of.",
    "Describe the worst production incident you were part of.",
    "Reverse a linked list in place.",
    "Find the longest substring without repeating characters.",
    "Write a function that merges overlapping intervals.",
    "Count the islands in a grid.",
    "Write the SQL for the top three customers per region by revenue.",
    "Why is this query slow, and how would you find out?",
    "How would you make this service safe to retry?",
    "What happens when you type a URL into the browser and press enter?",
    "Walk me through how you would debug a memory leak in production.",
    "How do you decide what to test first?",
    "How would you split this monolith?",
    "What would you change about our on-call setup?",
    "How do you give feedback to a senior colleague?",
    "Design a schema for a multi-tenant invoicing system.",
    "Implement an LRU cache.",
    "How would you roll out a risky database migration?",
]
LESSONS = [
    "A design answer needs a data model before it needs arrows.",
    "A behavioral story is about what I did, not about the other person.",
    "Have a two-minute version of every story ready before the first call.",
    "Say the brute force first, then improve it out loud.",
    "Ask what 'scale' means before drawing anything.",
    "Write the test cases before the code in a live round.",
    "Give a researched salary range, never 'whatever is fair'.",
    "Check the clock at the half-way mark of every round.",
    "Name the trade-off explicitly, then pick one side.",
    "Repeat the question back before answering it.",
    "Sleep matters more than one more practice problem.",
    "An estimate needs a peak factor.",
]
SIGNALS = [
    "The interviewer stopped typing during my project story.",
    "She said the team 'likes people who have run migrations'.",
    "He moved to the next topic after a flat 'interesting'.",
    "They ran ten minutes over because the conversation was going well.",
    "The recruiter called back the same afternoon.",
    "The hiring manager asked when I could start.",
    "Nobody asked a follow-up question on my design.",
    "The interviewer laughed at my on-call story and told one of her own.",
]
DO_DIFFERENTLY = [
    "Draw the data model first in every design round.",
    "Rehearse the disagreement story out loud, with a timer.",
    "Bring two questions about the team's on-call.",
    "Ask for a minute to think instead of talking while thinking.",
    "Test the webcam and the microphone the evening before.",
    "Write down the constraints before the first line of code.",
    "Stop after the answer and let them ask.",
]
FEEDBACK = [
    "Strong coding; the design never reached a clear data model.",
    "Good communication, but the estimate skipped the peak.",
    "The team went with someone with more domain experience.",
    "Great debugging session; behavioral answers were vague.",
    "No specific feedback, just 'not a fit right now'.",
]
TAGS = [
    "backend",
    "remote",
    "hybrid",
    "startup",
    "enterprise",
    "fintech",
    "health",
    "logistics",
    "gaming",
    "energy",
    "referral",
    "cold-apply",
    "contract",
]
FIRST_NAMES = [
    "Sam",
    "Grace",
    "Tomás",
    "Dana",
    "Marta",
    "Jonas",
    "Priya",
    "Chen",
    "Amara",
    "Lucas",
    "Ines",
    "Kofi",
    "Yuki",
    "Olga",
    "Ravi",
    "Sofia",
    "Noah",
    "Leila",
]
LAST_NAMES = [
    "Oduya",
    "Whitfield",
    "Reyes",
    "Whitlock",
    "Okafor",
    "Lindqvist",
    "Nair",
    "Wei",
    "Mensah",
    "Silva",
    "Duarte",
    "Boateng",
    "Tanaka",
    "Ivanova",
    "Patel",
]

_TEXT = (
    "the interviewer asked about a queue and I answered with the retry story which went "
    "better than last time because I kept it short then we moved to the design where I "
    "drew the write path first and the read path second and forgot to talk about failure "
    "modes until she asked what happens when a node goes away the coding round was a "
    "graph problem I recognised late but solved with a breadth first search and explained "
    "the complexity clearly the hiring manager wanted to know how I handle disagreement "
    "and I told the on-call rota story with the numbers that changed his mind afterwards "
    "I felt tired but mostly calm and the recruiter said they would reply within a week "
    "I should practise estimation with a timer and write the data model before any arrows "
    "the office was quiet the video call dropped once the take-home took four hours not two "
    "caching consistency latency throughput partitions replicas migrations schema index "
    "deadline budget team culture mentoring ownership incident postmortem rollout rollback"
)
_WORDS = _TEXT.split()
_HEADINGS = [
    "The design round",
    "The coding round",
    "The behavioral round",
    "What surprised me",
    "Afterwards",
    "The conversation with the manager",
    "Logistics",
    "Next steps",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), "**" + rng.choice(_WORDS) + "**")
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), "`" + rng.choice(_WORDS) + "()`")
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def body(rng: random.Random) -> str:
    """A few paragraphs, a heading or two, sometimes a list: 300-600 words."""
    target = rng.randint(300, 600)
    parts: list[str] = []
    words = 0
    headings = rng.sample(_HEADINGS, 3)
    while words < target:
        if parts and rng.random() < 0.25 and headings:
            parts.append("## " + headings.pop())
        if rng.random() < 0.15:
            items = [_sentence(rng) for _ in range(rng.randint(2, 4))]
            parts.append("\n".join("- " + item for item in items))
            words += sum(len(i.split()) for i in items)
            continue
        paragraph = _paragraph(rng, rng.randint(3, 6))
        parts.append(paragraph)
        words += len(paragraph.split())
    return "\n\n".join(parts) + "\n"


def _pick(rng: random.Random, pool: list[str], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, high))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def front_matter(rng: random.Random, day: date, company: str, stage: str) -> dict[str, Any]:
    skills = rng.sample(range(len(SKILLS)), rng.randint(2, 6))
    weak = skills[: max(1, len(skills) // 2)]
    strong = skills[len(weak) :]
    questions = []
    for _ in range(rng.randint(3, 6)):
        item: dict[str, Any] = {
            "question": rng.choice(QUESTIONS),
            "topic": rng.choice(TOPICS),
            "rating": rng.randint(1, 5),
            "answer": _paragraph(rng, rng.randint(1, 2)),
        }
        if rng.random() < 0.7:
            item["better"] = _paragraph(rng, 1)
        questions.append(item)
    meta: dict[str, Any] = {
        "company": company,
        "role": rng.choice(ROLES),
        "date": day,
        "stage": stage,
        "format": rng.choice(FORMATS),
        "interviewers": [_person(rng) for _ in range(rng.randint(1, 3))],
        "outcome": rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0],
        "feeling": rng.randint(1, 5),
        "questions": questions,
        "weak_spots": [rng.choice(SKILLS[i]) for i in weak],
        "strengths": [rng.choice(SKILLS[i]) for i in strong],
        "lessons": _pick(rng, LESSONS, 1, 3),
        "signals": _pick(rng, SIGNALS, 1, 3),
        "do_differently": _pick(rng, DO_DIFFERENTLY, 1, 2),
    }
    if rng.random() < 0.8:
        meta["reflected"] = _by_today(day + timedelta(rng.randint(1, 5)))
        if rng.random() < 0.4:
            meta["discussed_with"] = [_person(rng)]
    if rng.random() < 0.85:
        meta["thank_you"] = {
            "sent": _by_today(day + timedelta(rng.randint(0, 2))),
            "asked_feedback": rng.random() < 0.6,
        }
    if rng.random() < 0.5:
        meta["feedback"] = {
            "received": _by_today(day + timedelta(rng.randint(5, 20))),
            "summary": rng.choice(FEEDBACK),
        }
    if rng.random() < 0.03:
        meta["private"] = True
    meta["tags"] = _pick(rng, TAGS, 1, 3)
    return meta


def _by_today(day: date) -> date:
    """No step after the pinned today: `debrief check` warns about one (the same draws
    from the generator either way, so the notebooks change only in those dates)."""
    return min(day, date.fromisoformat(TODAY))


class _Flow(list):  # type: ignore[type-arg]
    """A list of short names, written `[a, b]` as people do; everything else is block style."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)
_SHORT_LISTS = ("interviewers", "weak_spots", "strengths", "discussed_with", "tags")


def entry_text(meta: dict[str, Any], text: str) -> str:
    meta = {k: _Flow(v) if k in _SHORT_LISTS else v for k, v in meta.items()}
    dumped = yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
    )
    return f"---\n{dumped}---\n\n{text}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entries(count: int, seed: int = 1) -> list[tuple[str, str]]:
    """(path under entries/, file text) for `count` entries, oldest first."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted(FIRST_DAY + timedelta(rng.randrange(span + 1)) for _ in range(count))
    result = []
    for number, day in enumerate(days, start=1):
        company = rng.choice(COMPANIES)
        stage = rng.choice(STAGES)
        meta = front_matter(rng, day, company, stage)
        slug = f"{day.isoformat()}-{slugify(company)}-{stage}-{number:05d}"
        result.append((f"{day.year}/{slug}.md", entry_text(meta, body(rng))))
    return result


THEME_AND_EXTENSIONS = """\
use_directory_urls: true

theme:
  name: material
  font: false
  features:
    - navigation.instant
    - navigation.tabs
    - navigation.top
    - search.highlight
    - search.suggest
    - content.tooltips
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: teal
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: teal
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.tasklist:
      custom_checkbox: true
"""

DEBRIEF_CONFIG = (
    "site_name: Synthetic notebook\ndocs_dir: notebook\nsite_dir: site\n"
    + THEME_AND_EXTENSIONS
    + """
plugins:
  - search
  - debrief:
      entries_dir: entries
      aliases: {sys design: system design}
      recurring_after: 2
"""
)

PLAIN_CONFIG = (
    "site_name: Synthetic notebook\ndocs_dir: docs\nsite_dir: site\n"
    + THEME_AND_EXTENSIONS
    + """
plugins:
  - search

nav:
  - Home: index.md
  - Method: method.md

not_in_nav: |
  /entries/
"""
)

INDEX = """# My interview notebook

One page per interview, written the day it happened. The dashboard below is
generated from the entries every time the site is built.
"""

METHOD = """# The method

1. Write the debrief the same day, while it is fresh.
2. Let it rest, then reflect with a clear mind.
3. Send a thank-you note and ask for honest feedback.
4. Turn what went wrong into one lesson you can practise.
"""


def write_notebook(root: Path, count: int, seed: int = 1) -> list[Path]:
    """Write a debrief notebook of `count` entries into root; return the entry files."""
    if root.exists():
        shutil.rmtree(root)
    (root / "notebook").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(DEBRIEF_CONFIG, encoding="utf-8")
    (root / "notebook" / "index.md").write_text(INDEX, encoding="utf-8")
    (root / "notebook" / "method.md").write_text(METHOD, encoding="utf-8")
    written = []
    for rel, text in entries(count, seed):
        path = root / "entries" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_big_entry(root: Path, megabytes: float, seed: int = 1) -> Path:
    """A notebook of one entry whose notes run to `megabytes` MB (paragraphs, headings and
    lists, as `body` writes them): the "one huge entry" rows."""
    rng = random.Random(seed)
    write_notebook(root, 0, seed)
    day = date(2026, 6, 1)
    meta = front_matter(rng, day, COMPANIES[0], STAGES[0])
    size = int(megabytes * 1_000_000)
    parts: list[str] = []
    written = 0
    while written < size:
        part = body(rng)
        parts.append(part)
        written += len(part.encode("utf-8")) + 1
    path = root / "entries" / f"{day.isoformat()}-big.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(meta, "\n".join(parts)), encoding="utf-8")
    return path


def write_plain(notebook: Path, plain: Path) -> None:
    """The baseline: the notebook's notes as ordinary MkDocs pages, out of the nav."""
    if plain.exists():
        shutil.rmtree(plain)
    docs = plain / "docs"
    (docs / "entries").mkdir(parents=True)
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    shutil.copy(notebook / "notebook" / "index.md", docs / "index.md")
    shutil.copy(notebook / "notebook" / "method.md", docs / "method.md")
    for path in sorted((notebook / "entries").rglob("*.md")):
        shutil.copy(path, docs / "entries" / path.name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", type=Path, help="where to write the notebook (replaced)")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--plain",
        type=Path,
        default=None,
        help="also write the plain-MkDocs baseline here (replaced)",
    )
    args = parser.parse_args(argv)
    write_notebook(args.dir, args.entries, args.seed)
    if args.plain is not None:
        write_plain(args.dir, args.plain)


if __name__ == "__main__":
    main()

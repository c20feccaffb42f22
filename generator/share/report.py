"""`debrief share --report`: what the share left out or replaced, entry by entry.

A mentor's share fails on what the writer did not notice: a name hidden forty
times where it should have been once ("Will" is also a word), a link that lost
its address, a private block that ran to the end because it was never closed.
The report says it all before the share is sent, in the owner's own words.
"""

from __future__ import annotations

from generator.render.addresses import page_url
from generator.render.words import plural
from generator.share.privacy import Privacy, TextReport


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers)
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def _entry_lines(report: TextReport, directory_urls: bool) -> list[str]:
    if report.private_entry:
        return [f"{report.source}: private, left out whole"]
    shared = page_url(report.shared_as or "", directory_urls) or "the home page"
    head = f"{report.source} -> {shared}"
    lines: list[str] = []
    if report.private_blocks:
        blocks = plural(len(report.private_blocks), "private block")
        lines.append(f"  left out {blocks} ({_lines(report.private_blocks)})")
    if report.comments:
        lines.append(f"  left out {plural(report.comments, 'HTML comment')}")
    if report.redacted:
        lines.append(f"  redacted {', '.join(report.redacted)}")
    for (name, label), count in sorted(report.replaced.items()):
        lines.append(f'  replaced "{name}" by {label}: {_times(count)}')
    for target in report.links:
        lines.append(f"  made a link plain text: {target} (not in the share)")
    for source, name in report.attachments:
        lines.append(f"  shares {source} as {name}")
    return [head + ("" if lines else ": nothing left out"), *lines]


def format_report(privacy: Privacy) -> str:
    """The report of `privacy`, as `debrief share --report` prints it."""
    urls = privacy.settings.directory_urls
    lines = ["What the share leaves out or replaces:"]
    for report in sorted(privacy.reports, key=lambda r: r.source):
        lines += _entry_lines(report, urls)
    reports = privacy.reports
    private = sum(r.private_entry for r in reports)
    entries = len(privacy.entries)
    names = sum(sum(r.replaced.values()) for r in reports)
    blocks = sum(len(r.private_blocks) for r in reports)
    links = sum(len(r.links) for r in reports)
    lines.append(
        f"In all: {entries} of {plural(entries + private, 'entry', 'entries')} shared, "
        f"{plural(private, 'private entry', 'private entries')} left out,\n"
        f"  {plural(blocks, 'private block')} and "
        f"{plural(sum(r.comments for r in reports), 'HTML comment')} left out, "
        f"{plural(names, 'name')} replaced,\n"
        f"  {plural(links, 'link')} made plain text, "
        f"{plural(len(privacy.attachments), 'attachment')} shared."
    )
    return "\n".join(lines) + "\n"

"""Charts drawn at build time as inline SVG: no JavaScript library, nothing from a CDN.

Colours come from CSS classes (see assets/debrief.css) that use the theme's own
variables, so every chart is legible in the light and the dark palette.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from html import escape

from generator.aggregate import Insights, WeakSpot
from generator.entry.models import OUTCOMES
from generator.render.words import plural

_WIDTH = 640


def _svg(height: int, title: str, description: str, body: list[str], kind: str) -> str:
    # One line, no blank lines: Python-Markdown keeps a raw HTML block intact only then.
    return (
        f'<div class="debrief-chart debrief-chart--{kind}" data-search-exclude>'
        f'<svg viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-labelledby="{kind}-title {kind}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{kind}-title">{escape(title)}</title>'
        f'<desc id="{kind}-desc">{escape(description)}</desc>'
        # At the left edge: on a phone the chart scrolls sideways, and a centred title
        # would be cut in half before any scrolling.
        f'<text class="dc-title" x="8" y="20" text-anchor="start">'
        f"{escape(title)}</text>" + "".join(body) + "</svg></div>"
    )


def _month(d: date) -> tuple[int, int]:
    return (d.year, d.month)


def _month_label(month: tuple[int, int], *, with_year: bool = False) -> str:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    name = names[month[1] - 1]
    return f"{name} {month[0]}" if with_year or month[1] == 1 else name


def _months_between(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _label_step(space: float) -> int:
    """Label every month, or every 2nd, 3rd... so that labels like 'Jan 2026' never touch."""
    step = 1
    while space * step < 58:
        step += 1
    return step


def feeling_chart(insights: Insights) -> str | None:
    """Gut feeling after each interview, over time: is it getting better?"""
    points = [(e.date, e.meta.feeling, e) for e in insights.entries if e.meta.feeling is not None]
    if len(points) < 2:
        return None
    left, right, top, bottom = 56, 20, 36, 48
    height = 240
    plot_w, plot_h = _WIDTH - left - right, height - top - bottom
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)

    def x(d: date) -> float:
        return left + plot_w * (d - first).days / span

    def y(v: int) -> float:
        return top + plot_h * (5 - v) / 4

    body: list[str] = []
    for v in range(1, 6):
        body.append(
            f'<line class="dc-grid" x1="{left}" x2="{_WIDTH - right}" y1="{y(v):.1f}" '
            f'y2="{y(v):.1f}"/><text class="dc-tick" x="{left - 8}" y="{y(v) + 4:.1f}" '
            f'text-anchor="end">{v}</text>'
        )
    months = _months_between(first, last)
    step = _label_step(plot_w / max(len(months), 1))
    for index, month in enumerate(months):
        d = date(month[0], month[1], 1)
        if index % step == 0 and (first <= d <= last or index == 0):
            xm = max(x(d), left)
            body.append(
                f'<text class="dc-tick" x="{xm:.1f}" y="{height - bottom + 18}" '
                f'text-anchor="middle">{_month_label(month, with_year=d <= first)}</text>'
            )
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(v):.1f}" for i, (d, v, _) in enumerate(points)
    )
    body.append(f'<path class="dc-line" d="{path}"/>')
    for d, v, entry in points:
        body.append(
            f'<circle class="dc-point" cx="{x(d):.1f}" cy="{y(v):.1f}" r="5">'
            f"<title>{escape(entry.meta.company)}, {d.isoformat()}: feeling {v}/5</title></circle>"
        )
    body.append(
        f'<text class="dc-axis" x="16" y="{top + plot_h / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {top + plot_h / 2:.0f})">feeling (1 bad, 5 good)</text>'
        f'<text class="dc-axis" x="{left + plot_w / 2:.0f}" y="{height - 8}" '
        f'text-anchor="middle">interview date</text>'
    )
    return _svg(
        height,
        "Feeling after each interview",
        f"{plural(len(points), 'interview')} from {first.isoformat()} to {last.isoformat()}, "
        "feeling on a scale of 1 to 5.",
        body,
        "feeling",
    )


def weak_spots_chart(insights: Insights, spots: Sequence[WeakSpot] | None = None) -> str | None:
    """Which weak spots come back month after month, and which fade."""
    chosen = list(spots if spots is not None else insights.weak_spots[:8])
    if not chosen or not insights.entries:
        return None
    months = _months_between(insights.entries[0].date, insights.entries[-1].date)
    per_month: dict[str, Counter[tuple[int, int]]] = {}
    for spot in chosen:
        per_month[spot.name] = Counter(_month(insights.by_slug[s].date) for s in spot.entries)
    label_w, right, top, row_h = 170, 16, 40, 30
    height = top + row_h * len(chosen) + 44
    col_w = (_WIDTH - label_w - right) / max(len(months), 1)
    body: list[str] = []
    step = _label_step(col_w)
    for i, month in enumerate(months):
        if i % step:
            continue
        cx = label_w + col_w * (i + 0.5)
        body.append(
            f'<text class="dc-tick" x="{cx:.1f}" y="{top + row_h * len(chosen) + 16}" '
            f'text-anchor="middle">{_month_label(month, with_year=i == 0)}</text>'
        )
    for row, spot in enumerate(chosen):
        cy = top + row_h * (row + 0.5)
        name = spot.name if len(spot.name) <= 22 else spot.name[:21] + "…"
        body.append(
            f'<line class="dc-grid" x1="{label_w}" x2="{_WIDTH - right}" y1="{cy:.1f}" '
            f'y2="{cy:.1f}"/><text class="dc-label" x="{label_w - 10}" y="{cy + 4:.1f}" '
            f'text-anchor="end">{escape(name)}</text>'
        )
        for i, month in enumerate(months):
            count = per_month[spot.name].get(month, 0)
            if not count:
                continue
            cx = label_w + col_w * (i + 0.5)
            r = min(5 + 3 * (count - 1), row_h / 2 - 2)
            body.append(
                f'<circle class="dc-spot dc-spot--{spot.status}" cx="{cx:.1f}" cy="{cy:.1f}" '
                f'r="{r:.1f}"><title>{escape(spot.name)}: {count} in '
                f"{_month_label(month, with_year=True)}</title></circle>"
            )
    body.append(
        f'<text class="dc-axis" x="{label_w + (_WIDTH - label_w) / 2:.0f}" y="{height - 6}" '
        'text-anchor="middle">month (a dot per month the weak spot came up; larger: more often)'
        "</text>"
    )
    return _svg(
        height,
        "Weak spots over time",
        "For each weak spot, the months in which it came up.",
        body,
        "weak-spots",
    )


def outcomes_chart(insights: Insights) -> str | None:
    """Where each stage tends to end: a bar per stage, split by outcome."""
    by_stage: dict[str, Counter[str]] = {}
    for entry in insights.entries:
        stage = insights.stage(entry) or "no stage"  # as `debrief stats` says it
        by_stage.setdefault(stage, Counter())[entry.meta.outcome] += 1
    if not by_stage:
        return None
    label_w, right, top, row_h = 150, 16, 40, 28
    legend_h = 40
    height = top + row_h * len(by_stage) + legend_h
    most = max(sum(c.values()) for c in by_stage.values())
    scale = (_WIDTH - label_w - right) / most
    body: list[str] = []
    for row, (stage, counts) in enumerate(by_stage.items()):
        y = top + row_h * row
        body.append(
            f'<text class="dc-label" x="{label_w - 10}" y="{y + row_h / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(stage)}</text>'
        )
        x = float(label_w)
        for outcome in OUTCOMES:
            n = counts.get(outcome, 0)
            if not n:
                continue
            w = n * scale
            body.append(
                f'<rect class="dc-outcome dc-outcome--{outcome}" x="{x:.1f}" y="{y + 4}" '
                f'width="{w - 2:.1f}" height="{row_h - 8}" rx="3"><title>{escape(stage)}: '
                f"{n} {outcome}</title></rect>"
            )
            if w > 18:
                body.append(
                    f'<text class="dc-count" x="{x + w / 2 - 1:.1f}" y="{y + row_h / 2 + 4:.1f}" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
    legend_y = top + row_h * len(by_stage) + 22
    x = 24.0
    for outcome in OUTCOMES:
        body.append(
            f'<rect class="dc-outcome dc-outcome--{outcome}" x="{x:.0f}" y="{legend_y - 10}" '
            f'width="12" height="12" rx="2"/><text class="dc-tick" x="{x + 16:.0f}" '
            f'y="{legend_y}">{outcome}</text>'
        )
        x += 16 + 6.5 * len(outcome) + 22
    return _svg(
        height,
        "Outcomes by stage",
        "For each interview stage, how many interviews ended in each outcome.",
        body,
        "outcomes",
    )

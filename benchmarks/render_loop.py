"""The render loop alone: CPU time of `render_sources` and `render_pages`, and their output.

    python benchmarks/render_loop.py DIR/mkdocs.yml [--repeat 5] [--dump FILE] [--profile]

Reads and aggregates the notebook once (not measured), then renders every page
`--repeat` times each way: `render_sources` as the plugin does (split pages, then again
through a `Reuse` as `debrief serve` does, first render and the render after it) and
`render_pages` as the export does, for the owner and for the share edition. Prints the
median CPU seconds (time.process_time) and the spread. `--dump FILE` writes every
page of every way as JSON, the placeholders' token (new in every process) replaced by
a fixed word, so that two dumps, before and after a change to the renderer, compare
byte for byte. `--profile` prints cProfile's top functions of one `render_sources`.

Run it by its path, not with -m: then `PYTHONPATH=OTHER_CHECKOUT` renders with the code
of another checkout (the one to compare with), this script staying the same.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any


def _setup(config_file: Path, audience: str) -> tuple[Any, Any, str, list[Any]]:
    from generator.aggregate import aggregate
    from generator.cli.common import read, read_reviews
    from generator.config import load_settings
    from generator.share.audience import edition_for

    day = date.fromisoformat(os.environ.get("DEBRIEF_TODAY", "2026-07-01"))
    settings = load_settings(config_file)
    notebook = read(settings, day)
    edition = edition_for(notebook.entries, audience, settings)  # type: ignore[arg-type]
    insights = aggregate(edition.entries, edition.settings(settings), day)
    home = settings.root / settings.docs_dir / "index.md"
    intro = edition.text(home.read_text("utf-8-sig")) if home.is_file() else ""
    reviews = read_reviews(settings) if audience == "owner" else []
    return insights, settings, intro, reviews


def _ways(config_file: Path) -> dict[str, Callable[[], dict[str, Any]]]:
    from generator.render.pages import render_pages, render_sources
    from generator.render.reuse import Reuse

    ways: dict[str, Callable[[], dict[str, Any]]] = {}
    for audience in ("owner", "share"):
        insights, settings, intro, reviews = _setup(config_file, audience)

        def sources(
            i: Any = insights, s: Any = settings, h: str = intro, r: Any = reviews
        ) -> dict[str, Any]:
            return {
                p: [x.markdown, [str(part) for part in x.parts]]
                for p, x in render_sources(i, s, home_intro=h, reviews=r)
            }

        def pages(
            i: Any = insights, s: Any = settings, h: str = intro, r: Any = reviews
        ) -> dict[str, Any]:
            return dict(render_pages(i, s, home_intro=h, reviews=r, banner="a <b>banner</b>"))

        def served(
            i: Any = insights, s: Any = settings, h: str = intro, r: Any = reviews
        ) -> dict[str, Any]:
            reuse = Reuse()
            first = {
                p: [x.markdown, [str(y) for y in x.parts]]
                for p, x in render_sources(i, s, home_intro=h, reviews=r, reuse=reuse)
            }
            again = {
                p: [x.markdown, [str(y) for y in x.parts]]
                for p, x in render_sources(i, s, home_intro=h, reviews=r, reuse=reuse)
            }
            return {"first": first, "again": again, "rendered": reuse.rendered}

        ways[f"{audience} render_sources"] = sources
        ways[f"{audience} render_pages"] = pages
        if audience == "owner":
            ways[f"{audience} render_sources+reuse"] = served
    return ways


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks/render_loop.py")
    parser.add_argument("config_file", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    from generator.render import placeholders

    ways = _ways(args.config_file)
    if args.profile:
        import cProfile
        import pstats

        ways["owner render_sources"]()  # warm: templates compiled
        profiler = cProfile.Profile()
        profiler.runcall(ways["owner render_sources"])
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(40)
        return
    if args.dump:
        token = placeholders.PART.format("")[: -len("-")]
        text = json.dumps({name: way() for name, way in ways.items()}, ensure_ascii=False)
        args.dump.write_text(
            text.replace(token, "debrief-part-TOKEN").replace(
                token.replace("part", "markdown"), "debrief-markdown-TOKEN"
            ),
            "utf-8",
        )
    for name, way in ways.items():
        way()  # warm: templates compiled, lookups of modules imported
        samples = []
        for _ in range(args.repeat):
            start = time.process_time()
            way()
            samples.append(time.process_time() - start)
        print(
            f"{name:<28} median {statistics.median(samples):.3f} s CPU "
            f"(min {min(samples):.3f}, max {max(samples):.3f}, n={len(samples)})"
        )


if __name__ == "__main__":
    main()

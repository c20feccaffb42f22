"""Where a build's time goes, per kind of page: one in-process build, instrumented.

    python -m benchmarks.profile_pages DIR/mkdocs.yml [--plain | --serve]

Wraps MkDocs' `_populate_page` (Markdown to HTML) and `_build_page` (theme
template, the search plugin's `on_page_context`, writing the file) and every
plugin event, and prints, for each group of pages (the first folder of the page's
path: entries, prep, weak-spots, ...), the count, the Markdown and HTML sizes and
the CPU seconds spent in each step (CPU time, not wall time: other processes on a
shared machine do not inflate it). `--plain` builds a plain MkDocs project (no debrief).
`--serve` does what `debrief serve` does on a save: a first build as serve does it
(not measured; dirty when `debrief serve` asks MkDocs for dirty builds), an edit
appended to one entry, then the rebuild, measured; the edit is undone afterwards.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _group(src_uri: str) -> str:
    head, _, rest = src_uri.partition("/")
    return head if rest else src_uri


def _serve_is_dirty() -> bool:
    """Whether `debrief serve` asks MkDocs for dirty (incremental) rebuilds."""
    import inspect

    from generator.cli import build as cli_build

    return 'build_type="dirty"' in inspect.getsource(cli_build.serve.callback)  # type: ignore[arg-type]


def _serve_rebuild(config_file: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    """Build once as `debrief serve` does, edit an entry; return the rebuild to measure
    and the undo of the edit."""
    import tempfile

    import mkdocs.config as _mc
    from mkdocs.commands.build import build

    site_dir = tempfile.mkdtemp(prefix="debrief-profile-")
    serve_url = "http://127.0.0.1:8000/"

    def get_config() -> Any:
        config = _mc.load_config(config_file=str(config_file), site_dir=site_dir)
        config.site_url = serve_url
        return config

    dirty = _serve_is_dirty()
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=serve_url, dirty=dirty)
    entry = sorted((config_file.parent / "entries").rglob("*.md"))[0]
    original = entry.read_bytes()
    with open(entry, "a", encoding="utf-8") as file:
        file.write("\n\nedited under serve\n")

    def rebuild() -> None:
        build(get_config(), serve_url=serve_url, dirty=dirty)

    def undo() -> None:
        entry.write_bytes(original)

    return rebuild, undo


def profile(config_file: Path, *, plain: bool = False, serve: bool = False) -> dict[str, Any]:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    sizes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    events: dict[str, float] = defaultdict(float)

    populate = mkdocs_build._populate_page
    build_page = mkdocs_build._build_page
    render = Page.render

    def measured_render(page: Any, *args: Any, **kwargs: Any) -> Any:
        # What Python-Markdown converts (the plugin lets a page's Markdown go afterwards).
        sizes[_group(page.file.src_uri)]["markdown_chars"] += len(page.markdown or "")
        return render(page, *args, **kwargs)

    def timed_populate(page: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = populate(page, *args, **kwargs)
        group = _group(page.file.src_uri)
        seconds[group]["markdown"] += time.process_time() - start
        sizes[group]["pages"] += 1
        return result

    def timed_build_page(page: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = build_page(page, *args, **kwargs)
        group = _group(page.file.src_uri)
        seconds[group]["template+search+write"] += time.process_time() - start
        # The page as written, theme included.
        sizes[group]["html_chars"] += os.path.getsize(page.file.abs_dest_path)
        return result

    run_event = PluginCollection.run_event

    def timed_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        start = time.process_time()
        result = run_event(self, name, item, **kwargs)
        if name not in (
            "page_context",
            "page_markdown",
            "page_content",
            "post_page",
            "pre_page",
            "page_read_source",
        ):
            events[name] += time.process_time() - start
        return result

    rebuild, undo = _serve_rebuild(config_file) if serve else (None, None)
    mkdocs_build._populate_page = timed_populate
    mkdocs_build._build_page = timed_build_page
    Page.render = measured_render  # type: ignore[method-assign,assignment,unused-ignore]
    PluginCollection.run_event = timed_event  # type: ignore[method-assign]
    started = time.process_time()
    try:
        if rebuild is not None:
            rebuild()
        elif plain:
            import mkdocs.config as _mc

            config = _mc.load_config(config_file=str(config_file))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
        else:
            from generator.cli.site import run_build

            run_build(config_file)
    finally:
        mkdocs_build._populate_page = populate
        mkdocs_build._build_page = build_page
        Page.render = render  # type: ignore[method-assign]
        PluginCollection.run_event = run_event  # type: ignore[method-assign]
        if undo is not None:
            undo()
    total = time.process_time() - started
    return {"total": total, "seconds": seconds, "sizes": sizes, "events": events}


def report(result: dict[str, Any], out: Callable[[str], None] = print) -> None:
    seconds, sizes = result["seconds"], result["sizes"]
    out(f"total {result['total']:.2f} s CPU")
    out(
        f"{'group':<16}{'pages':>7}{'md MB':>8}{'page MB':>9}{'markdown s':>12}"
        f"{'tmpl+search+write s':>21}"
    )
    order = sorted(seconds, key=lambda g: -sum(seconds[g].values()))
    for group in order:
        s, z = seconds[group], sizes[group]
        out(
            f"{group:<16}{z['pages']:>7}{z['markdown_chars'] / 1e6:>8.2f}"
            f"{z['html_chars'] / 1e6:>9.2f}{s['markdown']:>12.2f}"
            f"{s['template+search+write']:>21.2f}"
        )
    out(
        "plugin events (CPU s): "
        + ", ".join(
            f"{name} {value:.2f}"
            for name, value in sorted(result["events"].items(), key=lambda kv: -kv[1])
            if value >= 0.01
        )
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_pages")
    parser.add_argument("config_file", type=Path)
    parser.add_argument("--plain", action="store_true", help="a plain MkDocs project")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="measure the rebuild after an edit under serve",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    report(profile(args.config_file, plain=args.plain, serve=args.serve))


if __name__ == "__main__":
    main()

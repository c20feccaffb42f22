"""`debrief export --format markdown`: the whole notebook as a plain docs tree.

mkdocs-material has announced its end of life; a docs tree plus a mkdocs.yml
without the debrief plugin builds with plain MkDocs or any engine that reads
mkdocs.yml, so a notebook never depends on this tool staying alive.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.aggregate import Insights
from generator.config import without_debrief
from generator.drill.log import Review
from generator.entry.diagnostics import Diagnostic
from generator.entry.files import relative
from generator.entry.read import attachments
from generator.render.addresses import CSS, HOME, default_nav
from generator.render.pages import render_pages
from generator.settings import Settings
from generator.share.audience import Edition
from generator.share.edition import share_attachments

DOCS = "docs"
HEADER = (
    "# Exported by `debrief export --format markdown`: builds with plain MkDocs,\n"
    "# no debrief plugin needed. Regenerate it rather than editing it.\n"
)


class ExportError(Exception):
    """The export would overwrite something that is not a previous export."""


def check_target(settings: Settings, out_dir: Path) -> None:
    """Refuse to write over the notebook itself or over a folder that is not an export."""
    target = out_dir.resolve()
    root = settings.root.resolve()
    protected = [root, root / settings.docs_dir, settings.entries_path.resolve()]
    if any(target == p or target in p.parents or p in target.parents for p in protected[1:]):
        raise ExportError(f"{out_dir} overlaps the notebook's own pages or entries")
    if target == root:
        raise ExportError(f"{out_dir} is the notebook itself; give a new folder")
    if target.exists() and any(target.iterdir()):
        config = target / "mkdocs.yml"
        previous = config.is_file() and config.read_text(encoding="utf-8").startswith(HEADER)
        if not previous:
            raise ExportError(
                f"{out_dir} is not empty and holds no earlier export; give a new folder"
            )


class _Dumper(yaml.Dumper):
    """Keeps `!!python/name:` values; anything else unknown is written as text."""


def _text(dumper: yaml.Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
_Dumper.add_multi_representer(
    os.PathLike,  # type: ignore[type-abstract]
    lambda dumper, value: dumper.represent_str(os.fspath(value)),
)


def export_markdown(
    settings: Settings,
    edition: Edition,
    insights: Insights,
    out_dir: Path,
    problems: list[Diagnostic] | None = None,
    *,
    reviews: Sequence[Review] = (),
) -> int:
    """Write out_dir/docs/ and out_dir/mkdocs.yml; return the number of pages written.

    `insights` are the aggregates of `edition.entries`. For the share, hand-written
    pages and attachments go through the edition as in `debrief share`.
    `reviews`, the owner's review log, schedules the Practice page's cards; a share's
    export never uses it.
    """
    check_target(settings, out_dir)
    shown = edition.text
    found = edition.attachments(attachments(settings.entries_path), settings.entries_dir)
    kept: list[tuple[str, bytes]] = []  # a share's attachments, scrubbed as `debrief share` does
    if edition.privacy is not None:
        kept = share_attachments(settings, edition.privacy, found, []).kept
        found = []
    docs_src = settings.root / settings.docs_dir
    docs = out_dir / DOCS
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    handwritten: list[str] = []
    intro = ""
    if docs_src.is_dir():
        for folder, _dirs, names in os.walk(docs_src):
            for name in names:
                source = Path(folder, name)
                rel = source.relative_to(docs_src).as_posix()
                if rel == HOME:
                    intro = shown(source.read_text(encoding="utf-8-sig"), rel)
                    continue
                # A share's files get addresses without hidden names (`privacy.docs_address`).
                address = edition.privacy.docs_address(rel) if edition.privacy else rel
                target = docs / address
                target.parent.mkdir(parents=True, exist_ok=True)
                if rel.endswith(".md"):
                    target.write_text(shown(source.read_text(encoding="utf-8-sig"), rel), "utf-8")
                    handwritten.append(address)
                elif edition.privacy is not None:  # a text file's shared text
                    data = source.read_bytes()
                    target.write_bytes(edition.privacy.file_bytes(data, rel))
                else:
                    shutil.copy2(source, target)
    pages = render_pages(
        insights,
        settings,
        home_intro=intro,
        reviews=reviews if edition.audience == "owner" else (),
    )
    for path, markdown in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    css = docs / CSS
    css.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(__file__).parent / "render" / "assets" / "debrief.css", css)
    for target_path, data in kept:
        target = docs / target_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for source, target_path in found:
        target = docs / target_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        except OSError as error:  # gone or locked since it was listed: left out, and said
            if problems is not None:
                problems.append(
                    Diagnostic(
                        relative(source, settings.root),
                        None,
                        "warning",
                        "attachment left out of the export: it could not be copied"
                        f" ({error.strerror or error})",
                        "check that it is still there and readable, then export again",
                    )
                )

    with open(settings.root / "mkdocs.yml", "rb") as file:
        config: dict[str, Any] = yaml_load(file)
    config["docs_dir"] = DOCS
    config["site_dir"] = "site"
    config["plugins"] = without_debrief(config.get("plugins") or ["search"])
    if not config.get("nav"):
        config["nav"] = default_nav(handwritten)
    extra_css = list(config.get("extra_css") or [])
    if CSS not in extra_css:
        extra_css.append(CSS)
    config["extra_css"] = extra_css
    config["not_in_nav"] = "/entries/\n/weak-spots/\n/prep/\n"
    config.pop("INHERIT", None)
    if edition.privacy is not None:  # the share's own texts and addresses, as its site's
        edition.privacy.site_settings(config)
        config["nav"] = edition.privacy.nav_config(config["nav"])
    (out_dir / "mkdocs.yml").write_text(
        HEADER + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return len(pages)

"""The README's screenshots: `python -m tests.browser.readme_screenshots` from the repository.

Builds the demo notebook (today pinned), serves it on 127.0.0.1 and saves the top
1280x1000 of four pages, light and dark, into docs/screenshots/.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.sites import CHROMIUM, CHROMIUM_ARGS, build, serve
from tests.conftest import REPO, copy_demo

PAGES = {
    "home": "/",
    "weak-spot": "/weak-spots/system-design/",
    "entry": "/entries/2026-11-12-fernbank-case/",
    "practice": "/practice/",
}
SCHEMES = {"light": "default", "dark": "slate"}
OUT = REPO / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = build(copy_demo(Path(tmp) / "demo"))
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        with serve(site) as url:
            for name, scheme in SCHEMES.items():
                context = browser.new_context(
                    viewport={"width": 1280, "height": 1000},
                    color_scheme="light" if name == "light" else "dark",
                )
                page = context.new_page()
                for page_name, path in PAGES.items():
                    page.goto(url + path)
                    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                    assert shown == scheme, f"{path}: {shown} instead of {scheme}"
                    target = OUT / f"{page_name}-{name}.png"
                    page.screenshot(path=str(target))
                    print(f"{target.relative_to(REPO)}: {target.stat().st_size // 1024} KB")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

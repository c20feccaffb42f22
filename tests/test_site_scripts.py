"""A real `debrief build` of weak spots in four scripts: the files MkDocs writes are
named with their letters, and every link to them resolves to a file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from tests.conftest import write_notebook
from tests.test_site_build import debrief

ENTRY = (
    "---\ncompany: 株式会社アクメ\nrole: Engineer\ndate: 2026-03-0{n}\nweak_spots: [{spots}]\n---\n"
)


def test_the_site_has_a_page_per_name_in_its_own_letters(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {
            "2026-03-01-a.md": ENTRY.format(n=1, spots="システム設計, 系统设计"),
            "2026-03-02-b.md": ENTRY.format(n=2, spots="Системный дизайн, C++, c"),
        },
    )
    result = debrief(["build"], root, "2026-03-15")
    assert result.exit_code == 0, result.output
    site = root / "site"
    pages = sorted(
        p.parent.name for p in (site / "weak-spots").glob("*/index.html") if p.parent.name
    )
    assert pages == sorted(["c", "c-2", "システム設計", "系统设计", "системный-дизайн"])
    # the company's prep page too
    assert (site / "prep" / "株式会社アクメ" / "index.html").is_file()
    # every link of the overview resolves to a page that exists
    overview = (site / "weak-spots" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'<a href="([^"#]+/)">', overview))
    spot_links = {unquote(link) for link in links if not link.startswith("..")}
    assert spot_links == {"c/", "c-2/", "システム設計/", "系统设计/", "системный-дизайн/"}
    for link in spot_links:
        assert (site / "weak-spots" / link / "index.html").is_file(), link

"""The floor for `debrief check`: read every entry and parse its front matter, nothing else.

    python benchmarks/bare_loop.py ENTRIES_DIR

Uses PyYAML's C loader (the fastest a Python tool can do) and prints the count.
"""

from __future__ import annotations

import os
import sys

import yaml


def main(entries_dir: str) -> int:
    count = 0
    for folder, _dirs, files in os.walk(entries_dir):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                text = file.read()
            if text.startswith("---"):
                end = text.find("\n---", 3)
                yaml.load(text[4:end], Loader=yaml.CSafeLoader)
            count += 1
    return count


if __name__ == "__main__":
    print(main(sys.argv[1]))

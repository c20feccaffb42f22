"""`debrief schema` checked with a real JSON Schema validator, as an editor would use it.

Good entries are the demo notebook, the scaffold's example, `debrief new`'s template
and the README's example; each bad entry breaks one rule, and `debrief check` must
refuse it too.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli.main import cli
from generator.edit.capture import entry_template
from generator.entry.read import entry_from_bytes

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # a valid JSON Schema of the draft it names
    return cls(schema)  # type: ignore[no-any-return]


def as_json(value: Any) -> Any:
    """YAML's values as an editor's YAML support hands them to JSON Schema: dates as text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    return value


def front(text: str) -> Any:
    return as_json(yaml.safe_load(text.split("---", 2)[1]))


def good_entries() -> list[tuple[str, str]]:
    found = [
        (p.relative_to(REPO).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "entries").rglob("*.md"))
    ]
    found.append(
        (
            "scaffold example",
            (REPO / "generator/scaffold/entries/_example.md").read_text(encoding="utf-8"),
        )
    )
    found.append(("debrief new", entry_template("Acme", "SRE", date(2026, 3, 1), "onsite")))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found.append(("README", re.search(r"```markdown\n(---\n.*?\n---\n)", readme, re.S)[1]))  # type: ignore[index]
    return found


@pytest.mark.parametrize(("name", "text"), good_entries(), ids=lambda x: x if "\n" not in x else "")
def test_good_entries_are_valid(
    validator: jsonschema.protocols.Validator, name: str, text: str
) -> None:
    errors = [e.message for e in validator.iter_errors(front(text))]
    assert errors == [], name


HEAD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-01\n"
BAD = {
    "rating 7": "questions:\n  - question: Why?\n    rating: 7\n",
    "rating 0": "questions: [{question: Why us, rating: 0}]\n",
    "feeling 6": "feeling: 6\n",
    "feeling as text": "feeling: high\n",
    "an unknown outcome": "outcome: won\n",
    "a lesson mapping without lesson": "lessons: [{about: sql}]\n",
    "an unknown key in a lesson": "lessons: [{lesson: x, abuot: sql}]\n",
    "a date not YYYY-MM-DD": "reflected: 03/01/2026\n",
    "an unknown key": "feelings: 3\n",
    "feedback none as text": "feedback: {none: maybe}\n",
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_entries_are_invalid_for_the_schema_and_for_check(
    validator: jsonschema.protocols.Validator, case: str
) -> None:
    text = HEAD + BAD[case] + "---\n"
    assert not validator.is_valid(front(text)), case
    _entry, problems = entry_from_bytes(text.encode(), "x.md", "x")
    assert problems, case


def test_the_bounds_are_json_schemas_own_words() -> None:
    text = CliRunner().invoke(cli, ["schema"]).stdout
    assert '"ge"' not in text and '"le"' not in text
    schema = json.loads(text)
    rating = schema["$defs"]["Question"]["properties"]["rating"]["anyOf"][0]
    assert rating == {"type": "integer", "minimum": 1, "maximum": 5}


def test_the_lesson_forms_are_all_valid(validator: jsonschema.protocols.Validator) -> None:
    for lessons in (
        "lessons: Just one.\n",
        "lessons: [One., Two.]\n",
        "lessons:\n  - Plain.\n  - lesson: Scale first.\n    about: system design\n",
        "lessons: [{lesson: Scale first., about: [system design, estimation]}]\n",
        "lessons:\n",
        "lessons: 42\n",  # a number is text
    ):
        assert validator.is_valid(front(HEAD + lessons + "---\n")), lessons


def test_numbers_are_text_for_the_schema_as_for_check(
    validator: jsonschema.protocols.Validator,
) -> None:
    text = "---\ncompany: 1984\nrole: 10\ndate: 2026-03-14\ntags: 2026\nweak_spots: [42]\n---\n"
    assert validator.is_valid(front(text))
    assert entry_from_bytes(text.encode(), "x.md", "x")[1] == []
    assert not validator.is_valid(front(HEAD + "company2: x\n---\n"))
    assert not validator.is_valid(front("---\ncompany: true\nrole: x\ndate: 2026-03-14\n---\n"))

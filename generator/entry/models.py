"""The entry's front matter as a pydantic model: validation and the JSON Schema in one place."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.entry.names import normalize_name

OUTCOMES = ("pending", "advanced", "offer", "rejected", "withdrew", "no-response")
Outcome = Literal["pending", "advanced", "offer", "rejected", "withdrew", "no-response"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise PydanticCustomError("date_format", "a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError("date_impossible", "a real date") from None


def _as_text(value: Any) -> Any:
    # YAML reads `role: 10` or `company: 1984` as numbers; they are still names.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _one_or_many(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    return value


def _question(value: Any) -> Any:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"question": value}
    return value


def _none_is_default(default: Any) -> BeforeValidator:
    return BeforeValidator(lambda value: default if value is None else value)


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
# In the JSON Schema too, a number is text (`company: 1984`), as the model reads it.
_TEXT_SCHEMA = {"type": ["string", "number"]}
Text = Annotated[str, BeforeValidator(_as_text), WithJsonSchema(_TEXT_SCHEMA)]
RequiredText = Annotated[
    str,
    BeforeValidator(_as_text),
    Field(min_length=1),
    WithJsonSchema({**_TEXT_SCHEMA, "minLength": 1}),
]
TextList = Annotated[
    list[Text],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                _TEXT_SCHEMA,
                {"type": "array", "items": _TEXT_SCHEMA},
                {"type": "null"},
            ]
        }
    ),
]


def _no_bool(value: Any) -> Any:
    # YAML reads `feeling: yes` as true; pydantic would take it as 1.
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "a whole number")
    return value


def _outcome(value: Any) -> Any:
    if value is None:
        return "pending"
    if isinstance(value, str):
        return normalize_name(value)
    return value


def _flag(value: Any) -> Any:
    if value is None:
        return False
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    if not isinstance(value, bool):
        raise PydanticCustomError("bool_type", "true or false")
    return value


# JSON Schema's own words for the bounds: pydantic writes its `ge`/`le` there when a
# validator runs first, and editors ignore those (a `rating: 7` passed in an editor).
Score = Annotated[
    int,
    BeforeValidator(_no_bool),
    Field(ge=1, le=5),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 5}),
]
Flag = Annotated[bool, BeforeValidator(_flag)]


class _FrozenIgnoringExtras(BaseModel):
    """Frozen, and deaf to unknown keys: `read` warns about each before validation."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Question(_FrozenIgnoringExtras):
    question: RequiredText = Field(description="The question as it was asked.")
    topic: Text | None = Field(None, description="What it was about, e.g. system design.")
    rating: Score | None = Field(None, description="How well I answered: 1 badly, 5 very well.")
    answer: Text | None = Field(None, description="What I said.")
    better: Text | None = Field(None, description="What I would say next time.")


QuestionItem = Annotated[Question, BeforeValidator(_question)]


def _lesson(value: Any) -> Any:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"lesson": value}
    return value


class LessonNote(_FrozenIgnoringExtras):
    """A lesson, and the weak spots (or strengths) it is about.

    Written as plain text, or as `{lesson: TEXT, about: NAME or [NAMES]}`. Which weak
    spot a lesson is filed under is decided in one place: `aggregate.lessons_about`.
    """

    lesson: RequiredText = Field(description="What to carry into the next process.")
    about: TextList = Field(
        default_factory=list,
        description="The weak spots (or strengths) of this entry the lesson is about.",
    )


LessonItem = Annotated[LessonNote, BeforeValidator(_lesson)]


class ThankYou(_FrozenIgnoringExtras):
    sent: IsoDate | None = Field(None, description="When the thank-you note was sent.")
    asked_feedback: Flag = Field(False, description="Whether the note asked for honest feedback.")


class Feedback(_FrozenIgnoringExtras):
    received: IsoDate | None = Field(None, description="When feedback came back.")
    summary: Text | None = Field(None, description="What it said.")
    none: Flag = Field(
        False,
        description="True: no feedback will come (they said so, or you stopped waiting); "
        "the follow-up closes.",
    )


class FrontMatter(_FrozenIgnoringExtras):
    """The fields of an entry's front matter."""

    model_config = ConfigDict(
        extra="ignore",
        frozen=True,
        title="debrief-notebook entry",
        json_schema_extra={"additionalProperties": False},
    )

    company: RequiredText = Field(description="The company interviewed with.")
    role: RequiredText = Field(description="The role applied for.")
    date: IsoDate = Field(description="The day of the interview, YYYY-MM-DD.")
    stage: Text | None = Field(None, description="recruiter-screen, technical, onsite, ...")
    format: Text | None = Field(None, description="video, phone, in-person, take-home, ...")
    interviewers: TextList = Field(default_factory=list, description="Private in a share.")
    outcome: Annotated[Outcome, BeforeValidator(_outcome)] = Field(
        "pending", description="Where the process stands."
    )
    feeling: Score | None = Field(None, description="Gut feeling right after: 1 went badly.")
    questions: Annotated[list[QuestionItem], BeforeValidator(_one_or_many)] = Field(
        default_factory=list, description="Each a question, or a mapping with `question:`."
    )
    weak_spots: TextList = Field(default_factory=list, description="What went wrong.")
    strengths: TextList = Field(default_factory=list, description="What went well.")
    lessons: Annotated[list[LessonItem], BeforeValidator(_one_or_many)] = Field(
        default_factory=list,
        description="Each a lesson, or a mapping with `lesson:` and `about:` (weak spots).",
    )
    signals: TextList = Field(default_factory=list, description="Interviewer reactions.")
    do_differently: TextList = Field(default_factory=list)
    reflected: IsoDate | None = Field(None, description="When I reflected with a clear mind.")
    discussed_with: TextList = Field(default_factory=list, description="Private in a share.")
    thank_you: Annotated[ThankYou, _none_is_default({})] = Field(default_factory=ThankYou)
    feedback: Annotated[Feedback, _none_is_default({})] = Field(default_factory=Feedback)
    private: Flag = Field(False, description="A private entry never reaches a share.")
    tags: TextList = Field(default_factory=list)


FIELDS: dict[str, tuple[str, ...]] = {
    "": tuple(FrontMatter.model_fields),
    "questions": tuple(Question.model_fields),
    "lessons": tuple(LessonNote.model_fields),
    "thank_you": tuple(ThankYou.model_fields),
    "feedback": tuple(Feedback.model_fields),
}


def json_schema() -> dict[str, Any]:
    schema = FrontMatter.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["required"] = ["company", "role", "date"]
    # A question may be written as plain text; the model turns it into a mapping first.
    questions = schema["properties"]["questions"]
    questions["items"] = {"anyOf": [_TEXT_SCHEMA, questions["items"]]}
    questions["anyOf"] = [_TEXT_SCHEMA, {"type": "array", "items": questions.pop("items")}]
    questions.pop("type", None)
    # A lesson likewise: text, a mapping with `lesson:` and `about:`, or a list of them.
    lessons = schema["properties"]["lessons"]
    one_lesson = {"anyOf": [_TEXT_SCHEMA, {"$ref": "#/$defs/LessonNote"}]}
    lessons.pop("type", None)
    lessons.pop("items", None)
    lessons["anyOf"] = [
        *one_lesson["anyOf"],
        {"type": "array", "items": one_lesson},
        {"type": "null"},
    ]
    defs = schema["$defs"]
    defs["LessonNote"]["description"] = (
        "A lesson and the weak spots (or strengths) of this entry it is about."
    )
    for name in ("Question", "LessonNote", "ThankYou", "Feedback"):
        defs[name]["additionalProperties"] = False
    # A key with nothing after it (`outcome:`, `thank_you:`) is YAML null: the default.
    properties = schema["properties"]
    for name in ("thank_you", "feedback"):
        reference = properties[name].pop("$ref")
        properties[name]["anyOf"] = [{"$ref": reference}, {"type": "null"}]
    questions["anyOf"].append({"type": "null"})
    for field in (
        properties["outcome"],
        properties["private"],
        defs["ThankYou"]["properties"]["asked_feedback"],
        defs["Feedback"]["properties"]["none"],
    ):
        field["type"] = [field["type"], "null"]
    properties["outcome"]["enum"].append(None)
    return schema

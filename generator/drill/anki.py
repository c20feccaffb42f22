"""The cards as an Anki deck (an .apkg file, written with genanki).

A note's GUID comes from its card's stable id, so importing a newer export into Anki
updates the notes already there, and keeps their review history, instead of adding
them twice. Tags name the weak spots, the topic and the company (`weak-spot::sql`).
"""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from pathlib import Path

import genanki

from generator.drill.cards import Card
from generator.entry.names import normalize_name

# Fixed for good: Anki knows a note type by its id, and a new id on every export would
# make a new note type each time.
MODEL_ID = 1_742_316_601
FIELDS = ("Question", "Interview", "Next time", "I answered", "Lessons", "Card")
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.about { color: #666; font-size: 14px; }
.label { font-style: italic; }"""
FRONT = '{{Question}}<div class="about">{{Interview}}</div>'
BACK = (
    '{{FrontSide}}<hr id="answer">'
    '<p><span class="label">Next time:</span> {{Next time}}</p>'
    '<p><span class="label">I answered:</span> {{I answered}}</p>'
    '{{#Lessons}}<p><span class="label">Lessons:</span></p>{{Lessons}}{{/Lessons}}'
)


def _model() -> genanki.Model:
    return genanki.Model(
        MODEL_ID,
        "debrief question",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Practise", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def deck_id(name: str) -> int:
    """A deck's id from its name (the site's): the same deck on every export."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:15], 16)


def tags(card: Card) -> list[str]:
    """Names as the notebook normalizes them (no spaces, which Anki tags cannot hold; the
    letters of every script kept), under `weak-spot::`, `topic::` and `company::`."""
    found = [f"weak-spot::{_tag(name)}" for name in card.weak_spots]
    if card.topic:
        found.append(f"topic::{_tag(card.topic)}")
    found.append(f"company::{_tag(card.company)}")
    return found


def _tag(name: str) -> str:
    return "".join(normalize_name(name).replace("::", ":").split()) or "other"


def note(card: Card, model: genanki.Model) -> genanki.Note:
    about = " · ".join(
        part for part in (card.company, card.interview_date.isoformat(), card.topic) if part
    )
    lessons = "".join(f"<li>{html.escape(text, quote=False)}</li>" for text in card.lessons)
    return genanki.Note(
        model=model,
        fields=[
            html.escape(card.question, quote=False),
            html.escape(about, quote=False),
            html.escape(card.better or "not written yet", quote=False),
            html.escape(card.answer or "not written down", quote=False),
            f"<ul>{lessons}</ul>" if lessons else "",
            card.id,
        ],
        guid=genanki.guid_for(card.id),
        tags=tags(card),
    )


def write_deck(cards: list[Card], name: str, path: Path) -> None:
    """Write `cards` as the deck `name` to `path`, replacing it only once it is whole."""
    model = _model()
    deck = genanki.Deck(deck_id(name), name)
    for card in cards:
        deck.add_note(note(card, model))
    folder = path.resolve().parent
    fd, temporary = tempfile.mkstemp(prefix=".debrief-", suffix=".apkg", dir=folder)
    os.close(fd)
    try:
        genanki.Package(deck).write_to_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

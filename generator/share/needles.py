"""What a locked share must not show: everything of the notebook, before unlocking.

What a share hides is decided once, by `share.privacy.Privacy`, whose `needles()`
the output check looks for (`share/hidden.py`). A locked share promises more: no
text of a shared entry or page is readable without the passphrase. These are the
needles for that promise; each is excusable nowhere.
"""

from __future__ import annotations

from generator.entry.frontmatter import KeyPath, describe
from generator.entry.names import Vocabulary
from generator.entry.read import Entry
from generator.share.fields import field_strings
from generator.share.hidden import Needle, sentences

NAMED_FIELDS = ("weak_spots", "strengths", "tags", "stage")  # shown by canonical name


def readable_needles(
    shared: list[tuple[Entry, Entry]], vocabulary: Vocabulary, pages: dict[str, str]
) -> list[Needle]:
    """In a locked share, nothing of the notebook may be readable: (owner, shared) entries."""
    found: list[Needle] = []
    for owner, entry in shared:
        for key, value in field_strings(entry.meta):
            if key[0] in ("stage", "format", "outcome", "private"):
                continue  # a handful of common words: not worth a false alarm
            found.append(
                Needle(
                    value,
                    owner.path,
                    None,
                    f"{describe(key)}, readable without the passphrase,",
                    variants=_name_variants(key, value, vocabulary),
                    key=key,
                    document=owner.document,
                )
            )
        found.append(Needle(entry.slug, owner.path, None, "the page name of an entry"))
        for line, sentence in sentences(entry.body, owner.body_line):
            found.append(Needle(sentence, owner.path, line, "the notes of an entry"))
    for path, text in pages.items():
        for line, sentence in sentences(text):
            found.append(Needle(sentence, path, line, "the text of a page"))
    return found


def _name_variants(key: KeyPath, value: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    if key[0] in NAMED_FIELDS:
        return (vocabulary.canonical(value),)
    return ()

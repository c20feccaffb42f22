"""DRILL: practice, the questions that went badly as cards, until they stick.

`cards` makes the cards from the entries (pure; a card's back by aggregate's rule of
what belongs to a weak spot); `log` reads and appends the review log (JSON Lines beside
mkdocs.yml, never rewritten); `schedule` replays it through FSRS (the `fsrs` package);
`anki` writes the cards as an Anki deck (genanki).

May import: `generator.entry`, `generator.aggregate`, `generator.settings`, fsrs, genanki.
"""

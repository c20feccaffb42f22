"""WRITE: the only code that changes files in entries/ (`debrief new`, `debrief tags`).

Every write is atomic and touches nothing but what the command is for: `capture`
makes a new entry, `retag` renames names byte-exactly, `atomic` replaces a file
only if nobody changed it since it was read.

May import: `generator.entry` and `generator.settings`. Nothing of MkDocs or Click.
"""

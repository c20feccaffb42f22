"""DELIVER to MkDocs: the `debrief` plugin, event glue only, and what only it uses.

`plugin` holds the event handlers; `run` the options the CLI sets for a build and the
report it reads after; `reading` reads the notebook (remembering files under `serve`);
`store` keeps the rendered pages until MkDocs asks for them (`packed` zlib-packs each
one) and fills their HTML blocks back in;
`search_copy` shows the search plugin a lighter copy of those blocks; `incremental`
lets `debrief serve` rebuild only what changed; `memory` hands freed memory back.

May import: everything below it in the pipeline (`entry`, `aggregate`, `render`,
`share`), MkDocs and the standard library. Never `generator.cli`.
"""

"""SHARE: the mentor's edition. What is private is decided here, once, on the source.

`audience` turns the owner's entries into what a share may show (private entries
gone, fields redacted, names replaced): `edition_for` is the one set-up the plugin and
the Markdown export both call; `clean` removes private blocks; `anonymize`
replaces companies and people; `attachments` decides which files go along; `leaks`
is the second line of defence, a check of the output; `lock` and `locked` seal a
passphrase-locked share; `edition` checks a share's settings and its folder;
`publish` pushes it.

May import: `generator.entry`, `generator.aggregate`, `generator.render`,
`generator.settings`; `locked` also MkDocs' structures. Never the plugin or the CLI.
"""

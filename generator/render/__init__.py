"""RENDER: every text the product writes, made from entries and their insights.

`pages` renders every page of the site (Jinja2 templates into Markdown with HTML
blocks), for the plugin, the Markdown export and the share alike; `addresses` says
where each page lives and how pages link; `view` is what a template sees of its page;
`placeholders` keeps the HTML blocks out of Python-Markdown; `words` holds what is said
in several places (plurals, the follow-up wording); `charts` draws SVG; `prep` writes
the brief before an interview; `practice` the cards as `debrief drill` shows them and
as the Practice page groups them; `terminal` the reports `debrief stats` and `followups`
print; `data` the JSON and CSV exports; `escape` makes user text safe in Markdown, HTML
and YAML.

May import: `generator.entry`, `generator.aggregate`, `generator.drill`,
`generator.settings`, Jinja2.
Nothing of MkDocs; Click only for terminal styling.
"""

"""READ: a file in entries/ becomes a validated `Entry`, or `PATH:LINE` diagnostics.

`frontmatter` splits a file and parses its YAML, finding a value's line when a
message needs one; `yamlload` is PyYAML's C loader made lean for front matter;
`models` is the front matter as a pydantic model (and its JSON Schema);
`names` is the one normalizer of weak spots, strengths, stages and tags; `diagnostics`
is the one shape of a problem; `read` reads one file or a whole notebook.

May import: the standard library, PyYAML, pydantic, and `generator.settings`.
Nothing of MkDocs, Jinja2 or Click.
"""

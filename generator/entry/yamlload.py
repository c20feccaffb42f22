"""PyYAML's C loader, with the two steps it runs in Python per node made lean for entries.

libyaml parses and composes the node tree in C, but it calls back into Python to
resolve each scalar's tag, and PyYAML's constructor then builds the values in Python
too, through a generator per collection and a dictionary of every node built: at
10,000 entries of about a hundred values each, those two steps were nearly half of
reading the notebook. An entry's front matter is plain text, numbers, true/false,
dates, lists and mappings; `values` builds exactly those in one small recursive
function and hands anything else (a merge key `<<`, an explicit tag such as
`!!set`, a nesting deeper than Python recurses) to PyYAML's own constructor, from
the start: the values are the same either way, and so is every error, save the few
PyYAML raised as a bare ValueError or KeyError (`_refusing`).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml import MappingNode, ScalarNode, SequenceNode

try:
    # libyaml's loader: the pure-Python one is several times slower on a large notebook.
    FastSafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    FastSafeLoader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Scalars built by their own constructor, as PyYAML does; every other tag is left to it.
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)
SEP = "\x1f"  # joins a key path into one string in the table of lines: "weak_spots\x1f2"


class FrontMatterLoader(FastSafeLoader):  # type: ignore[misc,valid-type]
    """Safe loader that keeps dates as text, so the model can say which date is impossible.

    Its `resolve` gives every node the tag PyYAML's `Resolver.resolve` gives it, without
    the cases no safe loader has (path resolvers, resolvers for any first character).
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                first = value[:1] if value else ""
                for tag, regexp in self.yaml_implicit_resolvers.get(first, ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _MAP if kind is MappingNode else _SEQ

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Path resolvers only: none here."""

    def ascend_resolver(self) -> None:
        """Path resolvers only: none here."""


def _keep_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


FrontMatterLoader.add_constructor(_TIMESTAMP, _keep_text)

_KINDS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
}


def _refusing(construct: Any, kind: str) -> Any:
    """PyYAML's constructor, raising a YAML error at the value's line where PyYAML's raises
    a bare ValueError or KeyError: `!!int abc`, `!!bool maybe`, and even untagged `0x_`
    (YAML 1.1 calls it a number, which Python cannot read) were a traceback."""

    def refusing(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError):
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value!r} as {kind}", node.start_mark
            ) from None

    return refusing


for _tag, _kind in _KINDS.items():
    FrontMatterLoader.add_constructor(
        _tag, _refusing(FrontMatterLoader.yaml_constructors[_tag], _kind)
    )

# The lean resolve relies on what a safe loader is: were a path resolver or a resolver for
# any first character ever added, PyYAML's own resolve would be needed again.
if FrontMatterLoader.yaml_path_resolvers or None in FrontMatterLoader.yaml_implicit_resolvers:
    del FrontMatterLoader.resolve  # pragma: no cover
    del FrontMatterLoader.descend_resolver  # pragma: no cover
    del FrontMatterLoader.ascend_resolver  # pragma: no cover


class _Unusual(Exception):
    """A node that `values` leaves to PyYAML's constructor."""


def values(loader: FrontMatterLoader, node: yaml.Node) -> tuple[Any, bool]:
    """The values of a composed front matter, as `loader.construct_document(node)` builds
    them, and whether a mapping may repeat a key.

    A repeated key is warned about at its line, which takes walking every node to find;
    the note taken here while each mapping is built lets an entry without one, nearly
    every entry, skip that walk. It may say so wrongly (a key that is not text, such as
    `1:` beside `"1":`, is always noted), never the other way. The node tree must hold no
    alias (`parse` refuses them): a shared node would be built twice.
    """
    builder = _Builder(loader)
    try:
        return builder.build(node), builder.repeats
    except (_Unusual, RecursionError):
        # PyYAML's constructor, from the start; the table of lines finds repeated keys.
        return loader.construct_document(node), True


class _Builder:
    """`values`' walk. A class, not a closure: a nested function that calls itself is a
    reference cycle, and it held the loader (and libyaml's buffers behind it) until the
    cycle collector ran, which it does not while a notebook is read: 20 MB at 1,000
    entries, until the end of the build."""

    def __init__(self, loader: FrontMatterLoader) -> None:
        self.loader = loader
        self.constructors = loader.yaml_constructors
        self.repeats = False

    def build(self, node: yaml.Node) -> Any:
        kind = type(node)
        if kind is ScalarNode:
            if node.tag == _STR:
                return node.value
            if node.tag in _SCALARS:
                return self.constructors[node.tag](self.loader, node)
            raise _Unusual
        if kind is MappingNode and node.tag == _MAP:
            mapping: dict[Any, Any] = {}
            text_keys = True
            for key_node, value_node in node.value:
                if type(key_node) is ScalarNode and key_node.tag == _STR:
                    key = key_node.value
                elif type(key_node) is ScalarNode and key_node.tag in _SCALARS:
                    key = self.build(key_node)  # null, a number, true/false, a date: hashable
                    text_keys = False
                else:
                    raise _Unusual  # a merge key '<<', a '=' key, a list or mapping as a key
                if type(value_node) is ScalarNode and value_node.tag == _STR:
                    mapping[key] = value_node.value
                else:
                    mapping[key] = self.build(value_node)
            # A key holding SEP could meet another key path in the table of lines.
            if not text_keys or len(mapping) != len(node.value) or SEP in "".join(mapping):
                self.repeats = True
            return mapping
        if kind is SequenceNode and node.tag == _SEQ:
            return [
                item.value if type(item) is ScalarNode and item.tag == _STR else self.build(item)
                for item in node.value
            ]
        raise _Unusual

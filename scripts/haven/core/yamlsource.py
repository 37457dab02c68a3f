"""Read YAML the way an editor means it, keeping the line of every value.

PyYAML's usual loaders turn `no` into False (Norwegian's language code), `01234`
into 668 and `9:30` into 570, and let a repeated key silently win. Here every
scalar stays the text the editor typed; a model converts each field once. The
document is composed (not constructed), so nothing in it is ever executed and
tags such as MkDocs' `!!python/name:` are read as plain text; `!ENV [NAME, default]`
gives what MkDocs gives, the variable's value or the default.

Every document is first scanned, which takes time in proportion to its length:
anchors and aliases (`&a`, `*a`), which let a few lines stand for millions of
values, are refused before anything is composed, and so is nesting deeper than
any of Haven's files needs. Text may not hold HTML tags: the theme shows some
fields as they are written, and a tag there would reach readers' browsers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml_env_tag  # type: ignore[import-untyped]

from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.core.safehtml import tags_in

Loc = tuple[str | int, ...]

# Tags the YAML 1.1 resolver gives unquoted scalars that are not text.
_COERCED = {
    "tag:yaml.org,2002:bool": "a true/false value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}
_NULL = "tag:yaml.org,2002:null"
# libyaml's composer when PyYAML was built with it: the same nodes, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Construct only what MkDocs' `!ENV` tag reads (a variable's value, or the default after the names): as
# MkDocs does, or as the text typed where that fails (a day that is not one), for a model to name it.
_ENV_READER = yaml.SafeLoader("")
_ENV_TEXT_READER = yaml.BaseLoader("")
# Haven's deepest file (a directory entry's phones) nests 4 levels.
MAX_DEPTH = 12
_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


@dataclass(frozen=True)
class YamlDocument:
    """Plain data (dicts, lists, strings, None) and where each piece stands."""

    data: Any
    path: str
    lines: Mapping[Loc, int] = field(default_factory=dict)
    # Unquoted scalars that MkDocs' own YAML reading would turn into another type.
    coerced: Mapping[Loc, str] = field(default_factory=dict)
    # Scalars written without quotes (phone numbers must be quoted: 3125551234 would be a number).
    unquoted: frozenset[Loc] = frozenset()

    def line_of(self, loc: Loc) -> int:
        """The line of the value at `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def parse(text: str, path: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line the text starts on."""
    offset = first_line - 1
    try:
        _refuse_what_could_explode(text, path, offset)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.reader.ReaderError as exc:
        raise DiagnosticsError(
            [
                Diagnostic(
                    path,
                    offset + text[: exc.position].count("\n") + 1,
                    "H001",
                    f"this line holds the character U+{exc.character:04X}, which YAML does not allow",
                    "delete it: most editors do not show it",
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = offset + (mark.line + 1 if mark else 1)
        detail = exc.problem or exc.context or "it cannot be read"
        text_lines = text.splitlines()
        if mark and mark.line < len(text_lines) and "\t" in text_lines[mark.line][: mark.column + 1]:
            raise DiagnosticsError(
                [
                    Diagnostic(
                        path,
                        line,
                        "H001",
                        "this line holds a tab, which YAML does not read as indentation",
                        "indent with spaces, two per level",
                    )
                ]
            ) from None
        where = ""
        if exc.context_mark and offset + exc.context_mark.line + 1 != line:
            where = f" (in what starts on line {offset + exc.context_mark.line + 1})"
        raise DiagnosticsError(
            [
                Diagnostic(
                    path,
                    line,
                    "H001",
                    f"this is not valid YAML{where}: {detail}",
                    "check the indentation and put text with ':' or '#' in quotes",
                )
            ]
        ) from None
    lines: dict[Loc, int] = {}
    coerced: dict[Loc, str] = {}
    unquoted: set[Loc] = set()
    problems: list[Diagnostic] = []

    def convert(node: yaml.Node | None, loc: Loc) -> Any:
        if node is None:
            return None
        lines[loc] = offset + node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in result:
                    problems.append(
                        Diagnostic(
                            path,
                            offset + key_node.start_mark.line + 1,
                            "H002",
                            f"the key '{key}' appears twice",
                            "keep one of them; YAML would silently use only the last",
                        )
                    )
                    continue
                result[key] = convert(value_node, (*loc, key))
                # A field's line is its key's: a list or a mapping under it starts a line lower.
                lines[(*loc, key)] = offset + key_node.start_mark.line + 1
            return result
        if node.tag == "!ENV":  # read by MkDocs' own rule, so Haven sees the value MkDocs builds with
            try:
                value = yaml_env_tag.construct_env_tag(_ENV_READER, node)
            except (ValueError, yaml.YAMLError):
                value = yaml_env_tag.construct_env_tag(_ENV_TEXT_READER, node)
            return None if value is None else str(value)
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*loc, i)) for i, item in enumerate(node.value)]
        plain = not getattr(node, "style", None)  # None from the Python composer, "" from libyaml
        if plain:
            unquoted.add(loc)
        if plain and node.tag == _NULL:
            return None
        if plain and node.tag in _COERCED:
            coerced[loc] = _COERCED[node.tag]
        tags = tags_in(node.value) if "<" in node.value else []
        if tags:
            problems.append(
                Diagnostic(
                    path,
                    offset + node.start_mark.line + 1,
                    "H007",
                    f"this text holds the HTML tag <{tags[0]}>, which Haven does not publish",
                    "write plain text; Markdown and HTML belong in the page's body",
                )
            )
        return node.value

    data = convert(node, ())
    if problems:
        raise DiagnosticsError(problems)
    return YamlDocument(data=data, path=path, lines=lines, coerced=coerced, unquoted=frozenset(unquoted))


def _refuse_what_could_explode(text: str, path: str, offset: int) -> None:
    """Anchors, aliases and deep nesting, found by scanning alone (nothing is expanded)."""
    depth = 0
    for token in yaml.scan(text, Loader=_LOADER):
        line = offset + token.start_mark.line + 1
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            kind, mark = ("anchor", "&") if isinstance(token, yaml.AnchorToken) else ("alias", "*")
            raise DiagnosticsError(
                [
                    Diagnostic(
                        path,
                        line,
                        "H004",
                        f"'{mark}{token.value}' is a YAML {kind}; Haven reads no anchors or aliases",
                        "write each value out in full where it is used",
                    )
                ]
            )
        depth += isinstance(token, _OPEN) - isinstance(token, _CLOSE)
        if depth > MAX_DEPTH:
            raise DiagnosticsError(
                [
                    Diagnostic(
                        path,
                        line,
                        "H005",
                        f"this is nested more than {MAX_DEPTH} levels deep",
                        "no Haven file needs this; check the indentation",
                    )
                ]
            )

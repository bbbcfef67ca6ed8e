"""Where a header is sent: the URL of the request call whose arguments hold the header.

`requests.get(f"{BASE}/payouts", headers={"Authorization": ...})`, `fetch(url, {headers: {...}})`,
`axios({url: URL, headers: {...}})`: the header's mapping sits in the request call's arguments,
and so does the URL. The lowering hands the URL's expressions to the judge, which evaluates them
like the header value; the host they start with picks that API's rules for this header alone
(authlint/checks/target.py), where the file as a whole may call several APIs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from tree_sitter import Node

from authlint.record import Record

Source = Callable[[Node], str]  # a node's text (Syntax.source)


class CallShape(Record):
    """The node types of one grammar between a header's key/value pair and its request call."""

    __slots__ = (
        "argument_lists",
        "assignments",
        "calls",
        "constructors",
        "containers",
        "keyword",
        "pair",
        "scopes",
        "shorthand",
        "skipped",
    )
    _fields = (
        "calls",
        "argument_lists",
        "containers",
        "keyword",
        "pair",
        "shorthand",
        "skipped",
        "assignments",
        "scopes",
        "constructors",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        calls: frozenset[str],
        argument_lists: frozenset[str],
        containers: frozenset[str],
        keyword: str,
        pair: str,
        shorthand: str,
        skipped: frozenset[str],
        assignments: dict[str, tuple[str, str]],
        scopes: frozenset[str],
        constructors: dict[str, int] | None = None,
    ) -> None:
        self.calls: Final = calls  # call expressions
        self.argument_lists: Final = argument_lists
        # Nodes a header pair may sit in on the way up: the headers mapping, a `headers=` keyword,
        # a `{headers: {...}}` options object.
        self.containers: Final = containers
        # A keyword argument (`url=...`); "" when the grammar has none
        self.keyword: Final = keyword
        self.pair: Final = pair  # a key/value entry of a mapping literal
        # `{url, headers}`: an entry that is its own value; "" when none
        self.shorthand: Final = shorthand
        self.skipped: Final = skipped  # argument nodes that are not positional values
        # `headers = {...}` then `get(url, headers=headers)`: assignment node types and the fields
        # of their target and value, and the nodes that bound the search for the call.
        self.assignments: Final = assignments
        self.scopes: Final = scopes
        # `req, _ := http.NewRequest(method, url, body)` then `req.Header.Set(...)`: the calls
        # that make a request object, by the callee's last name, and the URL's argument index.
        self.constructors: Final = constructors or {}


# The names a call's keyword argument or an options object gives the URL.
URL_KEYS: Final = frozenset({"url", "uri", "baseurl", "base_url", "endpoint"})

SHAPES: Final[dict[str, CallShape]] = {
    "python": CallShape(
        calls=frozenset({"call"}),
        argument_lists=frozenset({"argument_list"}),
        containers=frozenset({"dictionary", "pair", "keyword_argument"}),
        keyword="keyword_argument",
        pair="pair",
        shorthand="",
        skipped=frozenset(
            {"keyword_argument", "comment", "dictionary_splat", "list_splat", "dictionary"}
        ),
        assignments={"assignment": ("left", "right")},
        scopes=frozenset({"function_definition", "module"}),
    ),
    "javascript": CallShape(
        calls=frozenset({"call_expression", "new_expression"}),
        argument_lists=frozenset({"arguments"}),
        containers=frozenset({"object", "pair"}),
        keyword="",
        pair="pair",
        shorthand="shorthand_property_identifier",
        skipped=frozenset({"object", "comment", "spread_element"}),
        assignments={
            "variable_declarator": ("name", "value"),
            "assignment_expression": ("left", "right"),
        },
        scopes=frozenset(
            {
                "function_declaration",
                "function_expression",
                "function",
                "arrow_function",
                "method_definition",
                "program",
            }
        ),
    ),
    "go": CallShape(
        calls=frozenset({"call_expression"}),
        argument_lists=frozenset({"argument_list"}),
        containers=frozenset(),
        keyword="",
        pair="",
        shorthand="",
        skipped=frozenset({"comment"}),
        assignments={
            "short_var_declaration": ("left", "right"),
            "assignment_statement": ("left", "right"),
        },
        scopes=frozenset({"function_declaration", "method_declaration", "func_literal"}),
        constructors={"NewRequest": 1, "NewRequestWithContext": 2},
    ),
}

# How far up from the header pair the request call may be: pair, mapping, `headers` entry,
# options object, argument list.
_MAX_CLIMB: Final = 6
# Positional arguments that may be the URL: `get(url, ...)`, `request("GET", url, ...)`.
_POSITIONAL: Final = 2


def url_nodes(pair: Node, shape: CallShape, source: Source) -> list[Node]:
    """The expressions that may be the URL of the request whose arguments hold ``pair`` (a
    header's key/value entry), nearest first: the request call's own arguments, or those of
    the first call after it in the same function that is passed the mapping's variable; []
    when there is none (a mapping returned, merged or kept on an object)."""
    found: list[Node] = []
    node = pair.parent
    for _ in range(_MAX_CLIMB):
        if node is None:
            return []
        if node.type in shape.argument_lists:
            call = node.parent
            if call is None or call.type not in shape.calls:
                return []
            return found + _arguments(node, shape, source)
        fields = shape.assignments.get(node.type)
        if fields is not None:
            target = node.child_by_field_name(fields[0])
            if target is None or target.type != "identifier":
                return []
            passed = _passed(source(target), node, shape, source)
            return found + passed
        if node.type not in shape.containers:
            return []
        for child in node.named_children:  # an options object's `url:` beside its `headers:`
            if child.type == shape.pair:
                _keyed(child, found, source)
            elif (
                shape.shorthand
                and child.type == shape.shorthand
                and _name(child, source) in URL_KEYS
            ):
                found.append(child)
        node = node.parent
    return []


def receiver_url_nodes(call: Node, shape: CallShape, source: Source) -> list[Node]:
    """The URL of the request object a header call is made on: `req.Header.Set(...)` after
    `req, err := http.NewRequest("GET", url, nil)` in the same function (the last such
    assignment before the call)."""
    function = call.child_by_field_name("function")
    root = function
    while root is not None and root.type in ("selector_expression", "field_expression"):
        root = root.child_by_field_name("operand")
    if root is None or root.type != "identifier" or not shape.constructors:
        return []
    name = source(root)
    scope = _enclosing(call, shape)
    if scope is None:
        return []
    found: list[Node] = []
    for node in _walk(scope, 0, call.start_byte):
        fields = shape.assignments.get(node.type)
        if fields is not None:
            url = _constructed(node, fields, name, shape, source)
            if url is not None:
                found = [url]  # document order: a later assignment replaces an earlier one
    return found


def _constructed(
    assignment: Node, fields: tuple[str, str], name: str, shape: CallShape, source: Source
) -> Node | None:
    """The URL argument when ``assignment`` gives ``name`` first the result of a request
    constructor (`req, err := http.NewRequest(...)`)."""
    left = assignment.child_by_field_name(fields[0])
    right = assignment.child_by_field_name(fields[1])
    if left is None or right is None:
        return None
    targets = left.named_children if left.named_child_count else [left]
    if not targets or targets[0].type != "identifier" or source(targets[0]) != name:
        return None
    value = (
        right.named_children[0]
        if right.named_child_count and right.type.endswith("list")
        else right
    )
    if value.type not in shape.calls:
        return None
    callee = value.child_by_field_name("function")
    arguments = value.child_by_field_name("arguments")
    if callee is None or arguments is None:
        return None
    at = shape.constructors.get(source(callee).rsplit(".", 1)[-1])
    if at is None:
        return None
    positional = [c for c in arguments.named_children if c.type not in shape.skipped]
    return positional[at] if at < len(positional) else None


def _arguments(arguments: Node, shape: CallShape, source: Source) -> list[Node]:
    found: list[Node] = []
    positional = []
    for child in arguments.named_children:
        if child.type == shape.keyword:
            _keyed(child, found, source)
        elif child.type not in shape.skipped:
            positional.append(child)
    return found + positional[:_POSITIONAL]


# Nodes looked at after an assignment for the call it is passed to: a function body, bounded.
_MAX_SEARCH: Final = 4000


def _passed(name: str, assignment: Node, shape: CallShape, source: Source) -> list[Node]:
    """The URL candidates of the first request call after ``assignment`` in its function that
    is given ``name`` as an argument (`headers=name`, `fetch(url, name)`, `{headers: name}`)."""
    scope = _enclosing(assignment, shape)
    if scope is None:
        return []
    after = assignment.end_byte
    for node in _walk(scope, after, _END):
        if (
            node.type == "identifier"
            and node.start_byte >= after
            and source(node) == name
            and not _keyword_name(node, shape)
        ):
            arguments = _argument_list_of(node, shape)
            if arguments is not None:
                return _arguments(arguments, shape, source)
    return []


_END: Final = 1 << 62


def _enclosing(node: Node, shape: CallShape) -> Node | None:
    """The function (or module) ``node`` is in: where the search for its call stays."""
    scope = node.parent
    while scope is not None and scope.type not in shape.scopes:
        scope = scope.parent
    return scope


def _walk(scope: Node, start: int, end: int) -> Iterator[Node]:
    """The nodes of ``scope`` that overlap [start, end), in document order, bounded: subtrees
    outside the range are not entered."""
    stack = [scope]
    seen = 0
    while stack and seen < _MAX_SEARCH:
        node = stack.pop()
        seen += 1
        if node.end_byte <= start or node.start_byte >= end:
            continue
        yield node
        stack.extend(reversed(node.named_children))


def _keyword_name(node: Node, shape: CallShape) -> bool:
    """Is ``node`` the name of a keyword argument (`headers` in `headers=h`), not a value?"""
    parent = node.parent
    return (
        parent is not None
        and parent.type == shape.keyword
        and parent.child_by_field_name("name") == node
    )


def _argument_list_of(name: Node, shape: CallShape) -> Node | None:
    """The argument list of a call ``name`` is passed to: as an argument, a keyword's value,
    or an options object's entry."""
    node = name.parent
    for _ in range(3):  # keyword argument or pair, options object, argument list
        if node is None:
            return None
        if node.type in shape.argument_lists:
            call = node.parent
            return node if call is not None and call.type in shape.calls else None
        if node.type not in shape.containers and node.type != shape.keyword:
            return None
        node = node.parent
    return None


def _keyed(entry: Node, found: list[Node], source: Source) -> None:
    key = entry.child_by_field_name("key") or entry.child_by_field_name("name")
    value = entry.child_by_field_name("value")
    if key is not None and value is not None and _name(key, source) in URL_KEYS:
        found.append(value)


def _name(node: Node, source: Source) -> str:
    if node.end_byte - node.start_byte > 20:
        return ""
    return source(node).strip("\"'`").lower()

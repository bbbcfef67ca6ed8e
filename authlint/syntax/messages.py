"""Message calls: a string handed to a log, print, error or response call is a message for a
person to read, not a header value or a header line that reaches a server.

`res.status(401).send("authorization: Basic required")`, `throw new Error("Authorization: Bearer
token missing")`, `log.warning(f"Authorization: Basic header for {user} rejected")`, `echo
"Authorization: Basic <redacted>" >&2`: each names the header in words. The ONE table of message
calls is below; the tree walk is language-neutral (every grammar's call node puts its arguments
in a node of its own, after the callee).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

# -- the table ----------------------------------------------------------------------------

# The last name of the callee, lower-cased: loggers (console.error, log.warning, logger.Errorf,
# ILogger.LogError), printing (print, println, puts, Console.WriteLine, printf to stdout), and
# calls that stop with a message (panic, abort, die, raise, fmt.Errorf, error_log).
MESSAGE_CALLS: Final = frozenset(
    {
        "log",
        "warn",
        "warning",
        "error",
        "errorf",
        "info",
        "infof",
        "debug",
        "debugf",
        "trace",
        "tracef",
        "fatal",
        "fatalf",
        "fatalln",
        "critical",
        "exception",
        "notice",
        "verbose",
        "logerror",
        "logwarning",
        "loginformation",
        "logdebug",
        "logcritical",
        "panic",
        "panicf",
        "abort",
        "die",
        "fail",
        "raise",
        "error_log",
        "trigger_error",
        "alert",
    }
)
# Printing: a message only when it goes to the console (`print(...)`, `println(...)`,
# `System.out.println`, `Console.WriteLine`, `fmt.Println`, `puts`); on any other writer
# (`out.println` on a socket's PrintWriter, `writer.WriteLine`, `print(..., file=sock)`) the
# line is what the program writes, maybe a request's header line.
PRINTERS: Final = frozenset({"print", "println", "printf", "puts", "writeline"})
# The receivers of a printer that are the console: the whole dotted name, or its last part.
CONSOLE_OBJECTS: Final = frozenset(
    {
        "system.out",
        "system.err",
        "console",
        "console.error",
        "console.out",
        "fmt",
        "stdout",
        "stderr",
        "sys.stdout",
        "sys.stderr",
        "$stdout",
        "$stderr",
        "os.stdout",
        "os.stderr",
        "kernel",
        "log",
    }
)
# A keyword argument that sends a printer's output elsewhere (Python's `print(..., file=f)`).
_PRINT_TARGET: Final = "file"
# A constructor or factory whose name says it makes an error or a response: `new Error(...)`,
# `IllegalStateException(...)`, `HTTPException(detail=...)`, `HttpResponse(...)`,
# `new Response("...", {status: 401})`, `ResponseEntity<>(...)`.
MESSAGE_TYPE: Final = lazy(r"(?:Error|Exception|Response)(?:Entity)?\Z|\Aerrors?\.New\Z")
# A response object's body writers, by the conventional name of the response (Express `res`,
# Fastify `reply`, Koa/Go `ctx`): `res.status(401).send("...")`.
RESPONSE_OBJECTS: Final = frozenset({"res", "resp", "response", "reply"})
RESPONSE_METHODS: Final = frozenset({"send", "json", "end", "write"})
# Shell: commands whose output is for a person. echo and printf only when sent to stderr (their
# stdout may be a header captured by `$(...)` or piped to curl); the others are the conventional
# names of a script's own message functions, and logger(1).
SHELL_MESSAGE_COMMANDS: Final = frozenset(
    {"logger", "log", "warn", "error", "err", "die", "fatal", "info", "debug", "fail", "abort"}
)
SHELL_PRINTERS: Final = frozenset({"echo", "printf"})

# -- the walk -------------------------------------------------------------------------------

# Nodes a message's text passes through on its way to the call: the pieces of a string, a
# concatenation, parentheses, a conditional, one argument of the call.
_PASS: Final = frozenset(
    {
        "string",
        "string_fragment",
        "string_content",
        "string_literal",
        "string_literal_content",
        "interpreted_string_literal",
        "interpreted_string_literal_content",
        "raw_string_literal",
        "template_string",
        "encapsed_string",
        "line_string_literal",
        "multi_line_string_literal",
        "interpolated_string_expression",
        "concatenated_string",
        "binary_expression",
        "binary_operator",
        "additive_expression",
        "concatenation",
        "parenthesized_expression",
        "ternary_expression",
        "conditional_expression",
        "argument",
        "value_argument",
        "keyword_argument",
        "named_argument",
        "expression_list",
        "object",
        "dictionary",
    }
)
# The node holding a call's arguments, in each grammar.
_ARGUMENTS: Final = frozenset({"arguments", "argument_list", "value_arguments", "call_suffix"})
# A statement that throws what the call makes: an exception, whatever its class is called.
_THROWS: Final = frozenset({"raise_statement", "throw_statement", "throw_expression"})
# How far up a message's text may sit: a concatenation of a few pieces, never a whole function.
_MAX_DEPTH: Final = 24
_NAME: Final = lazy(r"[A-Za-z_$][A-Za-z0-9_$]*")


def is_message(node: Node, source: bytes) -> bool:
    """Is ``node`` (a string, or a piece of one) part of an argument of a message call?"""
    found = argument_of(node, source)
    if found is None:
        return False
    call, arguments = found
    if arguments is None:
        return _shell_message(call, source)
    return _message_call(call, arguments, source)


def argument_of(node: Node, source: bytes) -> tuple[Node, Node | None] | None:
    """The call (and its arguments node) that ``node``, a string or a piece of one, is part of
    an argument of, through concatenations, parentheses and message objects; for a shell
    command word, the command (and None)."""
    current: Node | None = node
    for _ in range(_MAX_DEPTH):
        if current is None:
            return None
        parent = current.parent
        if parent is None:
            return None
        if parent.type in _ARGUMENTS:
            call = parent.parent
            if call is not None and call.type == "call_suffix":
                call = call.parent
            return None if call is None else (call, parent)
        if parent.type == "command":  # shell: an argument word of a command
            return None if current.type == "command_name" else (parent, None)
        if parent.type == "pair":
            # `res.status(401).json({ error: "..." })`: an entry of a message object, but not
            # the object's own Authorization header (`console.log({ Authorization: ... })`).
            key = parent.child_by_field_name("key")
            if key is None or key == current or _header_key(key, source):
                return None
        elif parent.type not in _PASS:
            return None
        current = parent
    return None


def callee_names(call: Node, arguments: Node, source: bytes) -> list[str]:
    """The names the callee is written with, `new` and type arguments dropped:
    `res.status(401).send` -> res, status, send; `new ResponseEntity<>` -> ResponseEntity."""
    callee = source[call.start_byte : arguments.start_byte].decode("utf-8", "replace")
    callee = callee.strip().removeprefix("new").strip()
    callee = re.sub(r"<[^<>]*>\Z", "", callee)  # Java's diamond: `new ResponseEntity<>(`
    return _NAME.findall(callee)


def _message_call(call: Node, arguments: Node, source: bytes) -> bool:
    """Is ``call``, whose arguments are ``arguments``, a message call? Its callee is the
    source before the arguments (`new` dropped): `res.status(401).send`, `System.out.println`."""
    if call.parent is not None and call.parent.type in _THROWS:
        return True  # `raise PermissionDenied("...")`, `throw new AuthFailure("...")`
    names = callee_names(call, arguments, source)
    if not names:
        return False
    last = names[-1]
    if last.lower() in PRINTERS:
        return _to_console(names[:-1], arguments, source)
    if last.lower() in MESSAGE_CALLS or MESSAGE_TYPE.search(last):
        return True
    if MESSAGE_TYPE.search(".".join(names[-2:])):  # Go's errors.New
        return True
    return last in RESPONSE_METHODS and names[0] in RESPONSE_OBJECTS


def _to_console(receiver: list[str], arguments: Node, source: bytes) -> bool:
    """Does a printer called on ``receiver`` (its dotted names, [] for a bare call) write to
    the console?"""
    if receiver:
        dotted = ".".join(receiver).lower()
        if dotted not in CONSOLE_OBJECTS and receiver[-1].lower() not in CONSOLE_OBJECTS:
            return False
    for argument in arguments.named_children:
        if argument.type == "keyword_argument":
            name = argument.child_by_field_name("name")
            value = argument.child_by_field_name("value")
            if name is None or value is None:
                continue
            if source[name.start_byte : name.end_byte] == _PRINT_TARGET.encode():
                target = source[value.start_byte : value.end_byte].decode("utf-8", "replace")
                return target.lower() in CONSOLE_OBJECTS
    return True


def _shell_message(command: Node, source: bytes) -> bool:
    name = command.child_by_field_name("name")
    if name is None:
        return False
    word = source[name.start_byte : name.end_byte].decode("utf-8", "replace")
    if word in SHELL_MESSAGE_COMMANDS:
        return True
    if word not in SHELL_PRINTERS:
        return False
    statement = command.parent
    if statement is None or statement.type != "redirected_statement":
        return False
    return any(_to_stderr(r, source) for r in statement.children_by_field_name("redirect"))


def _to_stderr(redirect: Node, source: bytes) -> bool:
    """`>&2`, `1>&2`, `>/dev/stderr`: the command's standard output goes to stderr."""
    text = source[redirect.start_byte : redirect.end_byte].decode("utf-8", "replace")
    text = text.replace(" ", "").replace("\t", "")
    return text in (">&2", "1>&2") or text.endswith((">/dev/stderr", ">&/dev/stderr"))


def _header_key(key: Node, source: bytes) -> bool:
    from authlint.construct.models import is_header_name

    text = source[key.start_byte : key.end_byte].decode("utf-8", "replace")
    return is_header_name(text.strip("\"'`"))

"""Mutation testing of the header parser: does a one-character change to a rule fail a test?

    python bench/mutate.py [--module header] [--jobs 1] [--timeout 60] [--limit N] [--list]

Makes one change at a time to ``authlint/grammar.py``, ``header.py``, ``credentials.py`` and
``diagnostic.py`` and runs the header tests (``TESTS``) against it; a mutant is *killed* when a
test fails or the run exceeds ``--timeout`` seconds, and *survives* otherwise. mutmut does not
mutate module-level regex strings, which is where the grammar lives, so this is a small mutator
of its own:

- AST mutations in function and method bodies: a comparison flipped (``==``/``!=``, ``<``/``<=``,
  ``in``/``not in``, ``is``/``is not``), ``and``/``or`` swapped, a ``not`` dropped, an ``if``
  condition negated, an arithmetic or bitwise operator swapped, an integer moved by one, a
  boolean flipped, a short string emptied, a statement removed.
- Regex-literal mutations in every string that is compiled as a pattern (each module-level rule
  of ``grammar.py``, each ``re.compile`` argument elsewhere): a character dropped from a class,
  a range end moved by one either way, a quantifier changed (``*``/``+``, ``?`` dropped, the
  lower bound of ``{m,n}`` moved by one). The alphabets ``grammar.py`` spells as plain strings
  (``BASE64_ALPHABET``, ``ZERO_LOW4``, ``ZERO_LOW2``) lose one character at a time.

The tests are collected once; each mutant runs in a forked child that executes the mutated
module in the module's own namespace (keeping the function and class objects the tests already
imported, and re-running the modules that read its names at import time), then runs the tests
in order until the first failure. Hypothesis uses the ``mutants`` profile of
``tests/conftest.py`` (25 examples, derandomized, so a result is reproducible). A baseline run
of the unmutated modules, applied the same way, must pass first. Tests must read the module's
names when they run (``getattr(grammar, "token")``, not a ``grammar.token`` captured in a
parametrize list at import), or they test the unmutated value. A mutant whose regex no longer
compiles fails at import; it is counted apart as *invalid* and left out of the score. Equivalent mutants (no behaviour can tell them apart) are listed with a
reason in ``bench/mutants_equivalent.txt`` and also left out:
score = killed / (mutants - invalid - equivalent). Survivors are written to
``bench/_work/mutants-<module>.txt`` and the killed keys to ``bench/_work/mutants-<module>.json``;
``--resume`` skips the mutants an earlier run killed (matched by key: scope, operator, change and
ordinal, so an edit elsewhere in the module keeps them) and runs the rest, new ones included.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import re
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, FunctionType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("grammar", "header", "credentials", "diagnostic")
# The header tests, fastest killers first (pytest -x stops at the first failure).
TESTS = (
    "tests/test_grammar.py",
    "tests/test_header.py",
    "tests/test_header_oracle.py",
    "tests/test_credentials.py",
    "tests/test_header_secrecy.py",
    "tests/test_codes.py",
    "tests/test_header_props.py",
)
EQUIVALENT = ROOT / "bench" / "mutants_equivalent.txt"
WORK = ROOT / "bench" / "_work"
# grammar.py strings that are data, not patterns.
_NOT_PATTERNS = {"PROFILES", "PROFILE_CHOICES", "SP", "HTAB", "__doc__"}
_ALPHABETS = {"BASE64_ALPHABET", "ZERO_LOW4", "ZERO_LOW2"}

_COMPARE = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_BINOP = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.BitAnd: ast.BitOr,
    ast.BitOr: ast.BitAnd,
}


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int
    key: str  # stable across unrelated edits: scope, operator, detail, ordinal
    line: int
    description: str


# --- regex-literal mutations ---------------------------------------------------------------

_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)", re.DOTALL)


def _class_spans(s: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each character class body in pattern text ``s`` (after ``[`` / ``[^``)."""
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            start = i + 1
            if start < len(s) and s[start] == "^":
                start += 1
            j = start
            if j < len(s) and s[j] == "]":
                j += 1
            while j < len(s) and s[j] != "]":
                j += 2 if s[j] == "\\" else 1
            yield start, j
            i = j + 1
            continue
        i += 1


def _elements(s: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Class elements as (start, end, low code point, high code point)."""
    out = []
    i = start
    atoms: list[tuple[int, int, int]] = []
    while i < end:
        m = _ESCAPE.match(s, i)
        if m is not None:
            text = m.group()
            if text[1] in "xu":
                cp = int(text[2:], 16)
            elif text[1] in "tnr":
                cp = ord({"t": "\t", "n": "\n", "r": "\r"}[text[1]])
            elif text[1] in "sdwSDW":
                cp = -1  # a category: dropped whole, never a range end
            else:
                cp = ord(text[1])
            atoms.append((i, m.end(), cp))
            i = m.end()
        else:
            atoms.append((i, i + 1, ord(s[i])))
            i += 1
    k = 0
    while k < len(atoms):
        a0, a1, lo = atoms[k]
        is_range = (
            k + 2 < len(atoms)
            and s[atoms[k + 1][0] : atoms[k + 1][1]] == "-"
            and lo >= 0
            and atoms[k + 2][2] >= 0
        )
        if is_range:
            out.append((a0, atoms[k + 2][1], lo, atoms[k + 2][2]))
            k += 3
        else:
            out.append((a0, a1, lo, lo))
            k += 1
    return out


def _char(cp: int) -> str:
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def regex_mutations(s: str) -> Iterator[tuple[str, str]]:
    """(mutated text, description) for one piece of pattern text."""
    for start, end in _class_spans(s):
        elements = _elements(s, start, end)
        for a, b, lo, hi in elements:
            if len(elements) > 1:
                yield s[:a] + s[b:], f"drop {s[a:b]!r}"
            if lo != hi:
                for new_lo, new_hi, what in (
                    (lo + 1, hi, "low end +1"),
                    (lo - 1, hi, "low end -1"),
                    (lo, hi - 1, "high end -1"),
                    (lo, hi + 1, "high end +1"),
                ):
                    if 0 <= new_lo <= new_hi:
                        text = f"{_char(new_lo)}-{_char(new_hi)}"
                        yield s[:a] + text + s[b:], f"{s[a:b]!r} {what}"
    in_class = False
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if s[i + 1 : i + 2] == "]" or s[i + 1 : i + 3] == "^]":
                i += 2
        elif c in "*+" and i > 0 and s[i - 1] not in "(|":
            other = "+" if c == "*" else "*"
            yield s[:i] + other + s[i + 1 :], f"quantifier {c!r} -> {other!r}"
        elif c == "?" and i > 0 and s[i - 1] not in "(|":
            yield s[:i] + s[i + 1 :], "drop quantifier '?'"
        elif c == "{":
            m = re.compile(r"\{(\d+)(,|\})").match(s, i)
            if m is not None:
                n = int(m.group(1))
                for new in (n + 1, n - 1):
                    if new >= 0:
                        rest = s[m.end(1) :]
                        yield s[: i + 1] + str(new) + rest, f"bound {{{n} -> {{{new}"
        i += 1


# --- the AST mutator -----------------------------------------------------------------------


class _Mutator(ast.NodeTransformer):
    """Walks a module in a fixed order; records every mutation site, or applies one of them."""

    def __init__(self, module: str, target: int | None = None) -> None:
        self.module = module
        self.target = target
        self.sites: list[tuple[str, int, str]] = []  # (scope/operator/detail, line, description)
        self.scope: list[str] = []
        self.in_function = 0
        self.pattern_depth = 0
        self.applied = False

    # Bookkeeping ---------------------------------------------------------------------------

    def _site(self, kind: str, node: ast.AST, description: str) -> bool:
        """Record a site; True when it is the one to apply."""
        scope = ".".join(self.scope) or "<module>"
        self.sites.append((f"{scope}: {kind}", getattr(node, "lineno", 0), description))
        hit = self.target == len(self.sites) - 1
        self.applied = self.applied or hit
        return hit

    def _scoped(self, name: str, node: ast.AST, function: bool) -> ast.AST:
        self.scope.append(name)
        self.in_function += function
        try:
            if function:
                self._body_statements(node)
            return self.generic_visit(node)
        finally:
            self.scope.pop()
            self.in_function -= function

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._scoped(node.name, node, True)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        return self._scoped(node.name, node, False)

    # Statements ----------------------------------------------------------------------------

    def _body_statements(self, node: ast.AST) -> None:
        """Statement removal, in every statement list below a function."""
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for k, stmt in enumerate(body):
                if not isinstance(stmt, ast.stmt) or isinstance(stmt, ast.Pass):
                    continue
                if k == 0 and _is_docstring(stmt):
                    continue
                if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
                    continue
                if self._site("remove statement", stmt, f"remove {_first_line(stmt)}"):
                    body[k] = ast.copy_location(ast.Pass(), stmt)
                if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
                    self._body_statements(stmt)
                    if isinstance(stmt, ast.Try):
                        for handler in stmt.handlers:
                            self._body_statements(handler)

    # Expressions in functions -----------------------------------------------------------------

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        if self.in_function:
            for j, op in enumerate(node.ops):
                new = _COMPARE.get(type(op))
                if new is not None and self._site(
                    "compare", node, f"{type(op).__name__} -> {new.__name__}"
                ):
                    node.ops[j] = new()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        if self.in_function:
            new: type[ast.boolop] = ast.Or if isinstance(node.op, ast.And) else ast.And
            if self._site("boolop", node, f"{type(node.op).__name__} -> {new.__name__}"):
                node.op = new()
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if (
            self.in_function
            and isinstance(node.op, ast.Not)
            and self._site("drop not", node, "drop 'not'")
        ):
            return node.operand
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        new = _BINOP.get(type(node.op))
        if (
            self.in_function
            and new is not None
            and self._site("binop", node, f"{type(node.op).__name__} -> {new.__name__}")
        ):
            node.op = new()
        return node

    def _negate_test(self, node: ast.If | ast.IfExp | ast.While) -> None:
        test = node.test
        simple = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        simple = simple or (isinstance(test, ast.Compare) and len(test.ops) == 1)
        if self.in_function and not simple and self._site("negate condition", node, "negate"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=test)

    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        self._negate_test(node)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        self._negate_test(node)
        return node

    def visit_While(self, node: ast.While) -> ast.AST:
        self.generic_visit(node)
        self._negate_test(node)
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if self.pattern_depth and isinstance(value, (str, bytes)):
            text = value if isinstance(value, str) else value.decode("iso-8859-1")
            for mutated, description in regex_mutations(text):
                if self._site("regex", node, description):
                    out = mutated if isinstance(value, str) else mutated.encode("iso-8859-1")
                    return ast.copy_location(ast.Constant(out), node)
            return node
        if not self.in_function:
            return node
        if isinstance(value, bool):
            if self._site("constant", node, f"{value} -> {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int):
            for new in (value + 1, value - 1):
                if new >= 0 and self._site("constant", node, f"{value} -> {new}"):
                    return ast.copy_location(ast.Constant(new), node)
        elif isinstance(value, str) and len(value) <= 8:
            new_s = "" if value else "X"
            if self._site("constant", node, f"{value!r} -> {new_s!r}"):
                return ast.copy_location(ast.Constant(new_s), node)
        return node

    # Patterns ------------------------------------------------------------------------------

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        name = names[0] if names else "?"
        if not self.in_function and self.module != "grammar":
            # Name the scope after the assignment (`_NOT_BASE64`), not a line number that moves.
            self.scope.append(name)
            try:
                return self.generic_visit(node)
            finally:
                self.scope.pop()
        if self.in_function or name in _NOT_PATTERNS:
            return self.generic_visit(node)
        self.scope.append(name)
        try:
            if name in _ALPHABETS and isinstance(node.value, ast.Constant):
                value = str(node.value.value)
                for k, c in enumerate(value):
                    if self._site("alphabet", node, f"drop {c!r}"):
                        node.value = ast.Constant(value[:k] + value[k + 1 :])
                return node
            self.pattern_depth += 1
            try:
                return self.generic_visit(node)
            finally:
                self.pattern_depth -= 1
        finally:
            self.scope.pop()

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        compiles = isinstance(func, ast.Attribute) and func.attr == "compile"
        if compiles and not self.in_function and self.module != "grammar" and node.args:
            self.pattern_depth += 1
            try:
                node.args[0] = self.visit(node.args[0])
            finally:
                self.pattern_depth -= 1
            return node
        return self.generic_visit(node)


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _first_line(stmt: ast.stmt) -> str:
    text = ast.unparse(stmt).splitlines()[0]
    return text if len(text) <= 60 else text[:57] + "..."


def _path(module: str) -> Path:
    return ROOT / "authlint" / f"{module}.py"


# The sources as they were when the run started: editing a module during a long run changes
# neither the mutants nor what the children execute.
_SOURCES = {module: _path(module).read_text(encoding="utf-8") for module in MODULES}


def mutants(module: str) -> list[Mutant]:
    tree = ast.parse(_SOURCES[module])
    walker = _Mutator(module)
    walker.visit(tree)
    out = []
    seen: dict[str, int] = {}
    for index, (kind, line, description) in enumerate(walker.sites):
        base = f"{module}:{kind}: {description}"
        seen[base] = seen.get(base, 0) + 1
        out.append(Mutant(module, index, f"{base} #{seen[base]}", line, description))
    return out


def mutated_code(mutant: Mutant) -> CodeType:
    tree = ast.parse(_SOURCES[mutant.module])
    walker = _Mutator(mutant.module, mutant.index)
    tree = walker.visit(tree)
    assert walker.applied, mutant
    ast.fix_missing_locations(tree)
    return compile(ast.unparse(tree), str(_path(mutant.module)), "exec")


# --- running -------------------------------------------------------------------------------


# Which modules read another's names at import time, so re-run after it (in this order).
_DEPENDENTS = {
    "grammar": ("grammar", "credentials", "header"),
    "credentials": ("credentials", "header"),
    "header": ("header",),
    "diagnostic": ("diagnostic",),
}


def _patch_in_place(name: str, code: CodeType) -> None:
    """Run ``code`` in module ``authlint.<name>``'s namespace, keeping the identity of every
    function and class the tests already hold (``from authlint.header import parse``): a new
    function's code goes into the old function object, a new class's methods into the old class.
    """
    module = sys.modules[f"authlint.{name}"]
    namespace = module.__dict__
    old = dict(namespace)
    exec(code, namespace)
    for key, new in list(namespace.items()):
        was = old.get(key)
        if was is None or was is new:
            continue
        if isinstance(was, FunctionType) and isinstance(new, FunctionType):
            _move_function(was, new, None)
            namespace[key] = was
        elif isinstance(was, type) and isinstance(new, type) and was.__name__ == new.__name__:
            for attr, value in vars(new).items():
                if attr in _CLASS_KEEP or type(value).__name__ == "member_descriptor":
                    continue
                _retarget(value, was)
                with contextlib.suppress(AttributeError, TypeError):
                    setattr(was, attr, value)
            namespace[key] = was


_CLASS_KEEP = {"__dict__", "__weakref__", "__slots__", "__module__", "__qualname__", "__doc__"}


def _move_function(was: FunctionType, new: FunctionType, cls: type | None) -> None:
    if was.__code__.co_freevars == new.__code__.co_freevars:
        was.__code__ = new.__code__
        was.__defaults__ = new.__defaults__
        was.__kwdefaults__ = new.__kwdefaults__


def _retarget(value: object, cls: type) -> None:
    """A method's zero-argument super() reads a __class__ cell: point it at the old class."""
    functions = [value]
    if isinstance(value, property):
        functions = [value.fget, value.fset, value.fdel]
    for func in functions:
        if isinstance(func, FunctionType) and func.__closure__:
            for cell_name, cell in zip(func.__code__.co_freevars, func.__closure__, strict=True):
                if cell_name == "__class__":
                    cell.cell_contents = cls


def _apply(mutant: Mutant | None) -> None:
    """Apply ``mutant`` in this (forked) process; None re-runs the unmutated modules the same
    way, which the baseline checks."""
    names = _DEPENDENTS[mutant.module] if mutant else MODULES
    for name in names:
        if mutant is not None and name == mutant.module:
            code = mutated_code(mutant)
        else:
            code = compile(_SOURCES[name], str(_path(name)), "exec")
        _patch_in_place(name, code)


def _child(mutant: Mutant | None, items: Sequence[Any]) -> int:
    from _pytest.runner import runtestprotocol

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        _apply(mutant)
    except Exception:
        return 3  # the mutated module does not even import: a pattern that does not compile
    for i, item in enumerate(items):
        nextitem = items[i + 1] if i + 1 < len(items) else None
        reports = runtestprotocol(item, log=False, nextitem=nextitem)
        if any(report.failed for report in reports):
            return 1
    return 0


@dataclass
class _Running:
    mutant: Mutant | None
    pid: int
    began: float


def run(
    todo: Sequence[Mutant | None], items: Sequence[Any], jobs: int, timeout: float
) -> Iterator[tuple[Mutant | None, str, float]]:
    """Yield (mutant, outcome, seconds); outcome is killed, survived, timeout or invalid."""
    pending = list(todo)
    running: list[_Running] = []
    while pending or running:
        while pending and len(running) < jobs:
            mutant = pending.pop(0)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                try:
                    rc = _child(mutant, items)
                except BaseException:
                    rc = 1
                os._exit(rc)
            running.append(_Running(mutant, pid, time.monotonic()))
        time.sleep(0.01)
        for job in list(running):
            pid, status = os.waitpid(job.pid, os.WNOHANG)
            elapsed = time.monotonic() - job.began
            if pid == 0:
                if elapsed > timeout:
                    os.kill(job.pid, signal.SIGKILL)
                    os.waitpid(job.pid, 0)
                    running.remove(job)
                    yield job.mutant, "timeout", elapsed
                continue
            running.remove(job)
            rc = os.waitstatus_to_exitcode(status)
            outcome = {0: "survived", 1: "killed", 3: "invalid"}.get(rc, "killed")
            yield job.mutant, outcome, elapsed


def load_equivalent() -> dict[str, str]:
    out = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, reason = line.partition(" | ")
                out[key.strip()] = reason.strip()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", choices=MODULES)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--limit", type=int, default=0, help="only the first N mutants each")
    parser.add_argument("--only", help="only mutants whose key contains this text")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="skip the mutants an earlier run killed (by key); run the rest",
    )
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--tests", nargs="*", default=list(TESTS))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    modules = args.module or list(MODULES)
    plan: dict[str, list[Mutant]] = {}
    for module in modules:
        todo = mutants(module)
        if args.only:
            todo = [m for m in todo if args.only in m.key]
        if args.resume:
            state = _load_state(module)
            done = set(state["killed"]) | set(state["invalid"])
            todo = [m for m in todo if m.key not in done]
        if args.limit:
            todo = todo[: args.limit]
        plan[module] = todo
    if args.list:
        for todo in plan.values():
            for m in todo:
                print(f"{m.line:4d} {m.key}")
        return 0

    import pytest

    # Collect the tests once, in this process; each mutant runs them in a forked child.
    os.environ["AUTHLINT_HYPOTHESIS_PROFILE"] = "mutants"
    plugin = _Plugin(plan, args.jobs, args.timeout, args.resume)
    pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=", *args.tests],
                plugins=[plugin])  # fmt: skip
    return plugin.status


def _state_path(module: str) -> Path:
    return WORK / f"mutants-{module}.json"


def _load_state(module: str) -> dict[str, Any]:
    """The keys earlier runs killed, or found invalid, for ``module``."""
    path = _state_path(module)
    if not path.exists():
        return {"killed": [], "invalid": []}
    state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return state


class _Plugin:
    def __init__(
        self, plan: dict[str, list[Mutant]], jobs: int, timeout: float, resume: bool
    ) -> None:
        self.plan, self.jobs, self.timeout = plan, jobs, timeout
        # Resuming: a mutant an earlier run killed (same key: scope, operator, change,
        # ordinal) stays killed, as tests only ever grow; every other mutant runs again.
        self.resume = resume
        self.status = 2

    def pytest_runtestloop(self, session: Any) -> bool:
        items = list(session.items)
        [(_, baseline, seconds)] = list(run([None], items, 1, self.timeout * 4))
        print(f"\nbaseline ({len(items)} tests): {baseline} in {seconds:.1f} s", flush=True)
        if baseline != "survived":
            print("the header tests fail without any mutation", file=sys.stderr)
            return True
        equivalent = load_equivalent()
        WORK.mkdir(parents=True, exist_ok=True)
        rows = []
        for module, todo in self.plan.items():
            counts = dict.fromkeys(("killed", "timeout", "survived", "invalid", "equivalent"), 0)
            survivors = []
            began = time.monotonic()
            every = {m.key for m in mutants(module)}
            total = len(every)
            state = _load_state(module) if self.resume else {"killed": [], "invalid": []}
            killed_keys = set(state["killed"]) & every
            invalid_keys = set(state["invalid"]) & every
            for n, (mutant, result, _seconds) in enumerate(
                run(todo, items, self.jobs, self.timeout), 1
            ):
                assert mutant is not None
                outcome = result
                if result == "survived" and mutant.key in equivalent:
                    outcome = "equivalent"
                counts[outcome] += 1
                if outcome == "survived":
                    survivors.append(mutant)
                elif outcome in ("killed", "timeout"):
                    killed_keys.add(mutant.key)
                elif outcome == "invalid":
                    invalid_keys.add(mutant.key)
                if n % 50 == 0:
                    print(f"  {module}: {n}/{len(todo)}", flush=True)
            if not self.resume and len(todo) < total:
                # A partial run (--only, --limit): report it, keep no state.
                total = len(todo)
            else:
                _state_path(module).write_text(
                    json.dumps(
                        {"killed": sorted(killed_keys), "invalid": sorted(invalid_keys)},
                        indent=1,
                    ),
                    "utf-8",
                )
                counts["killed"] = len(killed_keys) - counts["timeout"]
                counts["invalid"] = len(invalid_keys)
            scored = total - counts["invalid"] - counts["equivalent"]
            killed = counts["killed"] + counts["timeout"]
            score = killed / scored if scored else 1.0
            rows.append((module, total, counts, score))
            report = WORK / f"mutants-{module}.txt"
            report.write_text("".join(f"{m.line:4d} {m.key}\n" for m in survivors), "utf-8")
            print(
                f"{module}: {total} mutants, {killed} killed ({counts['timeout']} by "
                f"timeout), {counts['survived']} survived, {counts['equivalent']} equivalent, "
                f"{counts['invalid']} invalid; score {score:.1%} "
                f"({time.monotonic() - began:.0f} s; survivors in {report.relative_to(ROOT)})",
                flush=True,
            )
        print("\n| module | mutants | invalid | equivalent | killed | survived | score |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for module, total, c, score in rows:
            print(
                f"| {module}.py | {total} | {c['invalid']} | {c['equivalent']} | "
                f"{c['killed'] + c['timeout']} | {c['survived']} | {score:.1%} |"
            )
        self.status = 0
        return True


if __name__ == "__main__":
    raise SystemExit(main())

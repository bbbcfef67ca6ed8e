"""The one table of file kinds: how a file is recognised and how it is read.

A kind is recognised by its file name, its suffix, its shebang, or (inside Markdown) its fence
name. It is read by its line extractor (``extractor``), and, for code languages with a
tree-sitter grammar, also parsed into a syntax tree (``grammar``) that the construction
evaluator lowers with ``lowering``. Kinds without a grammar keep their comment syntax here
(``comment_leads``), for the line readers that still need to know what a comment line is.

Adding a language: add its Kind (and its suffixes / names / shebangs / fence names) here, its
grammar wheel to pyproject, and a lowering module under authlint/construct/lang/ (see
docs/construct.md). Nothing else in the scanner names kinds.

This module imports nothing heavy: kind_of() runs for every file that passes the prefilter.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Final

from authlint.record import Record


class Kind(Record):
    __slots__ = (
        "comment_leads",
        "docs",
        "embeds",
        "extractor",
        "fences",
        "grammar",
        "lowering",
        "name",
    )
    _fields = (
        "name",
        "extractor",
        "comment_leads",
        "docs",
        "grammar",
        "lowering",
        "embeds",
        "fences",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        extractor: str,
        comment_leads: tuple[str, ...] = (),
        docs: bool = False,
        grammar: str | None = None,
        lowering: str | None = None,
        embeds: tuple[str, str] | None = None,
        fences: str | None = None,
    ) -> None:
        self.name: Final = name
        # "module:function" of the line extractor: text -> Candidates (imported on first use).
        self.extractor: Final = extractor
        # Line-comment openers: a value on a line that starts with one is prose. Kinds with a
        # grammar get comments from the tree; theirs serve only when the tree is not available.
        self.comment_leads: Final = comment_leads
        # Documentation: a placeholder there is expected, not a finding.
        self.docs: Final = docs
        # "module:function" returning the tree-sitter language capsule (a grammar wheel), or
        # None.
        self.grammar: Final = grammar
        # The module that lowers this grammar's tree into the construction IR
        # (authlint.construct).
        self.lowering: Final = lowering
        # Code of another kind embedded in this one: (that kind, "module:function" giving its
        # regions as character ranges of the text). A workflow's `run:` steps are shell
        # scripts: the embedded kind's readers, grammar and lowering read them where they stand.
        self.embeds: Final = embeds
        # Code blocks of several languages (Markdown's fences): "module:function" giving, per
        # kind, the regions of its blocks. Each language's blocks are read as one program of
        # it by the construction analysis (checks.FileContext.fenced).
        self.fences: Final = fences


_HASH: Final = ("#",)
_C_LIKE: Final = ("//", "/*", "*")
_JS_LOWERING: Final = "authlint.construct.lang.javascript"

KINDS: Final[dict[str, Kind]] = {
    kind.name: kind
    for kind in (
        Kind(
            "python",
            "authlint.extract.python:extract",
            _HASH,
            grammar="tree_sitter_python:language",
            lowering="authlint.construct.lang.python",
        ),
        Kind(
            "javascript",
            "authlint.extract.javascript:extract",
            _C_LIKE,
            grammar="tree_sitter_javascript:language",
            lowering=_JS_LOWERING,
        ),
        Kind(
            "typescript",
            "authlint.extract.javascript:extract",
            _C_LIKE,
            grammar="tree_sitter_typescript:language_typescript",
            lowering=_JS_LOWERING,
        ),
        Kind(
            "tsx",
            "authlint.extract.javascript:extract",
            _C_LIKE,
            grammar="tree_sitter_typescript:language_tsx",
            lowering=_JS_LOWERING,
        ),
        # Vue and Svelte files hold script inside markup: the line reader serves them better.
        Kind("javascript-embedded", "authlint.extract.javascript:extract", _C_LIKE),
        Kind(
            "go",
            "authlint.extract.go:extract",
            _C_LIKE,
            grammar="tree_sitter_go:language",
            lowering="authlint.construct.lang.go",
        ),
        Kind(
            "java",
            "authlint.extract.java:extract",
            _C_LIKE,
            grammar="tree_sitter_java:language",
            lowering="authlint.construct.lang.java",
        ),
        # Kotlin and C# read as Java by the line reader (C-style literals), each with its grammar.
        Kind(
            "kotlin",
            "authlint.extract.java:extract",
            _C_LIKE,
            grammar="tree_sitter_kotlin:language",
            lowering="authlint.construct.lang.kotlin",
        ),
        Kind(
            "csharp",
            "authlint.extract.java:extract",
            _C_LIKE,
            grammar="tree_sitter_c_sharp:language",
            lowering="authlint.construct.lang.csharp",
        ),
        # Scala, Groovy, Swift, Rust, C, C++, Dart: C-style literals, no tree yet.
        Kind("c-like", "authlint.extract.java:extract", _C_LIKE),
        Kind(
            "php",
            "authlint.extract.php:extract",
            ("#", "//", "/*", "*"),
            grammar="tree_sitter_php:language_php",
            lowering="authlint.construct.lang.php",
        ),
        Kind(
            "ruby",
            "authlint.extract.ruby:extract",
            _HASH,
            grammar="tree_sitter_ruby:language",
            lowering="authlint.construct.lang.ruby",
        ),
        Kind(
            "shell",
            "authlint.extract.shell:extract",
            _HASH,
            grammar="tree_sitter_bash:language",
            lowering="authlint.construct.lang.shell",
        ),
        # make expands `$(X)` before the shell runs a recipe: read line by line, never as bash.
        Kind("makefile", "authlint.extract.shell:extract", _HASH),
        Kind(
            "yaml",
            "authlint.extract.config:extract_yaml",
            _HASH,
            embeds=("shell", "authlint.syntax.embedded:ci_scripts"),
        ),
        Kind("json", "authlint.extract.config:extract_json"),
        Kind("toml", "authlint.extract.config:extract_toml", _HASH),
        Kind("ini", "authlint.extract.config:extract_ini", ("#", ";")),
        Kind("dotenv", "authlint.extract.config:extract_dotenv", _HASH),
        Kind("dockerfile", "authlint.extract.dockerfile:extract", _HASH),
        Kind("http", "authlint.extract.http:extract"),
        Kind("nginx", "authlint.extract.nginx:extract", _HASH),
        Kind(
            "markdown",
            "authlint.extract.markdown:extract",
            docs=True,
            fences="authlint.extract.markdown:code_blocks",
        ),
        Kind(
            "terraform",
            "authlint.extract.terraform:extract",
            ("#", "//", "/*", "*"),
            grammar="tree_sitter_hcl:language",
            lowering="authlint.construct.lang.hcl",
        ),
        Kind("text", "authlint.extract.text:extract", docs=True),
    )
}

# Kinds read as one language by the line readers: TypeScript is JavaScript to them.
DOC_KINDS: Final = frozenset(kind.name for kind in KINDS.values() if kind.docs)

BY_SUFFIX: Final[dict[str, str]] = {
    ".py": "python",
    ".pyi": "python",
    ".ipynb": "json",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".vue": "javascript-embedded",
    ".svelte": "javascript-embedded",
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".scala": "c-like",
    ".groovy": "c-like",
    ".gradle": "c-like",
    ".cs": "csharp",
    ".swift": "c-like",
    ".rs": "c-like",
    ".c": "c-like",
    ".cc": "c-like",
    ".cpp": "c-like",
    ".h": "c-like",
    ".hpp": "c-like",
    ".dart": "c-like",
    ".php": "php",
    ".rb": "ruby",
    ".rake": "ruby",
    ".gemspec": "ruby",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".ksh": "shell",
    ".fish": "shell",
    ".command": "shell",
    ".mk": "makefile",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".jsonc": "json",
    ".json5": "json",
    ".toml": "toml",
    ".ini": "ini",
    ".cfg": "ini",
    ".conf": "ini",
    ".properties": "ini",
    ".env": "dotenv",
    ".dockerfile": "dockerfile",
    ".http": "http",
    ".rest": "http",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".rst": "text",
    ".txt": "text",
    ".adoc": "text",
    ".tf": "terraform",
    ".tfvars": "terraform",
    ".hcl": "terraform",
}

BY_NAME: Final[dict[str, str]] = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "gemfile": "ruby",
    "rakefile": "ruby",
    "vagrantfile": "ruby",
    "makefile": "makefile",
    "gnumakefile": "makefile",
    "jenkinsfile": "c-like",
    "nginx.conf": "nginx",
    "procfile": "shell",
    ".bashrc": "shell",
    ".zshrc": "shell",
    ".profile": "shell",
    ".bash_profile": "shell",
    ".npmrc": "ini",
    ".pypirc": "ini",
    ".netrc": "text",
    ".gitconfig": "ini",
    ".editorconfig": "ini",
}

# The interpreter named by a `#!` line (version digits stripped: python3.12 -> python).
BY_SHEBANG: Final[dict[str, str]] = {
    "python": "python",
    "node": "javascript",
    "deno": "typescript",
    "bun": "typescript",
    "ruby": "ruby",
    "php": "php",
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "ksh": "shell",
    "dash": "shell",
    "fish": "shell",
}

# The first word of a Markdown fence's info string (```bash, ```{.python}), lower-cased.
BY_FENCE: Final[dict[str, str]] = {
    **dict.fromkeys(("bash", "sh", "shell", "console", "zsh", "curl", "shell-session"), "shell"),
    **dict.fromkeys(("python", "py", "python3", "pycon"), "python"),
    **dict.fromkeys(("js", "javascript", "node", "jsx", "mjs"), "javascript"),
    **dict.fromkeys(("ts", "typescript"), "typescript"),
    "tsx": "tsx",
    **dict.fromkeys(("go", "golang"), "go"),
    "java": "java",
    **dict.fromkeys(("kotlin", "kt", "kts"), "kotlin"),
    **dict.fromkeys(("csharp", "cs", "c#"), "csharp"),
    **dict.fromkeys(("swift", "scala"), "c-like"),
    "php": "php",
    **dict.fromkeys(("ruby", "rb"), "ruby"),
    **dict.fromkeys(("yaml", "yml"), "yaml"),
    **dict.fromkeys(("json", "jsonc", "json5"), "json"),
    "toml": "toml",
    **dict.fromkeys(("ini", "cfg", "properties"), "ini"),
    **dict.fromkeys(("env", "dotenv"), "dotenv"),
    **dict.fromkeys(("dockerfile", "docker"), "dockerfile"),
    **dict.fromkeys(("http", "rest"), "http"),
    **dict.fromkeys(("hcl", "terraform", "tf"), "terraform"),
}

# Fence kinds that show a message, not a program: nothing but the reader fills in a `$NAME`
# there, as in a sentence (API docs' ```http request with `Authorization: Bearer $TOKEN`); in a
# file of the kind (a REST-client `.http` file) it is sent as written.
READER_FILLS: Final = frozenset({"http"})

# Kinds that share one line reader and one set of checks' expectations: TypeScript and the
# embedded-script files read as JavaScript wherever a check asks "is this JavaScript?".
FAMILY: Final[dict[str, str]] = {
    "typescript": "javascript",
    "tsx": "javascript",
    "javascript-embedded": "javascript",
    "makefile": "shell",
}


def family(kind: str) -> str:
    """The language family of a kind: "javascript" for TypeScript too."""
    return FAMILY.get(kind, kind)


def kind_by_name(name: str) -> str | None:
    """The file kind its name alone says (a known file name or suffix), else None: a file so
    named is text, whatever bytes it holds."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base in BY_NAME:
        return BY_NAME[base]
    if base == ".env" or base.startswith(".env.") or base.endswith(".env"):
        return "dotenv"
    if base.startswith(("dockerfile.", "containerfile.")):
        return "dockerfile"
    if base.endswith(".conf.template"):
        return "ini"  # the official nginx image's envsubst templates (see kind_of)
    dot = base.rfind(".")
    if dot > 0 or (dot == 0 and base.count(".") > 1):
        return BY_SUFFIX.get(base[dot:])
    return None


# A `.conf` file is nginx's (not an INI file) when its start holds a block or a directive of
# nginx: `server {`, `location /api/ {`, `worker_processes auto;` (an INI line has `=` or `:`).
_NGINX_HEAD: Final = (
    r"(?m)^[ \t]*(?:(?:server|http|events|upstream|location|map|stream|geo)\b[^\n;={}]*\{"
    r"|(?:worker_processes|worker_connections|user|error_log|pid|include|listen|server_name"
    r"|proxy_pass|proxy_set_header|root|resolver)[ \t]+[^\n=:]*;)"
)


def kind_of(name: str, head: str = "") -> str:
    """The file kind from its name, then its start (a shebang; nginx directives in a `.conf`
    file); "text" when unknown."""
    kind = kind_by_name(name)
    if kind == "ini" and name.lower().endswith((".conf", ".conf.template")):
        import re

        if re.search(_NGINX_HEAD, head):
            return "nginx"
    if kind is not None:
        return kind
    if head.startswith("#!"):
        words = head[2:].split("\n", 1)[0].replace("/", " ").split()
        if words and words[0] == "env" and len(words) > 1:
            words = words[1:]
        for word in reversed(words):
            interpreter = word.rstrip("0123456789.")
            if interpreter in BY_SHEBANG:
                return BY_SHEBANG[interpreter]
    return "text"


def comment_leads(kind: str) -> tuple[str, ...]:
    found = KINDS.get(kind)
    return found.comment_leads if found is not None else ()


def has_grammar(kind: str) -> bool:
    found = KINDS.get(kind)
    return found is not None and found.grammar is not None


# -- template engines ------------------------------------------------------------------------
# A file a template engine renders before anything reads it: its `{{ ... }}` is the engine's
# notation, and what it renders may be a script run later. Helm: every file under a chart's
# `templates/` (a directory whose parent holds Chart.yaml) is a Go text/template
# (helm.sh/docs/chart_template_guide). Its scripts (a ConfigMap's data, a container's
# `args: [-c, |]`) are expanded by the shell that runs them, not by YAML or Kubernetes.
TEMPLATE_MARKERS: Final[dict[str, tuple[str, str]]] = {
    # engine: (directory the templates live in, file its parent directory holds)
    "helm": ("templates", "Chart.yaml"),
}


@lru_cache(maxsize=256)
def _holds(directory: str, name: str) -> bool:
    return os.path.isfile(os.path.join(directory, name))


def template_engine(path: str) -> str | None:
    """The engine that renders the file at ``path`` ("helm"), or None."""
    parts = path.replace("\\", "/").split("/")
    for engine, (folder, marker) in TEMPLATE_MARKERS.items():
        # The file may sit in a subdirectory of templates/ (templates/tests/...).
        for index in range(len(parts) - 2, -1, -1):
            if parts[index] == folder:
                root = "/".join(parts[:index]) or "."
                if _holds(root, marker):
                    return engine
                break
    return None


def fenced_regions(kind: str, text: str) -> dict[str, list[tuple[int, int]]]:
    """Per kind with a lowering, the regions of the code blocks of that kind in a file of
    ``kind`` (Kind.fences); empty for a kind without fences."""
    found = KINDS.get(kind)
    if found is None or found.fences is None:
        return {}
    import importlib

    module, _, function = found.fences.partition(":")
    blocks: dict[str, list[tuple[int, int]]] = getattr(importlib.import_module(module), function)(
        text
    )
    return {k: v for k, v in blocks.items() if k in KINDS and KINDS[k].lowering is not None}


def embedded_regions(kind: str, text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The kind embedded in a file of ``kind`` and its regions in ``text``; None without any."""
    found = KINDS.get(kind)
    if found is None or found.embeds is None:
        return None
    import importlib

    inner, spec = found.embeds
    module, _, function = spec.partition(":")
    regions: list[tuple[int, int]] = getattr(importlib.import_module(module), function)(text)
    return (inner, regions) if regions else None

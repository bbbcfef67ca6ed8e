"""Generate a deterministic synthetic source tree for benchmarks.

Mostly ordinary code and config (Python, JavaScript, YAML, JSON, shell, Markdown), with fake
Razorpay keys, Basic/Bearer tokens and malformed headers planted at a low rate. The same seed
gives byte-identical output. All keys are random and fake.

    python bench/make_tree.py                       # bench/_work/tree, ~20,000 files, ~40 MB
    python bench/make_tree.py /tmp/tree --files 2000 --seed 7
    python bench/make_tree.py --real bench/_work/real   # real code: this Python's stdlib and packages

`--real` needs no network: it copies the source and text files (no byte code, no shared
objects, nothing over 1 MB) of the running interpreter's standard library and of every
installed package into one git repository. The tree depends on what is installed; the bench
prints its file count and size next to the timings.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import string
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "_work" / "tree"
ALNUM = string.ascii_letters + string.digits
# kind -> (suffix, share of files)
KINDS: dict[str, tuple[str, float]] = {
    "python": (".py", 0.32),
    "javascript": (".js", 0.25),
    "yaml": (".yaml", 0.10),
    "json": (".json", 0.10),
    "shell": (".sh", 0.06),
    "markdown": (".md", 0.17),
}
_WORD_TEXT = """
account amount balance batch cache charge client config customer data event export fetch
handler invoice item ledger limit merchant order page payload payment payout plan record
refund report request response result retry row schedule service session settlement
status subscription summary sync task total transfer user value webhook window worker
"""
WORDS = _WORD_TEXT.split()


class Gen:
    """One seeded generator: the tree depends only on the seed and the options."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def word(self) -> str:
        return self.rng.choice(WORDS)

    def ident(self) -> str:
        return f"{self.word()}_{self.word()}"

    def camel(self) -> str:
        return self.word() + self.word().capitalize()

    def alnum(self, n: int) -> str:
        while True:
            s = "".join(self.rng.choice(ALNUM) for _ in range(n))
            if any(c.isdigit() for c in s) and any(c.isupper() for c in s):
                return s

    def hexstr(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def sentence(self) -> str:
        words = [self.word() for _ in range(self.rng.randint(6, 16))]
        return " ".join(words).capitalize() + "."


# --- ordinary content, one "block" at a time; files are blocks until their target size --------


def py_block(g: Gen) -> str:
    name, arg = g.ident(), g.word()
    return (
        f"def {name}({arg}: dict[str, object], limit: int = {g.rng.randint(1, 500)}) -> list[str]:\n"
        f'    """{g.sentence()}"""\n'
        f"    out: list[str] = []\n"
        f"    for key, value in sorted({arg}.items()):\n"
        f"        if len(out) >= limit:\n"
        f"            break\n"
        f'        out.append(f"{{key}}={{value!r}}")  # {g.sentence()}\n'
        f"    return out\n\n\n"
    )


def js_block(g: Gen) -> str:
    name = g.camel()
    return (
        f"export async function {name}(client, opts = {{}}) {{\n"
        f"  // {g.sentence()}\n"
        f"  const res = await client.get('/v1/{g.word()}s', {{ params: {{ count: "
        f"{g.rng.randint(1, 100)}, ...opts }} }});\n"
        f"  return res.data.items.map((item) => ({{ id: item.id, {g.word()}: item.{g.word()} }}));\n"
        f"}}\n\n"
    )


def yaml_block(g: Gen) -> str:
    return (
        f"{g.ident()}:\n"
        f"  enabled: {g.rng.choice(['true', 'false'])}\n"
        f"  retries: {g.rng.randint(0, 9)}\n"
        f'  description: "{g.sentence()}"\n'
        f"  tags: [{g.word()}, {g.word()}, {g.word()}]\n"
    )


def json_item(g: Gen) -> dict[str, object]:
    return {
        "id": f"{g.word()}_{g.alnum(14)}",
        "amount": g.rng.randint(100, 10**6),
        "currency": "INR",
        "status": g.rng.choice(["created", "captured", "failed", "refunded"]),
        "notes": {g.word(): g.sentence()},
        "checksum": g.hexstr(40),
    }


def sh_block(g: Gen) -> str:
    return (
        f"# {g.sentence()}\n"
        f"{g.ident()}() {{\n"
        f'  local dir="${{1:-/var/lib/{g.word()}}}"\n'
        f'  find "$dir" -name "*.{g.word()}" -mtime +{g.rng.randint(1, 30)} -print0 | xargs -0r rm -f\n'
        f'  echo "done: $dir"\n'
        f"}}\n\n"
    )


def md_block(g: Gen) -> str:
    text = " ".join(g.sentence() for _ in range(g.rng.randint(2, 6)))
    return f"## {g.word().capitalize()} {g.word()}\n\n{text}\n\n```python\n{py_block(g)}```\n\n"


BLOCKS: dict[str, Callable[[Gen], str]] = {
    "python": py_block,
    "javascript": js_block,
    "yaml": yaml_block,
    "shell": sh_block,
    "markdown": md_block,
}

# --- planted problems, one line each ----------------------------------------------------------


def _key(g: Gen, mode: str) -> str:
    return f"rzp_{mode}_{g.alnum(14)}"


def _basic(g: Gen) -> str:
    return base64.b64encode(f"{_key(g, 'test')}:{g.alnum(24)}".encode()).decode()


def plant_secret(g: Gen, kind: str) -> tuple[str, str]:
    """(line, what) for one planted hard-coded secret in a file of ``kind``."""
    choice = g.rng.randrange(5)
    key, secret = _key(g, g.rng.choice(["live", "test"])), g.alnum(24)
    if kind == "shell" or (kind == "markdown" and choice < 2):
        return f"curl -u {key}:{secret} https://api.razorpay.com/v1/orders\n", "curl-user"
    if kind in ("yaml", "json"):
        return f"razorpay_key_id: {key}\nrazorpay_key_secret: {secret}\n", "key-id+secret"
    if choice == 0:
        return f'client = razorpay.Client(auth=("{key}", "{secret}"))\n', "client-credentials"
    if choice == 1:
        return f'headers = {{"Authorization": "Basic {_basic(g)}"}}\n', "basic-credentials"
    if choice == 2:
        return f'RAZORPAY_KEY_ID = "{key}"\nRAZORPAY_KEY_SECRET = "{secret}"\n', "key-id+secret"
    if choice == 3:
        return f'const url = "https://{key}:{secret}@api.razorpay.com/v1/orders";\n', "url"
    return f'AUTH = "Bearer {g.alnum(40)}"\n', "bearer"


def plant_malformed(g: Gen, kind: str) -> tuple[str, str]:
    shapes = [
        ("basic ", "scheme-case"),
        ("BASIC ", "scheme-case"),
        ("Basic  ", "whitespace"),
        ("Basic <base64token>", "placeholder"),
        ("Basic $API_TOKEN", "unexpanded"),
    ]
    value, what = g.rng.choice(shapes)
    if kind == "shell":
        return f"curl -H 'Authorization: {value}' https://api.example.test/\n", what
    if kind in ("yaml", "markdown"):
        return f'authorization: "{value}"\n', what
    return f'headers = {{"Authorization": "{value}" + token}}\n', what


def make_file(g: Gen, kind: str, target: int, planted: Counter[str], rate: float) -> str:
    extra: list[str] = []
    if g.rng.random() < rate:
        line, what = plant_secret(g, kind)
        extra.append(line)
        planted[f"secret:{what}"] += 1
    if g.rng.random() < rate:
        line, what = plant_malformed(g, kind)
        extra.append(line)
        planted[f"malformed:{what}"] += 1
    if kind == "json":
        items: list[object] = []
        size = 0
        while size < target:
            item = json_item(g)
            items.append(item)
            size += len(json.dumps(item)) + 8
        text = json.dumps({"items": items}, indent=2) + "\n"
        # JSON planted lines go in as string values so the file stays valid JSON.
        if extra:
            doc = json.loads(text)
            doc["fixtures"] = [line.rstrip("\n") for line in extra]
            text = json.dumps(doc, indent=2) + "\n"
        return text
    block = BLOCKS[kind]
    parts: list[str] = []
    if kind == "shell":
        parts.append("#!/usr/bin/env bash\nset -euo pipefail\n\n")
    elif kind == "python":
        parts.append("from __future__ import annotations\n\n\n")
    size = sum(map(len, parts))
    while size < target:
        part = block(g)
        parts.append(part)
        size += len(part)
    for line in extra:
        parts.insert(g.rng.randint(1, len(parts)), line)
    return "".join(parts)


def generate(out: Path, files: int, mean_size: int, seed: int, rate: float) -> Counter[str]:
    g = Gen(seed)
    if out.exists():
        shutil.rmtree(out)
    kinds = list(KINDS)
    weights = [KINDS[k][1] for k in kinds]
    planted: Counter[str] = Counter()
    for i in range(files):
        kind = g.rng.choices(kinds, weights)[0]
        # Log-normal sizes: many small files, a few large ones, mean about mean_size.
        target = int(min(g.rng.lognormvariate(0, 0.8) * mean_size * 0.73, mean_size * 20))
        directory = out / f"pkg{i // 500:03d}" / f"mod{(i // 50) % 10:02d}"
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{g.word()}_{i:05d}{KINDS[kind][0]}"
        path.write_text(make_file(g, kind, target, planted, rate), encoding="utf-8")
        planted[f"files:{kind}"] += 1
    return planted


def commit(out: Path) -> None:
    """Make the tree a one-commit git repository, as a real checkout is (and so that a tree
    under the gitignored bench/_work/ is not hidden from git-aware scanners)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for argv in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "synthetic tree"],
    ):
        subprocess.run(argv, cwd=out, env=env, check=True)


_SKIP_SUFFIXES = (".pyc", ".pyo", ".so", ".dylib", ".dll", ".a", ".o", ".whl", ".exe")


def copy_real(out: Path) -> int:
    """Copy this interpreter's standard library and installed packages (source and text files
    only) to out; the number of files."""
    import sysconfig

    if out.exists():
        shutil.rmtree(out)
    paths = sysconfig.get_paths()
    roots = [Path(paths["stdlib"]), Path(paths["purelib"])]
    count = 0
    for i, root in enumerate(dict.fromkeys(roots)):
        for directory, dirs, files in os.walk(root):
            dirs[:] = sorted(
                d
                for d in dirs
                if d not in ("__pycache__", "site-packages") or (i > 0 and d != "__pycache__")
            )
            for name in sorted(files):
                src = Path(directory, name)
                if name.endswith(_SKIP_SUFFIXES) or src.is_symlink():
                    continue
                try:
                    if src.stat().st_size > 1_000_000 or b"\0" in src.read_bytes()[:4096]:
                        continue
                except OSError:
                    continue
                dest = out / f"root{i}" / src.relative_to(root)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--mean-size", type=int, default=1_800, help="bytes per file, on average")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=0.01, help="chance a file gets a plant")
    parser.add_argument("--no-git", action="store_true", help="leave it a plain directory")
    parser.add_argument(
        "--real", action="store_true", help="copy this Python's stdlib and packages instead"
    )
    args = parser.parse_args(argv)
    if args.real:
        count = copy_real(args.out)
        if not args.no_git:
            commit(args.out)
        total = sum(
            p.stat().st_size for p in args.out.rglob("*") if p.is_file() and ".git" not in p.parts
        )
        print(f"{args.out}: {count} real files, {total / 1e6:.1f} MB")
        return 0
    planted = generate(args.out, args.files, args.mean_size, args.seed, args.rate)
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    if not args.no_git:
        commit(args.out)
    print(f"{args.out}: {args.files} files, {total / 1e6:.1f} MB")
    for key, count in sorted(planted.items()):
        print(f"  {key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

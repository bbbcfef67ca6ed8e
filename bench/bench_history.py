"""Time ``authlint history`` against ``gitleaks git`` on the same repository history.

Usage: python bench/bench_history.py [--commits 10000] [--runs 3] [--repo PATH]

Without --repo it generates a deterministic repository with ``git fast-import``: N commits over
a few hundred Python, JS, YAML, shell and Markdown files, each commit editing one to three files,
with a handful of fake Razorpay keys planted and deleted again in the next commit. Runs alternate
(authlint, gitleaks, authlint, ...) so that both see the same machine state; it prints the median
wall time, peak memory (max RSS) and the findings of each, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALNUM = string.ascii_letters + string.digits
KINDS = (".py", ".js", ".yaml", ".sh", ".md")
PLANTED = 6


def _line(rng: random.Random, kind: str, n: int) -> str:
    word = rng.choice(("user", "order", "payment", "refund", "invoice", "auth", "config", "url"))
    if kind == ".py":
        return rng.choice(
            (
                f"def handle_{word}_{n}(request):",
                f"    return {word}_service.get(request.args['{word}_id'])",
                f"{word.upper()}_TIMEOUT_{n} = {rng.randint(1, 99)}",
                f"# TODO: check the {word} flow ({n})",
                f"    headers = {{'Authorization': 'Bearer ' + os.environ['{word.upper()}_TOKEN']}}",
            )
        )
    if kind == ".js":
        return rng.choice(
            (
                f"export function {word}{n}(req) {{ return api.get(`/{word}/${{req.id}}`); }}",
                f"const {word}Limit{n} = {rng.randint(1, 500)};",
                f"// {word} handler {n}",
                f"  auth: {{ username: process.env.{word.upper()}_ID, password: process.env.S }},",
            )
        )
    if kind == ".yaml":
        return rng.choice(
            (
                f"{word}_{n}: {rng.randint(0, 9999)}",
                f"  url: https://api.example.com/{word}/{n}",
                f"  secret_ref: ${{{{ secrets.{word.upper()}_SECRET }}}}",
            )
        )
    if kind == ".sh":
        return rng.choice(
            (
                f'echo "{word} step {n}"',
                f'curl -s -u "$KEY_ID:$KEY_SECRET" https://api.razorpay.com/v1/{word}s',
                f"export {word.upper()}_RETRIES={rng.randint(1, 9)}",
            )
        )
    return rng.choice(
        (
            f"The {word} endpoint returns {n} items per page.",
            f"- `{word}_{n}`: see the API reference",
            "```sh\ncurl -u [YOUR_KEY_ID]:[YOUR_KEY_SECRET] https://api.razorpay.com/v1/orders\n```",
        )
    )


def generate(repo: Path, commits: int, seed: int = 7) -> int:
    """Write the repository with git fast-import; return the number of planted keys."""
    rng = random.Random(seed)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    files: dict[str, list[str]] = {}
    for i in range(300):
        kind = KINDS[i % len(KINDS)]
        name = f"src/mod{i // 30}/file{i}{kind}"
        files[name] = [_line(rng, kind, j) for j in range(rng.randint(10, 60))]
    names = sorted(files)
    plant_at = {commits * (k + 1) // (PLANTED + 1): k for k in range(PLANTED)}
    planted: dict[str, int] = {}  # file -> index of the planted line, removed one commit later
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    out = proc.stdin

    def data(text: str) -> bytes:
        raw = text.encode()
        return b"data %d\n" % len(raw) + raw + b"\n"

    start = 1_600_000_000
    for n in range(commits):
        touched: set[str] = set()
        if n == 0:
            touched.update(names)
        for name, index in list(planted.items()):
            del files[name][index]
            touched.add(name)
            del planted[name]
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(names)
            body = files[name]
            kind = name[name.rindex(".") :]
            if body and rng.random() < 0.5:
                body[rng.randrange(len(body))] = _line(rng, kind, n)
            body.insert(rng.randint(0, len(body)), _line(rng, kind, n))
            touched.add(name)
        if n in plant_at:
            name = names[(plant_at[n] * 7) % len(names)]
            mode = "live" if plant_at[n] % 2 == 0 else "test"
            key = f"rzp_{mode}_" + "".join(rng.choice(ALNUM) for _ in range(14))
            secret = "".join(rng.choice(ALNUM) for _ in range(24))
            index = len(files[name]) // 2
            files[name].insert(index, f'razorpay_key = "{key}"  key_secret = "{secret}"')
            planted[name] = index
            touched.add(name)
        stamp = start + n * 60
        out.write(b"commit refs/heads/main\n")
        out.write(b"author Bench <bench@example.invalid> %d +0000\n" % stamp)
        out.write(b"committer Bench <bench@example.invalid> %d +0000\n" % stamp)
        out.write(data(f"change {n}"))
        for name in sorted(touched):
            out.write(b"M 100644 inline " + name.encode() + b"\n")
            out.write(data("\n".join(files[name]) + "\n"))
    out.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    return PLANTED


def timed(argv: list[str], cwd: Path, stdout_path: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code) of one run. CPU time (user + sys,
    the tool's own git processes included) is the fairer number on a busy machine."""
    with stdout_path.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def authlint_argv() -> list[str]:
    probe = subprocess.run(
        [sys.executable, "-m", "authlint", "history", "--help"], capture_output=True, check=False
    )
    if probe.returncode == 0:
        return [sys.executable, "-m", "authlint", "history", "--output-format", "json"]
    # The full CLI imports every command; while one is missing, run this command alone.
    return [sys.executable, "-m", "authlint.commands.history", "--output-format", "json"]


def count_json(path: Path) -> int:
    import json

    try:
        return len(json.loads(path.read_text() or "[]"))
    except ValueError:
        return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repo", type=Path, help="an existing repository instead")
    args = parser.parse_args()
    gitleaks = shutil.which("gitleaks") or str(Path(sys.executable).parent / "gitleaks")
    with tempfile.TemporaryDirectory(prefix="authlint-bench-") as tmp:
        work = Path(tmp)
        repo = args.repo
        if repo is None:
            repo = work / "repo"
            started = time.perf_counter()
            planted = generate(repo, args.commits)
            print(
                f"generated {args.commits} commits, {planted} planted keys "
                f"in {time.perf_counter() - started:.1f}s"
            )
        log_bytes = len(
            subprocess.run(
                ["git", "log", "-p", "-U0", "--all"], cwd=repo, capture_output=True, check=True
            ).stdout
        )
        count = subprocess.run(
            ["git", "rev-list", "--count", "--all"], cwd=repo, capture_output=True, check=True
        ).stdout.decode()
        print(
            f"repository: {repo}, {count.strip()} commits, git log -p -U0: {log_bytes / 1e6:.1f} MB"
        )
        tools = {
            "authlint": authlint_argv(),
            "gitleaks": [
                gitleaks, "git", "--no-banner", "--log-level", "error", "--exit-code", "0",
                "--report-format", "json", "--report-path", str(work / "gitleaks.json"), str(repo),
            ],
        }  # fmt: skip
        walls: dict[str, list[float]] = {name: [] for name in tools}
        peaks: dict[str, list[float]] = {name: [] for name in tools}
        cpus: dict[str, list[float]] = {name: [] for name in tools}
        found: dict[str, int] = {}
        for _ in range(args.runs):
            for name, argv in tools.items():
                out = work / f"{name}.out"
                wall, cpu, peak, code = timed(argv, repo, out)
                if code not in (0, 1):
                    raise SystemExit(f"{name} failed with exit code {code}: {argv}")
                walls[name].append(wall)
                cpus[name].append(cpu)
                peaks[name].append(peak)
                found[name] = count_json(out if name == "authlint" else work / "gitleaks.json")
                if found[name] < 0:
                    raise SystemExit(f"{name} did not write a JSON report: {argv}")
        print(
            f"{'tool':<10} {'median s':>9} {'cpu s':>7} {'MB/s':>7} {'peak MB':>8} {'findings':>9}"
        )
        for name in tools:
            median = statistics.median(walls[name])
            print(
                f"{name:<10} {median:>9.2f} {statistics.median(cpus[name]):>7.2f} "
                f"{log_bytes / 1e6 / median:>7.1f} "
                f"{max(peaks[name]):>8.0f} {found[name]:>9}"
            )
        ratio = statistics.median(walls["gitleaks"]) / statistics.median(walls["authlint"])
        cpu_ratio = statistics.median(cpus["gitleaks"]) / statistics.median(cpus["authlint"])
        print(f"gitleaks / authlint: wall time {ratio:.2f}x, CPU time {cpu_ratio:.2f}x")
        print(f"load average after the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""End-to-end timings of the `ragtime` binary on generated plan sets.

Builds `ragtime`, `ragtime-gen` and `ragtime-floor` in release, generates
each size once (cached, keyed by size and seed), then runs every command,
the two parse-only floors and the Python yardstick N times on each size,
and prints a Markdown table of median wall time, median CPU time, peak
memory, each command's ratio to the floors, and how many times faster than
the Python script it is. Commands the binary does not have yet (per
`ragtime help`) are skipped, so the same script works before and after
they land.

    python3 crates/ragtime-bench/bench.py                   # 1k, 10k, 100k
    python3 crates/ragtime-bench/bench.py --sizes 1000000 --runs 1
    python3 crates/ragtime-bench/bench.py --sizes 1000,10000,100000,1000000 --large-runs 3

The floors: `ragtime-floor` reads every file and parses it into a
`toml::Table` (the parse floor), `ragtime-floor --lex` only splits it into
`toml_parser` tokens (the lexing floor). The yardstick: `portfolio.py`, a
Python script (`tomllib`, two processes) that prints the same portfolio
table as `ragtime report` (a test checks it byte for byte).

Peak memory is the maximum resident set size reported by GNU time
(`/usr/bin/time -v`; `apt-get install time` if missing). Wall time is taken
around the process. Set --threads to pin RAYON_NUM_THREADS for both
`ragtime` and the floors; by default both use one thread per core. The
header records the commit measured and the load average before and after.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT / "target" / "release"

# Each command: a name for the table, the subcommand `ragtime help` must
# list, and its arguments ({plans} is the plan folder, {board} a board id
# that every generated set has). Every command is as at 2026-03-31, the
# date the generator dates updates up to, so results do not depend on
# today's date: `check` then also warns about every milestone marked on
# target that is overdue or has a Red measure (31,479 at 100k milestones).
AS_OF = ["--as-of", "2026-03-31"]
COMMANDS = [
    ("check", "check", ["check", "--plans", "{plans}", *AS_OF]),
    # The same findings one line each: check without rendering excerpts.
    ("check --format short", "check", ["check", "--plans", "{plans}", "--format", "short", *AS_OF]),
    ("report", "report", ["report", "--plans", "{plans}", *AS_OF]),
    ("report --by board", "report", ["report", "--plans", "{plans}", "--by", "board", *AS_OF]),
    ("exceptions", "exceptions", ["exceptions", "--plans", "{plans}", *AS_OF]),
    (
        "board html",
        "board",
        ["board", "{board}", "--plans", "{plans}", *AS_OF, "--format", "html"],
    ),
    ("export", "export", ["export", "--plans", "{plans}", *AS_OF]),
]
SCRIPT = ROOT / "crates" / "ragtime-bench" / "portfolio.py"
STAMP = ".ragtime-gen"


def run(cmd, env=None):
    """Runs cmd under GNU time; returns (wall s, cpu s, peak KiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    wall = time.perf_counter() - start
    err = proc.stderr

    def field(name):
        m = re.search(rf"{re.escape(name)}: ([0-9.]+)", err)
        return float(m.group(1)) if m else float("nan")

    cpu = field("User time (seconds)") + field("System time (seconds)")
    peak = field("Maximum resident set size (kbytes)")
    m = re.search(r"Exit status: (\d+)", err)
    code = int(m.group(1)) if m else proc.returncode
    return wall, cpu, peak, code


def build():
    subprocess.run(
        ["cargo", "build", "--release", "-p", "ragtime-cli", "-p", "ragtime-bench", "--bins"],
        cwd=ROOT,
        check=True,
    )


def plan_set(cache, size, seed):
    """The generated plan set of `size` milestones, made once."""
    out = cache / f"plans-{size}-seed{seed}"
    stamp = out / STAMP
    want = f"milestones={size} seed={seed}\n"
    if stamp.exists() and stamp.read_text() == want:
        return out
    if out.exists():
        # Only ever a folder this script made: half written, or stale.
        shutil.rmtree(out)
    print(f"generating {size} milestones into {out}", file=sys.stderr)
    subprocess.run(
        [RELEASE / "ragtime-gen", "--milestones", str(size), "--seed", str(seed), "--out", out],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    stamp.write_text(want)
    return out


def available_commands():
    text = subprocess.run(
        [RELEASE / "ragtime", "help"], capture_output=True, text=True
    ).stdout
    listed = set()
    in_commands = False
    for line in text.splitlines():
        if line.strip().lower().startswith("commands:"):
            in_commands = True
            continue
        if in_commands:
            if not line.startswith("  "):
                break
            listed.add(line.split()[0])
    return [c for c in COMMANDS if c[1] in listed]


def measure(cmd, runs, env):
    run(cmd, env)  # warm the page cache
    results = [run(cmd, env) for _ in range(runs)]
    codes = {r[3] for r in results}
    return {
        "wall": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[1] for r in results),
        "peak_mib": max(r[2] for r in results) / 1024,
        "exit": sorted(codes),
        "runs": runs,
    }


def fmt_time(s):
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def fmt_ratio(r):
    return "" if r is None else (f"{r:.2f}x" if r < 10 else f"{r:.0f}x")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="milestone counts, comma separated")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (median reported)")
    ap.add_argument(
        "--large-runs",
        type=int,
        help="timed runs per command on sets of a million milestones or more (default --runs)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ragtime-bench"))
    ap.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for ragtime and the floors")
    ap.add_argument("--no-build", action="store_true", help="use the release binaries as they are")
    ap.add_argument("--no-shipped", action="store_true", help="skip the shipped plans/")
    ap.add_argument("--no-python", action="store_true", help="skip the Python script")
    ap.add_argument("--python-runs", type=int, help="timed runs of the Python script (default --runs)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--only", help="commands to run, by table name, comma separated (the floors always run)"
    )
    args = ap.parse_args()

    if not Path("/usr/bin/time").exists():
        sys.exit("GNU time is needed: apt-get install -y time")
    if not args.no_build:
        build()
    env = dict(os.environ)
    # Reports are measured as written to a pipe: one line per row, as the
    # Python script prints them.
    env.pop("COLUMNS", None)
    if args.threads:
        env["RAYON_NUM_THREADS"] = str(args.threads)
    args.cache.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    load_before = os.getloadavg()

    commands = available_commands()
    skipped = [c[0] for c in COMMANDS if c not in commands]
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        commands = [c for c in commands if c[0] in wanted]
    sets = []
    if not args.no_shipped:
        sets.append(("shipped", ROOT / "plans", 0))
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        sets.append((f"{size:,}", plan_set(args.cache, size, args.seed), size))

    results = []
    for label, plans, size in sets:
        board = "cabinet" if label == "shipped" else "c0001-cabinet"
        runs = args.large_runs if args.large_runs and size >= 1_000_000 else args.runs
        python_runs = min(args.python_runs or runs, runs)
        lex = measure([RELEASE / "ragtime-floor", "--lex", plans], runs, env)
        floor = measure([RELEASE / "ragtime-floor", plans], runs, env)
        python = None
        if not args.no_python:
            python = measure(
                [sys.executable, SCRIPT, "--plans", plans, *AS_OF], python_runs, env
            )
        rows = [("floor: lex (toml_parser tokens)", lex), ("floor: parse (toml::Table)", floor)]
        if python:
            rows.append(("Python script (tomllib, 2 processes)", python))
        for name, r in rows:
            print(f"{label}: {name} {fmt_time(r['wall'])}", file=sys.stderr)
        for name, _, template in commands:
            cmd = [RELEASE / "ragtime"] + [
                a.replace("{plans}", str(plans)).replace("{board}", board) for a in template
            ]
            r = measure(cmd, runs, env)
            rows.append((name, r))
            print(f"{label}: {name} {fmt_time(r['wall'])} exit {r['exit']}", file=sys.stderr)
        for name, r in rows:
            r = dict(r)
            r["vs_lex"] = r["wall"] / lex["wall"]
            r["vs_floor"] = r["wall"] / floor["wall"]
            r["python_over"] = python["wall"] / r["wall"] if python else None
            results.append({"set": label, "command": name, **r})

    load_after = os.getloadavg()
    threads = args.threads or os.cpu_count()
    print(f"\ncommit {commit}{' (with uncommitted changes)' if dirty else ''}; {args.runs} runs each"
          f"{f' ({args.large_runs} at 1M and over)' if args.large_runs else ''}, medians; "
          f"{threads} threads; seed {args.seed}")
    print(f"load average before {load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f}; "
          f"after {load_after[0]:.2f}, {load_after[1]:.2f}, {load_after[2]:.2f}")
    if skipped:
        print(f"not in this binary yet, skipped: {', '.join(skipped)}")
    print()
    print("| plan set | command | wall (median) | CPU (median) | peak memory | vs lexing floor "
          "| vs parse floor | Python ÷ this | exit |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(
            f"| {r['set']} | {r['command']} | {fmt_time(r['wall'])} | {fmt_time(r['cpu'])} "
            f"| {r['peak_mib']:.0f} MiB | {fmt_ratio(r['vs_lex'])} | {fmt_ratio(r['vs_floor'])} "
            f"| {fmt_ratio(r['python_over'])} | {','.join(map(str, r['exit']))} |"
        )
    if args.json:
        meta = {"commit": commit, "dirty": bool(dirty), "load_before": load_before, "load_after": load_after}
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()

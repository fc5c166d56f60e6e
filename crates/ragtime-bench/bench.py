#!/usr/bin/env python3
"""End-to-end timings of the `ragtime` binary on generated plan sets.

Builds `ragtime`, `ragtime-gen` and `ragtime-floor` in release, generates
each size once (cached, keyed by size and seed), then runs every command
and the parse-only floor N times on each size, and prints a Markdown table
of median wall time, median CPU time, peak memory and each command's ratio
to the floor. Commands the binary does not have yet (per `ragtime help`)
are skipped, so the same script works before and after they land.

    python3 crates/ragtime-bench/bench.py                   # 1k, 10k, 100k
    python3 crates/ragtime-bench/bench.py --sizes 1000000 --runs 1

Peak memory is the maximum resident set size reported by GNU time
(`/usr/bin/time -v`; `apt-get install time` if missing). Wall time is taken
around the process. Set --threads to pin RAYON_NUM_THREADS for both
`ragtime` and the floor; by default both use one thread per core.
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
]
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="milestone counts, comma separated")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command (median reported)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ragtime-bench"))
    ap.add_argument("--threads", type=int, help="RAYON_NUM_THREADS for ragtime and the floor")
    ap.add_argument("--no-build", action="store_true", help="use the release binaries as they are")
    ap.add_argument("--no-shipped", action="store_true", help="skip the shipped plans/")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--only", help="commands to run, by table name, comma separated (the floor always runs)"
    )
    args = ap.parse_args()

    if not Path("/usr/bin/time").exists():
        sys.exit("GNU time is needed: apt-get install -y time")
    if not args.no_build:
        build()
    env = dict(os.environ)
    if args.threads:
        env["RAYON_NUM_THREADS"] = str(args.threads)
    args.cache.mkdir(parents=True, exist_ok=True)

    commands = available_commands()
    skipped = [c[0] for c in COMMANDS if c not in commands]
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        commands = [c for c in commands if c[0] in wanted]
    sets = []
    if not args.no_shipped:
        sets.append(("shipped", ROOT / "plans"))
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        sets.append((f"{size:,}", plan_set(args.cache, size, args.seed)))

    results = []
    for label, plans in sets:
        board = "cabinet" if label == "shipped" else "c0001-cabinet"
        floor = measure([RELEASE / "ragtime-floor", plans], args.runs, env)
        results.append({"set": label, "command": "floor (parse only)", **floor, "ratio": 1.0})
        print(f"{label}: floor {fmt_time(floor['wall'])}", file=sys.stderr)
        for name, _, template in commands:
            cmd = [RELEASE / "ragtime"] + [
                a.replace("{plans}", str(plans)).replace("{board}", board) for a in template
            ]
            r = measure(cmd, args.runs, env)
            r["ratio"] = r["wall"] / floor["wall"]
            results.append({"set": label, "command": name, **r})
            print(f"{label}: {name} {fmt_time(r['wall'])} exit {r['exit']}", file=sys.stderr)

    threads = args.threads or os.cpu_count()
    print(f"\n{args.runs} runs each, medians; {threads} threads; seed {args.seed}")
    if skipped:
        print(f"not in this binary yet, skipped: {', '.join(skipped)}")
    print()
    print("| plan set | command | wall (median) | CPU (median) | peak memory | vs floor | exit |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in results:
        print(
            f"| {r['set']} | {r['command']} | {fmt_time(r['wall'])} | {fmt_time(r['cpu'])} "
            f"| {r['peak_mib']:.0f} MiB | {r['ratio']:.2f}x | {','.join(map(str, r['exit']))} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

"""Fails if a snapshot is pending review or was not used by any test.

Usage: check_snapshots.py REFERENCES_FILE
REFERENCES_FILE lists, one per line, every snapshot file the test run read
(insta writes it when INSTA_SNAPSHOT_REFERENCES_FILE is set).
"""

import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
refs_file = pathlib.Path(sys.argv[1])
referenced = {
    pathlib.Path(line).resolve()
    for line in refs_file.read_text().splitlines()
    if line.strip()
}

problems = []
for pattern in ("**/*.snap.new", "**/*.pending-snap"):
    for path in root.glob(pattern):
        if "target" not in path.relative_to(root).parts:
            problems.append(f"pending snapshot: {path.relative_to(root)}")

stored = sorted((root / "snapshots").glob("**/*.snap"))
for path in stored:
    if path.resolve() not in referenced:
        problems.append(f"unreferenced snapshot: {path.relative_to(root)}")

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"ok: {len(stored)} snapshots, all referenced, none pending")

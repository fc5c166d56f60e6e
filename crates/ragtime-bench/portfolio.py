#!/usr/bin/env python3
"""The portfolio table of a plan set, as a short Python script would make it.

What a competent analyst would write instead of running Ragtime: read every
plan file with the standard library's `tomllib` on two worker processes,
rate each milestone as at a date by the rules in docs/rag-rules.md, count
by strategy and print the table. `bench.py` times it beside `ragtime
report`, and a test (tests/cli/speed.rs) checks that its output is byte for
byte what `ragtime report` prints (with no terminal width) on the shipped
plans and on a generated set.

    python3 crates/ragtime-bench/portfolio.py --plans plans --as-of 2025-09-30

It reads sound plan sets only (run `ragtime check` first): it checks
nothing, and reads the keys the table needs.
"""

import argparse
import datetime as dt
import math
import os
import sys
import tomllib
import unicodedata
from multiprocessing import Pool

STATUSES = ["not-started", "on-target", "at-risk", "not-on-target", "paused", "complete", "cancelled"]
# Ratings, in table order; cancelled is shown apart.
BLUE, GREEN, AMBER, RED, PAUSED, NOT_STARTED, CANCELLED = range(7)
HEADINGS = ["Complete", "On target", "At risk", "Not on target", "Paused", "Not started"]
PERIOD_DAYS = {"monthly": 31, "quarterly": 92, "termly": 153, "six-monthly": 184, "annual": 366}
DEFAULTS = {
    "scale": "brag",
    "rollup": "thresholds",
    "stale-after-days": 92,
    "warn-within-days": 30,
    "green-at-least": 90,
    "red-below": 70,
    "percent-of": "rated",
    "percent-rounding": "down",
    "out-of-date-grace-days": 31,
}


def plan_files(root):
    """Every *.toml below root, hidden entries skipped, each folder's
    entries in name order, depth first: the order `ragtime` reads them."""
    entries = sorted(os.scandir(root), key=lambda e: os.fsencode(e.name))
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir():
            yield from plan_files(e.path)
        elif e.name.endswith(".toml"):
            yield e.path


def read(path):
    """One file's records, cut down to what the table needs."""
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    own = doc.get("strategy", {}).get("id")
    strategy = None
    if "strategy" in doc:
        s = doc["strategy"]
        strategy = (s["id"], s["title"], s["end"], s.get("closed", False))
    points = lambda m: sorted(((p["date"], float(p["value"])) for p in m), key=lambda p: p[0])
    return {
        "settings": doc.get("settings"),
        "strategy": strategy,
        "priorities": [(p["id"], p.get("strategy", own)) for p in doc.get("priority", [])],
        "commitments": [(c["id"], c["priority"], c.get("measures", [])) for c in doc.get("commitment", [])],
        "milestones": [
            (
                m["commitment"],
                m["added"],
                m["due"],
                sorted(
                    ((u["date"], STATUSES.index(u["status"]), u.get("due")) for u in m.get("update", [])),
                    key=lambda u: u[0],
                ),
                m.get("illustrative", False),
            )
            for m in doc.get("milestone", [])
        ],
        "measures": [
            (
                m["id"],
                m["direction"],
                abs(float(m.get("tolerance", 0.0))),
                m.get("frequency"),
                points(m.get("actual", [])),
                (m["baseline"]["date"], float(m["baseline"]["value"])) if "baseline" in m else None,
                (m["target"]["date"], float(m["target"]["value"])) if "target" in m else None,
                points(m.get("interim", [])),
                m.get("trajectory"),
            )
            for m in doc.get("measure", [])
        ],
    }


def round_half_away(x):
    """Rounds as Rust's f64::round does: halves away from zero."""
    a = abs(x)
    f = math.floor(a)
    r = f + 1 if a - f >= 0.5 else f
    return math.copysign(r, x)


def target_at(m, date):
    """The target in force at date (docs/rag-rules.md, "Targets over time")."""
    _, _, _, _, _, baseline, target, interim, trajectory = m
    if target is None:
        return None
    points = []
    if trajectory is not None and baseline is not None:
        points.append((baseline[0], baseline[1], "baseline"))
    points += [(d, v, "interim") for d, v in interim]
    points.append((target[0], target[1], "final"))
    nxt = next((i for i, p in enumerate(points) if p[0] >= date), None)
    if nxt is None:
        return points[-1][1]
    to = points[nxt]
    if trajectory != "linear" or to[2] == "baseline" or to[0] == date or nxt == 0:
        return to[1]
    frm = points[nxt - 1]
    span = (to[0] - frm[0]).days
    along = (date - frm[0]).days
    value = frm[1] + (to[1] - frm[1]) * along / span
    return round_half_away(value * 100.0) / 100.0


def red_evidence(m, date, settings):
    """Red on a value that is not out of date."""
    _, direction, tolerance, frequency, actual, *_ = m
    latest = None
    for d, v in actual:
        if d <= date:
            latest = (d, v)
        else:
            break
    target = target_at(m, date)
    if latest is None or target is None:
        return False
    short = target - latest[1] if direction == "higher" else latest[1] - target
    if short <= tolerance:
        return False
    if frequency is None:
        return True
    allowed = PERIOD_DAYS[frequency] + settings["out-of-date-grace-days"]
    return (date - latest[0]).days <= allowed


def rate(ms, date, settings, red_of):
    """A milestone's rating as at date, and whether its owner's status is
    contradicted; None if it was added after date."""
    commitment, added, due, updates, _ = ms
    if added > date:
        return None
    upto = [u for u in updates if u[0] <= date]
    status = upto[-1][1] if upto else 0
    last = upto[-1][0] if upto else added
    for u in reversed(upto):
        if u[2] is not None:
            due = u[2]
            break
    days_to_due = (due - date).days
    stale = (date - last).days > settings["stale-after-days"]
    if status == 6:
        return CANCELLED, False
    if status == 5:
        return BLUE, False
    if days_to_due < 0:
        return RED, status == 1
    if status == 3:
        return RED, False
    if status == 2:
        return AMBER, False
    if status == 1 and red_of(commitment):
        return AMBER, True
    if status == 1 and stale:
        return AMBER, False
    if status == 0 and days_to_due <= settings["warn-within-days"]:
        return AMBER, False
    if status == 4:
        return PAUSED, False
    if status == 0:
        return NOT_STARTED, False
    return GREEN, False


def count(plan, date, settings, wanted):
    """Counts by rating (and flagged, and illustrative) of each wanted
    strategy's milestones, with the latest update and whether any work
    is open."""
    measures, commitments, settings_ = plan["measures"], plan["commitments"], settings
    cache = {}

    def red_of(c):
        if c not in cache:
            cache[c] = any(red_evidence(measures[x], date, settings_) for x in commitments[c][1])
        return cache[c]

    counts = {s: [0] * 9 for s in wanted}
    latest, open_work = None, False
    for ms in plan["milestones"]:
        s = plan["strategy_of"][ms[0]]
        if s not in counts:
            continue
        r = rate(ms, date, settings, red_of)
        if r is not None:
            counts[s][r[0]] += 1
            counts[s][7] += r[1]
            counts[s][8] += ms[4]
            upto = [u for u in ms[3] if u[0] <= date]
            if upto and (latest is None or upto[-1][0] > latest):
                latest = upto[-1][0]
            open_work |= not upto or upto[-1][1] not in (5, 6)
    return counts, latest, open_work


def share_note(illustrative, counted):
    """How much of a count is invented for the example."""
    if illustrative == 0:
        return []
    if illustrative == counted:
        what = "the 1 milestone" if counted == 1 else f"all {counted} milestones"
        return [f"Illustrative: {what} counted here {'is' if counted == 1 else 'are'} invented for the example."]
    verb = "is" if illustrative == 1 else "are"
    return [f"Illustrative: {illustrative} of the {counted} milestones counted here {verb} invented for the example."]


def percent(c, settings):
    part = c[BLUE] + c[GREEN]
    whole = sum(c[:4]) if settings["percent-of"] == "rated" else sum(c[:6])
    if whole == 0:
        return None
    rounding = settings["percent-rounding"]
    if rounding == "down":
        return part * 100 // whole, False
    if rounding == "nearest":
        return (part * 200 + whole) // (2 * whole), False
    return (part * 2000 + whole) // (2 * whole), True


def percent_text(p):
    if p is None:
        return ""
    v, tenths = p
    return f"{v // 10}.{v % 10}%" if tenths else f"{v}%"


RANK = {"Blue": 0, "Green": 1, "Grey": 2, "Amber/Green": 3, "Amber": 4, "Amber/Red": 5, "Red": 6}


def overall(c, settings):
    live, rated = sum(c[:6]), sum(c[:4])
    if live == 0:
        return "No milestones"
    if rated == 0:
        return "Not rated"
    if c[BLUE] == live:
        return "Blue" if settings["scale"] == "brag" else "Green"
    red = c[RED] > 0
    if settings["rollup"] == "worst-of":
        return "Red" if red else "Amber" if c[AMBER] else "Green"
    v, tenths = percent(c, settings)
    pct = v if tenths else v * 10
    green, red_below = settings["green-at-least"] * 10, settings["red-below"] * 10
    five = settings["scale"] == "five-point"
    if pct >= green and not red:
        colour = "Green"
    elif pct >= green:
        colour = "Amber/Green" if five else "Amber"
    elif pct < red_below:
        colour = "Red"
    elif five and pct < (settings["red-below"] + settings["green-at-least"]) // 2 * 10:
        colour = "Amber/Red"
    else:
        colour = "Amber"
    limit = "Red" if red else "Amber" if c[AMBER] else "Green"
    return limit if RANK[colour] > RANK[limit] else colour


def width(text):
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def table(columns, rows):
    """A table at its natural width: (heading, right-aligned) columns."""
    shown = [i for i in range(len(columns)) if any(r[i] for r in rows)] or list(range(len(columns)))
    widths = {i: max([width(columns[i][0])] + [width(r[i]) for r in rows]) for i in shown}
    rule = "-" * (sum(widths.values()) + 2 * (len(shown) - 1))

    def line(cells):
        parts = []
        for i in shown:
            pad = " " * (widths[i] - width(cells[i]))
            parts.append(pad + cells[i] if columns[i][1] else cells[i] + pad)
        return "  ".join(parts).rstrip(" ")

    return [rule, line([c[0] for c in columns]), rule] + [line(r) for r in rows] + [rule]


def counted_cells(c, settings):
    return [str(sum(c[:6]))] + [str(x) for x in c[:6]] + [
        percent_text(percent(c, settings)),
        overall(c, settings),
        str(c[CANCELLED]),
    ]


def report(plan, settings, date):
    out = ["Portfolio summary", "=================", f"As at: {date}"]
    year = date.year - 1 if date.month <= 3 else date.year
    q = 4 if date.month <= 3 else (date.month - 4) // 3 + 1
    end_month = [6, 9, 12, 3][q - 1]
    end_year = year + 1 if q == 4 else year
    end = dt.date(end_year, end_month, 30 if end_month in (6, 9) else 31)
    quarter = f"{year}/{(year + 1) % 100:02} Q{q}"
    out.append(f"Period: {quarter} (quarter end)" if date == end else f"Period: {quarter} (to {end})")
    strategies = plan["strategies"]
    closed = [i for i, s in enumerate(strategies) if s[3] and s[2] < date]
    open_ = [i for i in range(len(strategies)) if i not in closed]
    counts, latest, open_work = count(plan, date, settings, set(open_))
    if latest is None:
        out.append("Latest update: none on or before the as-at date")
    else:
        days = (date - latest).days
        when = {0: "the as-at date itself", 1: "1 day before the as-at date"}.get(days, f"{days} days before the as-at date")
        stale = settings["stale-after-days"]
        if open_work and days > stale:
            when += f"; older than the {stale}-day staleness window"
        out.append(f"Latest update: {latest} ({when})")
    scale = {
        "brag": "BRAG (Blue = complete, Green, Amber, Red)",
        "rag": "RAG, three-point (complete shows as Green)",
        "five-point": "five-point (Green, Amber/Green, Amber, Amber/Red, Red)",
    }[settings["scale"]]
    out.append(f"Scale: {scale}")
    g, r = settings["green-at-least"], settings["red-below"]
    if settings["rollup"] == "worst-of":
        rule = "worst-of: the worst rating of any milestone"
    elif settings["scale"] == "five-point":
        rule = (
            f"thresholds: Green at least {g}% complete or on target and no Red; Amber/Green at least {g}% "
            f"with a Red; Amber from {(r + g) // 2}%; Amber/Red from {r}% and Red under {r}%, with a Red milestone"
        )
    else:
        rule = f"thresholds: Green at least {g}% complete or on target and no Red; Red under {r}% with a Red milestone; otherwise Amber"
    out.append(f"Rollup rule: {rule}")

    total = [sum(counts[i][k] for i in open_) for k in range(9)]
    out += ["", "Milestones by strategy", "----------------------"]
    live = sum(total[:6])
    out.append(
        f"{live} live {'milestone' if live == 1 else 'milestones'} as at {date}: {total[BLUE]} complete, "
        f"{total[GREEN]} on target, {total[AMBER]} at risk, {total[RED]} not on target, {total[PAUSED]} paused, "
        f"{total[NOT_STARTED]} not started; {total[CANCELLED]} cancelled."
    )
    columns = [("Id", False), ("Strategy", False), ("Milestones", True)] + [(h, True) for h in HEADINGS]
    columns += [("%", True), ("RAG", False), ("Cancelled", True)]
    rows = [[strategies[i][0], strategies[i][1]] + counted_cells(counts[i], settings) for i in open_]
    rows.append(["", "Total"] + counted_cells(total, settings))
    out += table(columns, rows)
    of = (
        "(complete + on target + at risk + not on target)"
        if settings["percent-of"] == "rated"
        else "all live milestones (paused and not started included)"
    )
    rounding = {
        "down": "rounded down to a whole percent",
        "nearest": "rounded to the nearest whole percent",
        "one-decimal": "rounded to one decimal place",
    }[settings["percent-rounding"]]
    note = (
        "Each milestone counts once, by its rating as at the date: complete = Blue, on target = Green, "
        "at risk = Amber (including not updated within the staleness window, and not started close to its "
        "due date), not on target = Red (including past its due date). Paused and not-started milestones are "
        f"not rated; cancelled ones are shown apart. % = (complete + on target) / {of}, {rounding}."
    )
    if settings["rollup"] == "thresholds":
        note += (
            " The RAG compares the % as shown with the thresholds, and is never worse than the worst "
            "milestone: without a Red milestone it is at worst Amber"
        )
        note += "." if settings["percent-of"] == "rated" else ", and without an Amber one, at worst Green."
    out.append(note)
    flagged = total[7]
    if flagged == 1:
        out.append(
            "1 milestone is marked on target by its owner but the evidence says otherwise; "
            "it is counted by its computed rating and listed in the exceptions."
        )
    elif flagged > 1:
        out.append(
            f"{flagged} milestones are marked on target by their owners but the evidence says otherwise; "
            "they are counted by their computed ratings and listed in the exceptions."
        )
    out += share_note(total[8], sum(total[:7]))
    if closed:
        out += ["", "Closed strategies: final position", "---------------------------------"]
        these = "This strategy is" if len(closed) == 1 else f"These {len(closed)} strategies are"
        out.append(
            f"{these} closed and ended before {date}: each is shown once, its milestones rated as at its end "
            "date, and counted in no total above. `ragtime report ID` shows one in full, as at its end."
        )
        columns = [("Id", False), ("Strategy", False), ("Ended", False)] + columns[2:]
        rows, illustrative, counted = [], 0, 0
        for i in closed:
            end = strategies[i][2]
            c = count(plan, end, settings, {i})[0][i]
            rows.append([strategies[i][0], strategies[i][1], str(end)] + counted_cells(c, settings))
            illustrative, counted = illustrative + c[8], counted + sum(c[:7])
        out += table(columns, rows)
        out += share_note(illustrative, counted)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", default="plans", help="the plans folder")
    ap.add_argument("--as-of", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()

    paths = list(plan_files(args.plans))
    with Pool(args.processes) as pool:
        files = pool.map(read, paths, chunksize=max(1, len(paths) // (8 * args.processes)))

    settings = dict(DEFAULTS)
    strategies, strategy_ix, priorities, commitments, measures, milestones = [], {}, {}, {}, {}, []
    for f in files:
        settings.update(f["settings"] or {})
        if f["strategy"]:
            strategy_ix[f["strategy"][0]] = len(strategies)
            strategies.append(f["strategy"])
    for f in files:
        for p, s in f["priorities"]:
            priorities[p] = strategy_ix[s]
        for m in f["measures"]:
            measures[m[0]] = m
    for f in files:
        for c, p, ms in f["commitments"]:
            commitments[c] = (priorities[p], ms)
        milestones += f["milestones"]
    plan = {
        "strategies": strategies,
        "commitments": commitments,
        "measures": measures,
        "milestones": milestones,
        "strategy_of": {c: v[0] for c, v in commitments.items()},
    }
    sys.stdout.write(report(plan, settings, args.as_of))


if __name__ == "__main__":
    main()

"""Runs `tandem solve` and the Python peer as whole processes on the same instance, checks the
two matchings are identical, and reports the median wall time of each and their ratio.

Timing uses hyperfine when it is on PATH (its JSON export gives each run's time), else
time.perf_counter around subprocess.run. Every process is started the same way, so both
medians include interpreter or runtime start-up, JSON reading and writing.

Usage: compare.py TANDEM PEER_PYTHON INSTANCE.json [INSTANCE.json ...]
"""

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# A tandem run takes tens of milliseconds, so many are cheap, and on a shared machine a
# median of a few is a coin toss; the peer takes tens of seconds a run. The machine's speed also
# drifts over minutes, so the runs are interleaved: before each peer run come TANDEM_RUNS_PER_PEER
# tandem runs (after TANDEM_WARMUP unmeasured ones), and each side's median is over all its runs.
TANDEM_RUNS_PER_PEER = 11
TANDEM_WARMUP = 2
PEER_RUNS = 3
HERE = os.path.dirname(os.path.abspath(__file__))


def commands(tandem: str, python: str, instance: str) -> dict:
    return {
        "tandem": [tandem, "solve", instance, "--optimal", "mentee"],
        "peer": [python, os.path.join(HERE, "peer_solve.py"), instance],
    }


def solved(command: list) -> dict:
    run = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(run.stdout)


def run_seconds(command: list, runs: int, warmup: int) -> list:
    """The wall time of each of `runs` runs of `command`, after `warmup` unmeasured ones."""
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            subprocess.run(
                [hyperfine, "--runs", str(runs), "--warmup", str(warmup), "--style", "none",
                 "--export-json", export.name, "--", shlex.join(command)],
                check=True, stdout=subprocess.DEVNULL,
            )
            with open(export.name, encoding="utf-8") as handle:
                return json.load(handle)["results"][0]["times"]
    for _ in range(warmup):
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def interleaved_medians(tandem: list, peer: list) -> tuple:
    """The median wall times of `tandem` and `peer`, their runs interleaved (see above)."""
    tandem_times, peer_times = [], []
    for _ in range(PEER_RUNS):
        tandem_times += run_seconds(tandem, TANDEM_RUNS_PER_PEER, TANDEM_WARMUP)
        peer_times += run_seconds(peer, 1, 0)
    return statistics.median(tandem_times), statistics.median(peer_times)


def main() -> None:
    tandem, python, instances = sys.argv[1], sys.argv[2], sys.argv[3:]
    print(f"timing with {'hyperfine' if shutil.which('hyperfine') else 'time.perf_counter'}; "
          f"medians of {PEER_RUNS * TANDEM_RUNS_PER_PEER} tandem runs and {PEER_RUNS} peer runs, "
          f"{TANDEM_RUNS_PER_PEER} tandem runs before each peer run")
    rows = []
    for instance in instances:
        with open(instance, encoding="utf-8") as handle:
            data = json.load(handle)
        size = f"{len(data['mentees'])} x {len(data['mentors'])}"
        entries = sum(len(v) for v in data["mentees"].values())
        run = commands(tandem, python, instance)
        ours, theirs = solved(run["tandem"]), solved(run["peer"])
        if ours["matching"] != theirs["matching"] or sorted(ours["unmatched_mentees"]) != sorted(
            theirs["unmatched_mentees"]
        ):
            raise SystemExit(f"{instance}: the matchings differ")
        if ours.get("stable") is not True:
            raise SystemExit(f"{instance}: tandem did not report a stable matching")
        matched = sum(len(v) for v in ours["matching"].values())
        print(f"{size} ({entries} list entries): identical mentee-optimal matchings, {matched} pairs")
        tandem_time, peer_time = interleaved_medians(run["tandem"], run["peer"])
        rows.append((size, entries, tandem_time, peer_time))

    print()
    print(f"{'instance':>14} {'entries':>8} {'tandem (s)':>11} {'peer (s)':>10} {'peer / tandem':>14}")
    for size, entries, tandem_time, peer_time in rows:
        print(f"{size:>14} {entries:>8} {tandem_time:>11.3f} {peer_time:>10.2f} {peer_time / tandem_time:>13.0f}x")


if __name__ == "__main__":
    main()

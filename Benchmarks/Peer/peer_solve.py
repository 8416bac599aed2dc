"""Solves a `tandem solve` JSON instance with the Python peer `matching` 1.4.3 (mentee-optimal
hospitals/residents) and prints the matching in the shape `tandem solve` prints it:
every mentor with its mentees in the mentor's order, and the unmatched mentees.

The peer's solver recurses once per proposal, so it runs in a thread with a 512 MB stack and a
recursion limit of 10**6; with Python's defaults it fails with RecursionError on instances of a
few hundred residents.

Usage: peer_solve.py INSTANCE.json
"""

import json
import sys
import threading

from matching.games import HospitalResident


def solve(instance: dict) -> dict:
    game = HospitalResident.create_from_dictionaries(
        instance["mentees"], instance["mentors"], instance["capacities"]
    )
    result = game.solve(optimal="resident")
    assigned = {hospital.name: {resident.name for resident in residents} for hospital, residents in result.items()}
    matching = {}
    for mentor, ranking in instance["mentors"].items():
        held = assigned.get(mentor, set())
        matching[mentor] = [mentee for mentee in ranking if mentee in held]
    matched = {mentee for mentees in matching.values() for mentee in mentees}
    unmatched = [mentee for mentee in instance["mentees"] if mentee not in matched]
    return {"optimal": "mentee", "matching": matching, "unmatched_mentees": unmatched}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        instance = json.load(handle)
    outcome = {}

    def run() -> None:
        try:
            outcome["result"] = solve(instance)
        except BaseException as error:  # reported below, from the main thread
            outcome["error"] = error

    sys.setrecursionlimit(10**6)
    threading.stack_size(512 * 1024 * 1024)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise SystemExit(f"peer failed: {outcome['error']!r}")
    json.dump(outcome["result"], sys.stdout)


if __name__ == "__main__":
    main()

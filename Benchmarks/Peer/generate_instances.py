"""Seeded hospitals/residents instances in the `tandem solve` JSON format.

Each mentee (resident) lists LIST_LENGTH distinct mentors (hospitals) drawn uniformly without
replacement, in a random order; each mentor lists exactly the mentees who listed it, in a
seeded random order; capacities are uniform in 1..MAX_CAPACITY. The same arguments always
write the same file (Python's `random.Random` is stable across versions for these calls).

Usage: generate_instances.py MENTEES MENTORS SEED OUT.json [LIST_LENGTH]

LIST_LENGTH defaults to 50 (the compare-peer instances); e.g. 1000000 250000 3 OUT.json 10 gives
the 10^6-mentee, 10^7-entry instance of the solve benchmark.
"""

import json
import random
import sys

LIST_LENGTH = 50
MAX_CAPACITY = 5


def generate(mentees: int, mentors: int, seed: int, list_length: int = LIST_LENGTH) -> dict:
    rng = random.Random(seed)
    mentee_ids = [f"e{i + 1}" for i in range(mentees)]
    mentor_ids = [f"m{j + 1}" for j in range(mentors)]
    mentee_prefs = {}
    listed_by = {m: [] for m in mentor_ids}
    for e in mentee_ids:
        chosen = [mentor_ids[j] for j in rng.sample(range(mentors), min(list_length, mentors))]
        mentee_prefs[e] = chosen
        for m in chosen:
            listed_by[m].append(e)
    mentor_prefs = {}
    for m in mentor_ids:
        order = list(listed_by[m])
        rng.shuffle(order)
        mentor_prefs[m] = order
    capacities = {m: rng.randint(1, MAX_CAPACITY) for m in mentor_ids}
    return {"mentees": mentee_prefs, "mentors": mentor_prefs, "capacities": capacities}


def main() -> None:
    mentees, mentors, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    list_length = int(sys.argv[5]) if len(sys.argv) > 5 else LIST_LENGTH
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(generate(mentees, mentors, seed, list_length), handle)


if __name__ == "__main__":
    main()

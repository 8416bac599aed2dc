#!/usr/bin/env python3
"""Interoperability check of Tandem's calendar updates (changes/, invitations.csv) against
independent software, on a scripted programme change.

Scenario, on a copy of Data/ in a temporary folder (dates fixed with SOURCE_DATE_EPOCH):
  run 1     `tandem match` on 2026-12-01;
  withdraw  on 2026-12-20, the first mentor (by id) with one pair and two sessions before March
            leaves from 2027-03-01 (January and February held: the series is updated), and the
            first other pair is ended from 2027-01-01, before its first session (cancelled);
  run 2     `tandem match` on 2027-03-15, which writes changes/ and invitations.csv.

Checks:
  1. changes/: one REQUEST (higher SEQUENCE, RRULE cut to the sessions held) for the ended
     series, one CANCEL (higher SEQUENCE, STATUS:CANCELLED) for the cancelled one; the series
     no one touched are byte-identical in run 2's programme.ics; recurring-ical-events expands
     the updated series to exactly the sessions held.
  2. Radicale: every run-1 series PUT at <uid>.ics; every run-2 change PUT at the same href
     (METHOD stripped) must be accepted and read back with the new SEQUENCE / RRULE / STATUS;
     an expanding calendar-query must list exactly the sessions held for the updated series.
  3. khal: a vdir calendar; `khal import --batch` of the withdrawn mentor's run-1 calendar
     file, then of the run-2 change for the same series: one event in the vdir, updated in
     place, and `khal list` shows only the sessions held. The same for the cancelled series.
  4. invitations.csv: every file exists, every change value is valid, the two people of the
     updated and of the cancelled series have rows saying so.
  5. Kill test: run 2 again on copies of the state before it, SIGKILLed after a range of delays:
     the record must hold either the state before run 2 or the state after it, and the
     results folder must be either the old one or the new one complete (the new record never
     with the old results). With strace, one more repeat is killed while the results folder
     is switched (strace delays the first rename): the folder must still be there, complete.
Lines starting 'note:' report what clients or Tandem do that is legal but worth knowing.
Prints a summary line 'interop: N passed, M failed'; exits non-zero on any failure.
Usage: check_updates.py TANDEM_BINARY
"""
import csv
import datetime as dt
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import icalendar
import recurring_ical_events

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_calendars  # noqa: E402  (its Radicale helpers)
from check_calendars import expand_query, radicale_server, request  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UTC = dt.timezone.utc


def epoch(year, month, day):
    return str(int(dt.datetime(year, month, day, 9, 0, tzinfo=UTC).timestamp()))


RUN1 = epoch(2026, 12, 1)
WITHDRAW = epoch(2026, 12, 20)
RUN2 = epoch(2027, 3, 15)
ENDED_FROM = "2027-03-01"      # the mentor's pair: January and February held
CANCELLED_FROM = "2027-01-01"  # the other pair: before its first session
# When to SIGKILL the repeated run 2, as fractions of how long the uninterrupted run 2 took.
KILL_FRACTIONS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 0.99, 1.02, 1.5]
CHANGE_VALUES = {"new", "updated", "cancelled", "unchanged"}
ICS = {"Content-Type": "text/calendar; charset=utf-8"}

passed, failed = 0, 0


def check(condition, message):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", message)
    return condition


def note(message):
    print("note:", message)


def tandem(binary, args, cwd, when):
    env = {**os.environ, "SOURCE_DATE_EPOCH": when}
    return subprocess.run([binary, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


MATCH_ARGS = ["match", "--mentors", "Data/mentors.csv", "--mentees", "Data/mentees.csv",
              "--config", "Data/tandem.yaml", "--out", "OUT", "--quiet"]


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_calendar(path):
    with open(path, "rb") as handle:
        return icalendar.Calendar.from_ical(handle.read())


def starts(pair):
    return sorted(dt.datetime.fromisoformat(s["start"]).astimezone(UTC) for s in pair.get("sessions", []))


def choose(matches):
    """The mentor to withdraw (first by id with exactly one pair and sessions both before and
    after ENDED_FROM, at least one of them before) and the pair to cancel (first other pair)."""
    cut = dt.datetime.fromisoformat(ENDED_FROM + "T00:00:00+00:00")
    pairs = sorted((p for p in matches["pairs"] if "uid" in p), key=lambda p: (p["mentor"], p["mentee"]))
    per_mentor = {}
    for pair in pairs:
        per_mentor.setdefault(pair["mentor"], []).append(pair)
    ended = next(
        p for p in pairs
        if len(per_mentor[p["mentor"]]) == 1
        and 0 < sum(s < cut for s in starts(p)) < len(starts(p)))
    cancelled = next(
        p for p in pairs
        if p["mentor"] != ended["mentor"] and p["mentee"] != ended["mentee"]
        and starts(p)[0] >= dt.datetime.fromisoformat(CANCELLED_FROM + "T00:00:00+00:00"))
    return ended, cancelled


def vevent_blocks(path):
    """UID -> the raw text of its VEVENT blocks, as written (folded)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    blocks = {}
    for block in re.findall(r"BEGIN:VEVENT\r?\n.*?END:VEVENT\r?\n", text, re.S):
        uid = re.search(r"^UID:(.*?)\r?$", block, re.M).group(1)
        blocks.setdefault(uid, []).append(block)
    return blocks


def resource(calendar, events):
    """A CalDAV resource: VERSION, PRODID, CALSCALE, the VTIMEZONEs and the events; no METHOD."""
    result = icalendar.Calendar()
    for key in ("VERSION", "PRODID", "CALSCALE"):
        if key in calendar:
            result.add(key, calendar[key])
    for zone in calendar.walk("VTIMEZONE"):
        result.add_component(zone)
    for event in events:
        result.add_component(event)
    return result.to_ical()


def expand(calendar, uid, start, end):
    return sorted(
        occurrence.decoded("DTSTART").astimezone(UTC)
        for occurrence in recurring_ical_events.of(calendar).between(start, end)
        if str(occurrence["UID"]) == uid)


def tree(folder):
    """Relative path -> bytes of every file under folder (hidden ones included)."""
    result = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = handle.read()
    return result


def tree_file(folder, name):
    with open(os.path.join(folder, name), "rb") as handle:
        return handle.read()


def dump(record):
    """Every row of the record, through SQLite itself (which rolls back a hot journal)."""
    connection = sqlite3.connect(record)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def fmt(moments):
    return ", ".join(m.strftime("%Y-%m-%d %H:%M") for m in moments) or "none"


def scenario(binary, work):
    shutil.copytree(os.path.join(REPO, "Data"), os.path.join(work, "Data"))
    out = os.path.join(work, "OUT")
    record = os.path.join(work, "OUT.record.sqlite")

    # Run 1, the withdrawals, run 2; the state after each is kept for the later checks.
    result = tandem(binary, MATCH_ARGS, work, RUN1)
    if not check(result.returncode == 0, f"run 1 failed ({result.returncode}): {result.stderr.strip()}"):
        return None
    run1 = os.path.join(work, "run1")
    shutil.copytree(out, os.path.join(run1, "OUT"))
    matches1 = load_json(os.path.join(out, "matches.json"))
    ended, cancelled = choose(matches1)
    print(f"run 1: {len(matches1['pairs'])} pairs; withdrawing mentor {ended['mentor']} "
          f"(pair {ended['mentor']}:{ended['mentee']}) from {ENDED_FROM}, "
          f"ending pair {cancelled['mentor']}:{cancelled['mentee']} from {CANCELLED_FROM}")
    for args in (["withdraw", ended["mentor"], "--from", ENDED_FROM, "--out", "OUT", "--quiet"],
                 ["withdraw", "--pair", f"{cancelled['mentor']}:{cancelled['mentee']}", "--from", CANCELLED_FROM,
                  "--out", "OUT", "--quiet"]):
        result = tandem(binary, args, work, WITHDRAW)
        if not check(result.returncode == 0, f"tandem {' '.join(args)} failed: {result.stderr.strip()}"):
            return None
    before = os.path.join(work, "before-run2")
    shutil.copytree(out, os.path.join(before, "OUT"))
    shutil.copy2(record, os.path.join(before, "OUT.record.sqlite"))
    clock = time.monotonic()
    result = tandem(binary, MATCH_ARGS, work, RUN2)
    seconds = time.monotonic() - clock
    if not check(result.returncode == 0, f"run 2 failed ({result.returncode}): {result.stderr.strip()}"):
        return None
    return {"work": work, "out": out, "record": record, "run1": os.path.join(run1, "OUT"), "before": before,
            "matches1": matches1, "ended": ended, "cancelled": cancelled, "run2_seconds": seconds}


def check_changes(state):
    """1. changes/ as written, and recurring-ical-events on the updated series."""
    out, ended, cancelled = state["out"], state["ended"], state["cancelled"]
    cut = dt.datetime.fromisoformat(ENDED_FROM + "T00:00:00+00:00")
    held = [s for s in starts(ended) if s < cut]
    state["held"] = held
    files = sorted(os.listdir(os.path.join(out, "changes")))
    series_files, by_uid = [], {}
    for name in files:
        calendar = load_calendar(os.path.join(out, "changes", name))
        events = calendar.walk("VEVENT")
        uids = {str(e["UID"]) for e in events}
        check(len(uids) == 1, f"changes/{name} carries {len(uids)} UIDs, not one")
        for component in calendar.walk():
            check(not getattr(component, "errors", []), f"changes/{name}: parse errors in {component.name}")
        if not name.startswith("event-"):
            series_files.append(name)
            by_uid[next(iter(uids))] = (name, calendar, events)
    state["series_files"] = series_files
    state["by_uid"] = by_uid
    print(f"run 2: changes/ holds {len(files)} files: {', '.join(files)}")

    old_sequence = {p["uid"]: p["series"]["sequence"] for p in state["matches1"]["pairs"] if "uid" in p}
    # The updated series.
    uid = ended["uid"]
    if check(uid in by_uid, f"no change file for the ended series {uid}"):
        name, calendar, events = by_uid[uid]
        event = events[0]
        check(str(calendar.get("METHOD")) == "REQUEST", f"changes/{name}: METHOD {calendar.get('METHOD')}, not REQUEST")
        check(int(event.get("SEQUENCE", 0)) > old_sequence[uid],
              f"changes/{name}: SEQUENCE {event.get('SEQUENCE')} not above run 1's {old_sequence[uid]}")
        check(str(event.get("STATUS")) == "CONFIRMED", f"changes/{name}: STATUS {event.get('STATUS')}")
        check(len(event.walk("VALARM")) == 2, f"changes/{name}: the update does not keep its two reminders")
        expanded = expand(calendar, uid, held[0] - dt.timedelta(days=400), held[-1] + dt.timedelta(days=400))
        check(expanded == held,
              f"recurring-ical-events expands changes/{name} to {fmt(expanded)}; sessions held: {fmt(held)}")
        state["ended_file"], state["ended_sequence"] = name, int(event.get("SEQUENCE", 0))
        state["ended_rrule"] = event["RRULE"].to_ical().decode()
        print(f"  updated  {name}: SEQUENCE {old_sequence[uid]} -> {event.get('SEQUENCE')}, "
              f"RRULE {state['ended_rrule']}, expands to {len(expanded)} session(s) held ({fmt(expanded)})")
    # The cancelled series.
    uid = cancelled["uid"]
    if check(uid in by_uid, f"no change file for the cancelled series {uid}"):
        name, calendar, events = by_uid[uid]
        event = events[0]
        check(str(calendar.get("METHOD")) == "CANCEL", f"changes/{name}: METHOD {calendar.get('METHOD')}, not CANCEL")
        check(str(event.get("STATUS")) == "CANCELLED", f"changes/{name}: STATUS {event.get('STATUS')}, not CANCELLED")
        check(not event.walk("VALARM"), f"changes/{name}: the cancellation carries a reminder (RFC 5546 allows none)")
        check(int(event.get("SEQUENCE", 0)) > old_sequence[uid],
              f"changes/{name}: SEQUENCE {event.get('SEQUENCE')} not above run 1's {old_sequence[uid]}")
        state["cancelled_file"], state["cancelled_sequence"] = name, int(event.get("SEQUENCE", 0))
        print(f"  cancelled {name}: SEQUENCE {old_sequence[uid]} -> {event.get('SEQUENCE')}, STATUS {event.get('STATUS')}")
    for uid, (name, calendar, events) in sorted(by_uid.items(), key=lambda item: item[1][0]):
        if uid not in (ended["uid"], cancelled["uid"]):
            check(uid not in old_sequence, f"changes/{name} changes run 1's series {uid}, which nobody ended")
            print(f"  new      {name}: SEQUENCE {events[0].get('SEQUENCE')}, METHOD {calendar.get('METHOD')}")

    matches2 = load_json(os.path.join(out, "matches.json"))
    for pair, label in ((ended, "ended"), (cancelled, "cancelled")):
        again = [p for p in matches2["pairs"] if (p["mentor"], p["mentee"]) == (pair["mentor"], pair["mentee"])]
        if again:
            note(f"the {label} pair {pair['mentor']}:{pair['mentee']} is made again by run 2 "
                 f"(new series {again[0].get('uid')}, first session {again[0].get('series', {}).get('first_start')})")
    stamps = {name: str(events[0].get("DTSTAMP").to_ical().decode()) for name, _, events in by_uid.values()}
    print("  DTSTAMP of the change files: " + ", ".join(f"{name} {stamp}" for name, stamp in sorted(stamps.items())))

    # Series nobody touched keep their bytes in the full calendar.
    blocks1 = vevent_blocks(os.path.join(state["run1"], "calendars", "programme.ics"))
    blocks2 = vevent_blocks(os.path.join(out, "calendars", "programme.ics"))
    kept = [uid for uid in old_sequence if uid not in (ended["uid"], cancelled["uid"])]
    same = [uid for uid in kept if blocks1.get(uid) == blocks2.get(uid)]
    check(len(same) == len(kept), f"{len(kept) - len(same)} untouched series differ between run 1 and run 2 in programme.ics")
    print(f"  programme.ics: {len(same)} of {len(kept)} untouched series byte-identical in run 2")
    for uid in blocks1:
        if uid not in old_sequence and blocks1[uid] != blocks2.get(uid):
            differing = sorted(set(unfolded(blocks1[uid])) ^ set(unfolded(blocks2.get(uid, []))))
            names = sorted({line.split(":")[0].split(";")[0] for line in differing})
            note(f"cohort event {uid} differs between run 1 and run 2 in programme.ics, in {', '.join(names)} "
                 f"({'; '.join(differing)})")
    for uid, label in ((ended["uid"], "ended"), (cancelled["uid"], "cancelled")):
        if uid not in blocks2:
            note(f"run 2's calendars/programme.ics leaves out the {label} series {uid} "
                 "(re-importing it does not update or remove that series; only changes/ does)")


def unfolded(blocks):
    return [line for block in blocks for line in re.sub(r"\r?\n[ \t]", "", block).splitlines()]


def check_radicale(state):
    """2. Run-1 series, then run-2 changes, PUT at the same hrefs of a real CalDAV server."""
    out, ended, cancelled = state["out"], state["ended"], state["cancelled"]
    calendar1 = load_calendar(os.path.join(state["run1"], "calendars", "programme.ics"))
    with radicale_server() as base:
        collection = base + "/tandem/programme/"
        request("MKCOL", base + "/tandem/")
        status, _ = request("MKCALENDAR", collection)
        check(status == 201, f"MKCALENDAR returned {status}")
        grouped = {}
        for event in calendar1.walk("VEVENT"):
            grouped.setdefault(str(event["UID"]), []).append(event)
        accepted = 0
        for uid, events in grouped.items():
            status, body = request("PUT", f"{collection}{uid}.ics", resource(calendar1, events), ICS)
            accepted += check(status in (201, 204), f"Radicale refused run-1 {uid}: HTTP {status} {body[:300]!r}")
        print(f"Radicale: run 1's {accepted} of {len(grouped)} events stored at <uid>.ics")

        for name in sorted(os.listdir(os.path.join(out, "changes"))):
            calendar = load_calendar(os.path.join(out, "changes", name))
            events = calendar.walk("VEVENT")
            uid = str(events[0]["UID"])
            href = f"{collection}{uid}.ics"
            existed = uid in grouped
            status, body = request("PUT", href, resource(calendar, events), ICS)
            put_ok = status in (200, 201, 204)
            if str(calendar.get("METHOD")) == "CANCEL" and not put_ok:
                note(f"Radicale refused the cancelled event of changes/{name}: HTTP {status} {body[:300]!r}; "
                     "trying DELETE")
                status, body = request("DELETE", href)
                check(status in (200, 204), f"DELETE {uid}.ics returned {status}")
                status, _ = request("GET", href)
                check(status == 404, f"GET after DELETE of {uid}.ics returned {status}")
                continue
            check(put_ok, f"Radicale refused changes/{name} at {uid}.ics: HTTP {status} {body[:300]!r}")
            check((status == 204) == existed or status == 200,
                  f"changes/{name}: HTTP {status} for {'an existing' if existed else 'a new'} resource")
            status, body = request("GET", href)
            if not check(status == 200, f"GET {uid}.ics returned {status}"):
                continue
            stored = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
            sent = events[0]
            for key in ("SEQUENCE", "STATUS", "RRULE", "DTSTART"):
                check(stored.get(key, "").to_ical() == sent.get(key, "").to_ical() if key in sent else key not in stored,
                      f"Radicale holds {key} {stored.get(key)!r} for {uid}, changes/{name} sent {sent.get(key)!r}")
            print(f"  PUT changes/{name} at {uid}.ics -> "
                  f"{'replaced' if existed else 'created'}; stored SEQUENCE {stored.get('SEQUENCE')}, "
                  f"STATUS {stored.get('STATUS')}, RRULE {stored['RRULE'].to_ical().decode() if 'RRULE' in stored else '-'}")
            if uid == ended["uid"]:
                check(int(stored.get("SEQUENCE", 0)) == state.get("ended_sequence"), "stored SEQUENCE is not the update's")
                check(stored["RRULE"].to_ical().decode() == state.get("ended_rrule"), "stored RRULE is not the cut one")
            if uid == cancelled["uid"]:
                check(str(stored.get("STATUS")) == "CANCELLED", f"stored STATUS {stored.get('STATUS')}, not CANCELLED")

        held = state["held"]
        start = dt.datetime(2026, 12, 1, tzinfo=UTC)
        end = dt.datetime(2028, 1, 1, tzinfo=UTC)
        status, served, _ = expand_query(collection, start, end)
        check(status == 207, f"calendar-query returned {status}")
        got = sorted(served.get(ended["uid"], []))
        check(got == held, f"Radicale expands the updated series to {fmt(got)}; sessions held: {fmt(held)}")
        print(f"  Radicale expands the updated series to {len(got)} session(s): {fmt(got)}")
        cancelled_served = sorted(served.get(cancelled["uid"], []))
        print(f"  Radicale still lists {len(cancelled_served)} occurrence(s) of the cancelled series in a time-range "
              "query (STATUS:CANCELLED does not remove them; clients hide or strike them)")


def khal(config, args):
    env = {**os.environ, "HOME": os.path.dirname(config), "XDG_CONFIG_HOME": os.path.dirname(config),
           "XDG_DATA_HOME": os.path.dirname(config), "TZ": "Europe/London", "LC_ALL": "C.UTF-8"}
    binary = os.path.join(os.path.dirname(sys.executable), "khal")
    return subprocess.run([binary, "-c", config, *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def vdir_events(folder, uid):
    """The vdir's items (files ending .ics, as khal reads them) with this UID."""
    found = []
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".ics")):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = handle.read()
        if re.search(rf"^UID:{re.escape(uid)}\r?$", text, re.M):
            found.append((name, text))
    return found


def check_khal(state, work):
    """3. khal: import a person's run-1 file, then the run-2 change for the same series."""
    out, ended, cancelled = state["out"], state["ended"], state["cancelled"]
    for label, pair, change_file in (("updated", ended, state.get("ended_file")),
                                     ("cancelled", cancelled, state.get("cancelled_file"))):
        if not change_file:
            continue
        home = os.path.join(work, f"khal-{label}")
        vdir = os.path.join(home, "calendars", "tandem")
        os.makedirs(vdir)
        config = os.path.join(home, "config")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(f"""[calendars]
[[tandem]]
path = {vdir}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
[sqlite]
path = {os.path.join(home, 'khal.db')}
""")
        person_file = os.path.join(state["run1"], "calendars", "mentors", pair["mentor"] + ".ics")
        if not check(os.path.exists(person_file), f"run 1 has no calendar file {person_file}"):
            continue
        result = khal(config, ["import", "--batch", "-a", "tandem", person_file])
        check(result.returncode == 0, f"khal import of run 1's {pair['mentor']}.ics failed: {result.stderr.strip()}")
        listed_before = khal_list(config, pair["uid"])
        result = khal(config, ["import", "--batch", "-a", "tandem", os.path.join(out, "changes", change_file)])
        check(result.returncode == 0, f"khal import of changes/{change_file} failed: {result.stderr.strip()}")
        stored = vdir_events(vdir, pair["uid"])
        strays = sorted(n for n in os.listdir(vdir) if not n.endswith(".ics"))
        if strays:
            note(f"khal left {len(strays)} temporary file(s) in its vdir when replacing the item "
                 f"({', '.join(strays)}): its atomic_write keeps the temp file when os.link finds the item "
                 "already there; khal ignores them (no .ics extension)")
        check(len(stored) == 1, f"khal's vdir holds {len(stored)} items with UID {pair['uid']} after the update, not 1")
        listed = khal_list(config, pair["uid"])
        if label == "updated":
            expected = [m.astimezone(dt.timezone(dt.timedelta(0))).strftime("%Y-%m-%d") for m in state["held"]]
            got = [line.split()[0] for line in listed]
            check(got == expected, f"khal lists the updated series on {got}; sessions held: {expected}")
            check(all(f"SEQUENCE:{state['ended_sequence']}" in text for _, text in stored),
                  "khal's vdir item does not carry the update's SEQUENCE")
            print(f"khal: {pair['mentor']}.ics (run 1) then changes/{change_file}: {len(stored)} item in the vdir, "
                  f"{len(listed_before)} -> {len(listed)} occurrence(s) listed ({', '.join(got)})")
        else:
            check(all(re.search(r"^STATUS:CANCELLED\r?$", text, re.M) for _, text in stored),
                  "khal's vdir item is not STATUS:CANCELLED after the CANCEL import")
            shown = sum("CANCELLED" in line for line in listed)
            check(shown == len(listed), f"khal lists {len(listed) - shown} occurrence(s) of the cancelled series "
                                        "without marking them CANCELLED")
            print(f"khal: {pair['mentor']}.ics (run 1) then changes/{change_file}: {len(stored)} item in the vdir, "
                  f"STATUS:CANCELLED; khal still lists its {len(listed)} occurrence(s), each marked CANCELLED "
                  "(as khal shows cancelled events)")


def khal_list(config, uid):
    result = khal(config, ["list", "--format", "{start-date} {uid} {cancelled}{title}", "--day-format", "",
                           "2026-12-01", "2027-12-31"])
    if result.returncode != 0:
        check(False, f"khal list failed: {result.stderr.strip()}")
        return []
    return [line for line in result.stdout.splitlines() if uid in line]


def check_invitations(state):
    """4. invitations.csv."""
    out, ended, cancelled = state["out"], state["ended"], state["cancelled"]
    with open(os.path.join(out, "invitations.csv"), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    check(bool(rows), "invitations.csv has no rows")
    check(rows and list(rows[0].keys()) == ["id", "name", "email", "role", "file", "change"],
          f"invitations.csv columns: {list(rows[0].keys()) if rows else None}")
    for row in rows:
        check(os.path.isfile(os.path.join(out, row["file"])), f"invitations.csv names a missing file {row['file']}")
        check(row["change"] in CHANGE_VALUES, f"invitations.csv change {row['change']!r} for {row['id']}")
    for pair, change, file in ((ended, "updated", state.get("ended_file")),
                               (cancelled, "cancelled", state.get("cancelled_file"))):
        for person in (pair["mentor"], pair["mentee"]):
            check(any(r["id"] == person and r["change"] == change and r["file"] == f"changes/{file}" for r in rows),
                  f"invitations.csv has no '{change}' row for {person} with changes/{file}")
    # Every change file goes to someone.
    named = {row["file"] for row in rows}
    for name in os.listdir(os.path.join(out, "changes")):
        check(f"changes/{name}" in named, f"changes/{name} is in no row of invitations.csv")
    differing = [r for r in rows if r["change"] == "unchanged"
                 and os.path.isfile(os.path.join(state["run1"], r["file"]))
                 and tree_file(state["run1"], r["file"]) != tree_file(out, r["file"])]
    if differing:
        lines = set()
        for r in differing:
            old = tree_file(state["run1"], r["file"]).decode("utf-8")
            new = tree_file(out, r["file"]).decode("utf-8")
            lines |= set(unfolded([old])) ^ set(unfolded([new]))
        names = sorted({line.split(":")[0].split(";")[0] for line in lines})
        note(f"{len(differing)} of {sum(r['change'] == 'unchanged' for r in rows)} 'unchanged' rows name a calendar "
             f"file whose bytes differ from run 1's (e.g. {differing[0]['file']}); the lines that differ are "
             f"{', '.join(names)} ({'; '.join(sorted(lines)[:4])})")
    counts = {value: sum(r["change"] == value for r in rows) for value in sorted(CHANGE_VALUES)}
    print(f"invitations.csv: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in counts.items())})")
    # Cohort events re-sent to people who had them already, or after they took place.
    run2_day = dt.datetime.fromtimestamp(int(RUN2), UTC).date()
    run1_rows = []
    with open(os.path.join(state["run1"], "invitations.csv"), encoding="utf-8-sig", newline="") as handle:
        run1_rows = list(csv.DictReader(handle))
    for row in rows:
        if row["file"].startswith("changes/event-") and \
                any(r["id"] == row["id"] and r["file"] == row["file"] for r in run1_rows):
            note(f"{row['id']} gets {row['file']} again in run 2, having had it in run 1")
        match = re.match(r"changes/event-(\d{4}-\d{2}-\d{2})", row["file"])
        if match and dt.date.fromisoformat(match.group(1)) < run2_day:
            note(f"{row['id']} is invited on {run2_day} to {row['file']}, an event already past")


def kill_moments(seconds):
    """When to SIGKILL the repeated run 2: after fixed delays (fractions of how long the
    uninterrupted run took), and as soon as the staging folder appears, and as soon as the
    results folder has been replaced (the moment between writing the results and committing
    the record)."""
    moments = [(f"after {fraction * seconds:.3f}s", "after", fraction * seconds) for fraction in KILL_FRACTIONS]
    return moments + [("when .OUT.partial-* appears", "staging", None), ("when OUT is replaced", "replaced", None)] * 2


def run_and_kill(binary, trial, kind, delay):
    """Starts run 2 in trial and SIGKILLs it at the moment asked; (exit code, whether the
    moment was seen before the run ended)."""
    out = os.path.join(trial, "OUT")
    inode = os.stat(out).st_ino
    process = subprocess.Popen([binary, *MATCH_ARGS], cwd=trial, env={**os.environ, "SOURCE_DATE_EPOCH": RUN2},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = True
    if kind == "after":
        time.sleep(delay)
    else:
        deadline = time.monotonic() + 30
        seen = False
        while not seen and process.poll() is None and time.monotonic() < deadline:
            if kind == "staging":
                seen = any(name.startswith(".OUT.partial-") for name in os.listdir(trial))
            else:
                try:
                    seen = os.stat(out).st_ino != inode
                except FileNotFoundError:
                    seen = True
    process.send_signal(signal.SIGKILL)
    return process.wait(), seen


def check_kill(state, binary, work):
    """5. SIGKILL run 2 at several moments: record and results are old or new, never half."""
    before = state["before"]
    old_record = os.path.join(before, "OUT.record.sqlite")
    old_tree = tree(os.path.join(before, "OUT"))
    new_tree = tree(state["out"])
    old_dump = dump(old_record)
    new_dump = dump(state["record"])
    with open(old_record, "rb") as handle:
        old_bytes = handle.read()
    check(old_dump != new_dump and old_tree != new_tree, "run 2 changed neither the record nor the results")
    print(f"kill test: the uninterrupted run 2 took {state['run2_seconds']:.2f} s")
    outcomes = {}
    for index, (label, kind, delay) in enumerate(kill_moments(state["run2_seconds"])):
        trial = os.path.join(work, f"kill-{index}")
        shutil.copytree(before, trial)
        os.symlink(os.path.join(work, "Data"), os.path.join(trial, "Data"))
        code, seen = run_and_kill(binary, trial, kind, delay)
        record_path = os.path.join(trial, "OUT.record.sqlite")
        with open(record_path, "rb") as handle:
            raw_same = handle.read() == old_bytes
        journal = os.path.exists(record_path + "-journal") or os.path.exists(record_path + "-wal")
        record_state = {old_dump: "old", new_dump: "new"}.get(dump(record_path), "other")
        out_path = os.path.join(trial, "OUT")
        if not os.path.isdir(out_path):
            results_state = "missing"
        else:
            results = tree(out_path)
            results_state = "old" if results == old_tree else "new" if results == new_tree else "other"
        leftovers = sorted(n for n in os.listdir(trial) if n.startswith(".OUT."))
        killed = code == -signal.SIGKILL
        outcome = f"record {record_state}, results {results_state}"
        if killed:
            outcomes.setdefault(outcome, []).append(label)
        else:
            outcomes.setdefault("finished before the kill", []).append(label)
        check(record_state in ("old", "new") and results_state in ("old", "new"),
              f"run 2 killed {label}: {outcome}{'; left ' + ', '.join(leftovers) if leftovers else ''}")
        check(not (record_state == "new" and results_state == "old"),
              f"run 2 killed {label}: the record was committed but the results folder is the old one")
        check(killed or (code == 0 and record_state == "new" and results_state == "new"),
              f"run 2 ended by itself with {code} before the kill ({label}), but {outcome}")
        detail = []
        if not seen:
            detail.append("the moment never came")
        if killed and record_state == "old" and not raw_same:
            detail.append("record file bytes changed, rolled back from its journal" if journal
                          else "record file bytes changed")
        if leftovers:
            detail.append("left " + ", ".join(leftovers))
        print(f"  kill {label}: {'killed' if killed else f'finished (exit {code})'}; {outcome}"
              f"{'; ' + '; '.join(detail) if detail else ''}")
    print("kill test: " + "; ".join(f"{k}: {len(v)}" for k, v in sorted(outcomes.items())))
    probe_rename_gap(binary, work, before, (old_dump, new_dump), (old_tree, new_tree))


def probe_rename_gap(binary, work, before, dumps, trees):
    """The results folder is replaced by two renames (OUT -> .OUT.previous-PID, then
    .OUT.partial-PID -> OUT), or by one exchange of the two where the system has it. strace
    delays the first rename's return by a second, so that a SIGKILL lands while the folder is
    switched: the results folder must still be there, complete."""
    strace = shutil.which("strace")
    if not strace:
        note("strace is not installed: the kill between the two renames of the results folder was not probed")
        return
    trial = os.path.join(work, "kill-rename-gap")
    shutil.copytree(before, trial)
    os.symlink(os.path.join(work, "Data"), os.path.join(trial, "Data"))
    process = subprocess.Popen(
        [strace, "-f", "-o", os.devnull, "-e", "trace=rename,renameat,renameat2",
         "-e", "inject=rename,renameat,renameat2:delay_exit=1s:when=1", "--", binary, *MATCH_ARGS],
        cwd=trial, env={**os.environ, "SOURCE_DATE_EPOCH": RUN2}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    retired = []
    while not retired and process.poll() is None and time.monotonic() < deadline:
        retired = [name for name in os.listdir(trial) if name.startswith(".OUT.previous-")]
        time.sleep(0.005)
    killed = False
    if retired:
        try:
            with open(f"/proc/{process.pid}/task/{process.pid}/children", encoding="ascii") as handle:
                tracee = int(handle.read().split()[0])
            os.kill(tracee, signal.SIGKILL)
            killed = True
        except (OSError, ValueError, IndexError) as error:
            note(f"could not kill the traced run: {error}")
    if process.poll() is None and not killed:
        process.kill()
    process.wait()
    if not killed:
        note("the kill between the two renames of the results folder could not be staged (strace or ptrace "
             "unavailable, or the run never moved the old results aside)")
        return
    record_state = {dumps[0]: "old", dumps[1]: "new"}.get(dump(os.path.join(trial, "OUT.record.sqlite")), "other")
    left = sorted(name for name in os.listdir(trial) if name.startswith(".OUT."))
    present = os.path.isdir(os.path.join(trial, "OUT"))
    check(record_state == "old", f"run 2 killed between the two renames: record {record_state}")
    message = (f"run 2 killed between the two renames of the results folder: record {record_state}, "
               f"results folder {'present' if present else 'MISSING'}; left {', '.join(left) or 'nothing'}")
    if present:
        print("  kill between the renames: " + message)
    else:
        check(False, f"{message}: a kill while the folder is switched must leave a complete folder")


def main(binary):
    binary = os.path.abspath(binary)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="tandem-updates-")
    try:
        state = scenario(binary, work)
        if state:
            check_changes(state)
            check_radicale(state)
            check_khal(state, work)
            check_invitations(state)
            check_kill(state, binary, work)
            print("run 2's results through the full-calendar check:")
            sub = check_calendars.main(state["out"])
            check(sub == 0, "check_calendars.py failed on run 2's results")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"calendar update interop: done in {time.monotonic() - started:.1f} s")
    print(f"interop: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, ".build", "debug", "tandem")))

#!/usr/bin/env python3
"""Interoperability check of Tandem's calendar files against independent software.

Given a `tandem match` output folder, this
  1. starts Radicale (a real CalDAV server) on 127.0.0.1 with a temporary storage folder,
  2. PUTs every generated event as its own CalDAV resource (VTIMEZONE + VEVENT, no METHOD,
     as CalDAV requires) and expects each to be accepted,
  3. asks Radicale for every occurrence with an expanding calendar-query, and
  4. expands programme.ics with the `recurring-ical-events` library,
and checks both give exactly the session times in matches.json. It also checks what people act on:
every event's reminders (VALARM, one day and one hour before, as the sample configures) as the
icalendar library reads them, on every occurrence recurring-ical-events expands and in what
Radicale stores and serves; each session's DESCRIPTION says the slot as matches.csv does; and only
online pairs have a meeting link (URL and LOCATION, https). Radicale is stopped by its PID.
Exits non-zero on any difference; prints a summary line 'N passed, M failed'.
"""
import base64
import contextlib
import csv
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import icalendar
import recurring_ical_events

CALDAV_NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# With `auth none`, Radicale accepts any credentials; the user name makes /tandem/ ours.
AUTH = {"Authorization": "Basic " + base64.b64encode(b"tandem:tandem").decode()}


def request(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers={**AUTH, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextlib.contextmanager
def radicale_server():
    """A Radicale server on 127.0.0.1 with a temporary storage folder; yields its base URL and
    stops it by its PID afterwards."""
    storage = tempfile.mkdtemp(prefix="tandem-radicale-")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", storage, "--auth-type", "none", "--rights-type", "owner_only",
         "--logging-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(storage, ignore_errors=True)


def stamp(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def expand_query(collection_url, window_start, window_end):
    """An expanding calendar-query REPORT: (HTTP status, UID -> UTC starts of the occurrences,
    how many occurrences came with the expected VALARMs)."""
    query = f"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data><C:expand start="{stamp(window_start)}" end="{stamp(window_end)}"/></C:calendar-data></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{stamp(window_start)}" end="{stamp(window_end)}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""
    status, body = request(
        "REPORT", collection_url, query.encode(), {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
    served = {}
    with_alarms = 0
    if status == 207:
        for data in ET.fromstring(body).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
            for occurrence in icalendar.Calendar.from_ical(data.text).walk("VEVENT"):
                uid = str(occurrence["UID"])
                served.setdefault(uid, []).append(occurrence.decoded("DTSTART").astimezone(dt.timezone.utc))
                with_alarms += triggers(occurrence)[0] == EXPECTED_TRIGGERS
    return status, served, with_alarms


def expected_sessions(matches):
    """UID -> sorted UTC start instants, from matches.json."""
    result = {}
    for pair in matches["pairs"]:
        if "uid" not in pair:
            continue
        result[pair["uid"]] = sorted(
            dt.datetime.fromisoformat(s["start"]).astimezone(dt.timezone.utc) for s in pair.get("sessions", [])
        )
    return result


def resource_for(calendar, event):
    """A CalDAV resource: the calendar's VTIMEZONEs and one VEVENT, no METHOD."""
    resource = icalendar.Calendar()
    for key in ("VERSION", "PRODID", "CALSCALE"):
        if key in calendar:
            resource.add(key, calendar[key])
    for zone in calendar.walk("VTIMEZONE"):
        resource.add_component(zone)
    resource.add_component(event)
    return resource.to_ical()


# What Data/tandem.yaml configures: reminders a day and an hour before every event.
EXPECTED_TRIGGERS = [dt.timedelta(days=-1), dt.timedelta(hours=-1)]


def triggers(event):
    """The event's VALARM triggers, as icalendar decodes them, and whether each is a DISPLAY
    alarm with a DESCRIPTION."""
    alarms = event.walk("VALARM")
    complete = all(str(a.get("ACTION")) == "DISPLAY" and str(a.get("DESCRIPTION", "")) for a in alarms)
    return [a.decoded("TRIGGER") for a in alarms], complete


def slots_by_pair(out_dir):
    """(mentor id, mentee id) -> the slot column of matches.csv."""
    with open(os.path.join(out_dir, "matches.csv"), encoding="utf-8-sig", newline="") as handle:
        return {(row["mentor_id"], row["mentee_id"]): row["slot"] for row in csv.DictReader(handle)}


def check_actionable(calendar, matches, out_dir, check):
    """Reminders, descriptions and meeting links, as the icalendar library reads them."""
    slots = slots_by_pair(out_dir)
    pairs = {pair["uid"]: pair for pair in matches["pairs"] if "uid" in pair}
    online = 0
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        found, complete = triggers(event)
        check(found == EXPECTED_TRIGGERS, f"{uid}: VALARM triggers {found}, expected one day and one hour before")
        check(complete, f"{uid}: a VALARM is not a DISPLAY alarm with a DESCRIPTION")
        pair = pairs.get(uid)
        if pair is None:
            continue
        description = str(event.get("DESCRIPTION", ""))
        slot = slots.get((pair["mentor"], pair["mentee"]), "?")
        check(f"When: {slot}, for " in description, f"{uid}: DESCRIPTION does not say the slot {slot!r}")
        check("Coordinator: " in description, f"{uid}: DESCRIPTION names no coordinator")
        check("To prepare: " in description, f"{uid}: DESCRIPTION has no preparation text")
        url = str(event.get("URL", ""))
        if pair.get("online"):
            online += 1
            check(url.startswith("https://") and str(event.get("LOCATION")) == url,
                  f"{uid}: an online pair has no https meeting link as URL and LOCATION")
            check(f"Join online: {url}" in description, f"{uid}: DESCRIPTION has no meeting link")
        else:
            check(not url and "Join online" not in description, f"{uid}: an in-person pair has a meeting link")
    print(f"actionable events: {len(calendar.walk('VEVENT'))} with reminders, {online} online pairs with links")


def main(out_dir):
    matches = json.load(open(os.path.join(out_dir, "matches.json"), encoding="utf-8"))
    expected = expected_sessions(matches)
    programme_file = os.path.join(out_dir, "calendars", "programme.ics")
    calendar = icalendar.Calendar.from_ical(open(programme_file, "rb").read())
    passed, failed = 0, 0

    def check(condition, message):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print("FAIL:", message)

    # Independent parser: every component parses without recorded errors.
    for component in calendar.walk():
        check(not getattr(component, "errors", []), f"icalendar parse errors in {component.name}: {component.errors}")

    everything = [s for starts in expected.values() for s in starts]
    window_start = min(everything) - dt.timedelta(days=1)
    window_end = max(everything) + dt.timedelta(days=1)

    check_actionable(calendar, matches, out_dir, check)

    # recurring-ical-events expansion: every occurrence keeps its reminders and description.
    expanded = {}
    for occurrence in recurring_ical_events.of(calendar).between(window_start, window_end):
        uid = str(occurrence["UID"])
        expanded.setdefault(uid, []).append(occurrence.decoded("DTSTART").astimezone(dt.timezone.utc))
        check(triggers(occurrence)[0] == EXPECTED_TRIGGERS, f"recurring-ical-events: an occurrence of {uid} lost its VALARMs")
        check("When: " in str(occurrence.get("DESCRIPTION", "")) or uid not in expected,
              f"recurring-ical-events: an occurrence of {uid} lost its DESCRIPTION")
    for uid, starts in expected.items():
        check(sorted(expanded.get(uid, [])) == starts, f"recurring-ical-events differs for {uid}")

    # Radicale.
    with radicale_server() as base:
        status, _ = request("MKCOL", base + "/tandem/")
        check(status in (201, 405), f"MKCOL /tandem/ returned {status}")
        status, _ = request("MKCALENDAR", base + "/tandem/programme/")
        check(status == 201, f"MKCALENDAR returned {status}")
        accepted = 0
        events = calendar.walk("VEVENT")
        for index, event in enumerate(events):
            status, body = request(
                "PUT", f"{base}/tandem/programme/event-{index}.ics", resource_for(calendar, event),
                {"Content-Type": "text/calendar; charset=utf-8"})
            ok = status in (201, 204)
            accepted += ok
            check(ok, f"Radicale refused {event.get('UID')}: HTTP {status} {body[:200]!r}")
        print(f"Radicale accepted {accepted} of {len(events)} events")

        # What Radicale stores keeps the reminders and the description.
        for index, event in enumerate(events):
            status, body = request("GET", f"{base}/tandem/programme/event-{index}.ics")
            stored = icalendar.Calendar.from_ical(body).walk("VEVENT") if status == 200 else []
            check(len(stored) == 1, f"Radicale GET event-{index}.ics returned {status}")
            for copy in stored:
                check(triggers(copy)[0] == EXPECTED_TRIGGERS, f"Radicale lost the VALARMs of {event.get('UID')}")
                check(str(copy.get("DESCRIPTION")) == str(event.get("DESCRIPTION")),
                      f"Radicale changed the DESCRIPTION of {event.get('UID')}")

        status, served, served_alarms = expand_query(base + "/tandem/programme/", window_start, window_end)
        check(status == 207, f"calendar-query returned {status}")
        for uid, starts in expected.items():
            check(sorted(served.get(uid, [])) == starts, f"Radicale expansion differs for {uid}")
        occurrences = sum(len(s) for s in served.values())
        check(served_alarms == 0 or served_alarms == occurrences,
              f"Radicale served VALARMs on {served_alarms} of its expanded occurrences, not all")
        print(f"Radicale's expansion: {served_alarms} of {occurrences} occurrences served with their VALARMs")

    print(f"calendar interop: {len(expected)} series checked")
    print(f"calendar interop checks: {passed} passed, {failed} failed")
    return 1 if failed or not expected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

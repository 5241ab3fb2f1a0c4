"""Drills against the real production server (issue 17), on SQLite and on PostgreSQL.

`coplan serve` (gunicorn, the production settings) runs on 127.0.0.1 on the test
database. People sign in through the sign-in page and write as they do in the app:
they add to a project's car park, and comment on an item in it. A write counts as
acknowledged when the server answers with its redirect to where the person goes next.

- Many at once: CLIENTS people write WRITES_EACH times each at the same moment; no
  answer is a server error, every write is acknowledged and is in the database once.
- Hard kills: while people write, the whole server (every worker) is killed with
  SIGKILL KILLS times at random moments and started again; afterwards the database
  passes its integrity checks and every acknowledged write is in it, once; a write
  whose answer was lost with the server is there at most once.

Bounded in count, never in time: the figures are printed in the test summary.
"""

import random
import threading
import time
from collections import Counter

import pytest
from django.db import connection

from tests.core.drill_server import (
    Writer,
    in_threads,
    integrity_failures,
    writers_in_a_project,
    written_texts,
)
from tests.core.drill_server import figures as drill_figures

pytestmark = pytest.mark.drill

CLIENTS = 16
WRITES_EACH = 200
KILLS = 20
KILL_WRITERS = 8
KILL_WRITES_AT_MOST = 2000  # each, so the drill ends even if the kills never come
WAIT = 120  # seconds, generous, for a busy machine; never a measure


def test_many_people_writing_at_once_lose_nothing_and_see_no_server_error(drill_server):
    drill_server.start()
    writers, project_id = writers_in_a_project(drill_server, CLIENTS)
    in_threads(writers, Writer.sign_in)
    start = threading.Barrier(CLIENTS, timeout=WAIT)

    def write_all(writer: Writer) -> None:
        start.wait()
        for number in range(WRITES_EACH):
            writer.write(number)

    in_threads(writers, write_all)
    drill_server.stop()

    statuses = sum((writer.statuses for writer in writers), Counter())
    acknowledged = [text for writer in writers for text in writer.acknowledged]
    written = written_texts(project_id)
    lost = [text for text in acknowledged if written[text] == 0]
    doubled = [text for text, times in written.items() if times > 1]
    never_acknowledged = set(written) - set(acknowledged)
    server_errors = sum(times for status, times in statuses.items() if str(status)[0] == "5")
    drill_figures.append(
        f"many at once ({connection.vendor}): {CLIENTS} people x {WRITES_EACH} writes, "
        f"{len(acknowledged)} acknowledged, {len(lost)} lost, {len(doubled)} doubled, "
        f"{server_errors} server errors (5xx); answers {dict(statuses)}"
    )
    print(drill_figures[-1])
    assert statuses == {302: CLIENTS * WRITES_EACH}, drill_server.log()[-5000:]
    assert len(acknowledged) == CLIENTS * WRITES_EACH
    assert (lost, doubled, never_acknowledged) == ([], [], set())


def test_hard_kills_of_the_server_keep_every_acknowledged_write(drill_server):
    drill_server.start()
    writers, project_id = writers_in_a_project(drill_server, KILL_WRITERS)
    in_threads(writers, Writer.sign_in)
    killing_done = threading.Event()

    def write_until_the_kills_are_done(writer: Writer) -> None:
        for number in range(KILL_WRITES_AT_MOST):
            if killing_done.is_set():
                return
            answers_before = writer.statuses["no answer"]
            writer.write(number)
            if writer.statuses["no answer"] > answers_before:
                time.sleep(0.2)  # the server is down: try again soon, with a new write

    chance = random.Random()
    kills = 0
    killer_failed = []

    def kill_and_restart() -> None:
        nonlocal kills
        try:
            for _ in range(KILLS):
                acknowledged_so_far = sum(len(writer.acknowledged) for writer in writers)
                deadline = time.monotonic() + WAIT
                # Kill only once writes are going through, at a random moment after that.
                while sum(len(writer.acknowledged) for writer in writers) == acknowledged_so_far:
                    assert time.monotonic() < deadline, "no write went through"
                    time.sleep(0.05)
                time.sleep(chance.uniform(0.0, 1.0))
                drill_server.kill()
                kills += 1
                drill_server.start()
        except AssertionError as error:
            killer_failed.append(error)
        finally:
            killing_done.set()

    killer = threading.Thread(target=kill_and_restart, daemon=True)
    killer.start()
    in_threads(writers, write_until_the_kills_are_done)
    killer.join(timeout=WAIT)
    drill_server.stop()

    failures = integrity_failures(connection.settings_dict)
    statuses = sum((writer.statuses for writer in writers), Counter())
    acknowledged = [text for writer in writers for text in writer.acknowledged]
    unanswered = [text for writer in writers for text in writer.unanswered]
    written = written_texts(project_id)
    lost = [text for text in acknowledged if written[text] != 1]
    doubled = [text for text, times in written.items() if times > 1]
    server_errors = sum(times for status, times in statuses.items() if str(status)[0] == "5")
    drill_figures.append(
        f"hard kills ({connection.vendor}): {kills} kills with {KILL_WRITERS} people writing, "
        f"{sum(statuses.values())} writes sent, {len(acknowledged)} acknowledged, "
        f"{len(lost)} lost, {len(doubled)} doubled, {server_errors} server errors (5xx), "
        f"{sum(1 for text in unanswered if written[text])} of {len(unanswered)} unanswered "
        f"writes saved, {len(failures)} integrity failures"
    )
    print(drill_figures[-1])
    assert (kills, killer_failed) == (KILLS, [])
    assert failures == []
    assert (lost, doubled, server_errors) == ([], [], 0)
    assert set(written) <= set(acknowledged) | set(unanswered)
    assert set(statuses) <= {302, "no answer"}, statuses

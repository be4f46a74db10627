"""Officers posting progress updates to one action at once: every update lands, none is lost."""

import threading

import pytest
from django.db import connection

from improvement import services
from improvement.models import Action, Rag
from tests.access import build_side

THREADS = 20
EACH = 10
RAGS = [Rag.RED, Rag.AMBER, Rag.GREEN]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_updates_from_20_threads_all_land_in_order_and_the_newest_is_current():
    side = build_side("Aldwick", 1)
    action = side.action
    version_before = Action.objects.get(pk=action.pk).version
    start = threading.Barrier(THREADS)
    errors = []

    def post(thread):
        try:
            start.wait()
            for n in range(EACH):
                services.add_progress_update(
                    action, side.officer, RAGS[(thread + n) % 3], f"thread {thread} update {n}"
                )
        except Exception as error:  # reported below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    updates = list(action.updates.exclude(pk=side.update.pk).order_by("created_at", "pk"))
    assert len(updates) == THREADS * EACH
    for thread in range(THREADS):
        mine = [u.narrative for u in updates if u.narrative.startswith(f"thread {thread} ")]
        assert mine == [f"thread {thread} update {n}" for n in range(EACH)]
    assert [u.pk for u in updates] == sorted(u.pk for u in updates)
    newest = action.updates.latest()
    action.refresh_from_db()
    assert newest == updates[-1]
    assert action.rag == newest.rag
    assert action.version == version_before + THREADS * EACH

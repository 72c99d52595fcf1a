"""Filling stories' search vectors after a bulk import rather than story by story.

On PostgreSQL a trigger computes a story's weighted search vector when it is written
(migration 0006), about a third of a millisecond for a story. Inside
`search_vectors_later()` the trigger leaves it NULL instead, and a second connection
fills those rows in batches while the import goes on, so the import's own connection
never waits for it. When the block ends every story written in it is searchable.
Elsewhere (SQLite) search reads the text directly and there is nothing to do.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db import DatabaseError, connection, connections

# Rewriting the headline fires the trigger, which keeps the one definition of the vector
# (this connection never sets `unnews.search_later`). Rows that other transactions hold are
# left for the next round, never waited for.
FILL = """
    UPDATE articles_article SET title = title
    WHERE id IN (
        SELECT id FROM articles_article WHERE search_vector IS NULL
        ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED
    )
"""
BATCH = 500
IDLE_SECONDS = 0.2


def fill_search_vectors() -> None:
    """Fill every search vector still missing."""
    while _fill_batch():
        pass


def _fill_batch() -> int:
    with connection.cursor() as cursor:
        cursor.execute(FILL, [BATCH])
        return cursor.rowcount


@contextmanager
def search_vectors_later():
    """Stories written in this block get their search vectors from a second connection."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET unnews.search_later TO on")
    done = threading.Event()
    helper = threading.Thread(target=_fill_until, args=(done,), name="search-vectors")
    helper.start()
    try:
        yield
    finally:
        done.set()
        helper.join()
        with connection.cursor() as cursor:
            cursor.execute("RESET unnews.search_later")
        # What the helper could not see yet (uncommitted then) or had no time for.
        fill_search_vectors()


def _fill_until(done: threading.Event) -> None:
    """The helper thread: fill batches as stories arrive, until the import is done.
    Django gives each thread its own connection; this one is closed at the end."""
    try:
        while not done.is_set():
            if not _fill_batch():
                done.wait(IDLE_SECONDS)
    except DatabaseError:
        pass  # the import's own connection fills whatever is left when it ends
    finally:
        connections.close_all()

"""Bounded waits on PostgreSQL."""

import contextlib
import contextvars
import logging
import os
import socket
import threading
import time
import weakref

from django.conf import settings
from django.db import connections
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)


# --- Bounded waits -------------------------------------------------------------------------
#
# PostgreSQL bounds a statement itself (``statement_timeout``), but only while it answers: a
# server that accepts bytes and never replies (a frozen host, a network that drops the
# replies) would hold a worker until gunicorn kills it. So the client bounds its waits too:
# connecting by ``connect_timeout``, and every query, and the health check of a reused
# connection, by a watchdog thread that shuts the connection's socket down once the wait
# passes its deadline. The blocked call then fails at once with a database error, which the
# request turns into the 503 page, and the broken connection is dropped.

# Seconds a query may wait beyond its statement timeout before the client gives up: the
# server's own cancellation is the clean ending and should come first.
QUERY_GRACE_SECONDS = 0.5
WATCHDOG_INTERVAL_SECONDS = 0.05

# The statement timeout (seconds) of the request being served, None outside requests.
_statement_timeout = contextvars.ContextVar("statement_timeout", default=None)
# The statement timeout each open PostgreSQL connection was last given (milliseconds).
_applied = weakref.WeakKeyDictionary()


class Watchdog:
    """Shuts down the socket of a database connection whose wait outlived its deadline."""

    def __init__(self):
        self.watched = {}
        self.pid = None
        self.lock = threading.Lock()

    @contextlib.contextmanager
    def watch(self, driver_connection, seconds):
        """Inside the block, ``driver_connection`` (psycopg) may wait at most ``seconds``."""
        if driver_connection is None or not seconds:
            yield
            return
        self.start()
        token = object()
        self.watched[token] = (time.monotonic() + seconds, driver_connection)
        try:
            yield
        finally:
            self.watched.pop(token, None)

    def start(self):
        # Once per process: a thread started before gunicorn forked does not run in workers.
        if self.pid == os.getpid():
            return
        with self.lock:
            if self.pid != os.getpid():
                self.watched.clear()
                threading.Thread(target=self.run, name="database-watchdog", daemon=True).start()
                self.pid = os.getpid()

    def run(self):
        while True:
            time.sleep(WATCHDOG_INTERVAL_SECONDS)
            now = time.monotonic()
            for token, (deadline, driver_connection) in list(self.watched.items()):
                if now >= deadline and self.watched.pop(token, None):
                    self.cut(driver_connection)

    def cut(self, driver_connection):
        logger.error("Database did not answer in time; dropping the connection")
        try:
            descriptor = os.dup(driver_connection.fileno())
        except Exception:  # closed meanwhile: nothing is waiting on it any more
            return
        with socket.socket(fileno=descriptor) as sock, contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


watchdog = Watchdog()


def guard_query(execute, sql, params, many, context):
    """An execute wrapper: the query may wait its statement timeout and a little more."""
    limit = _statement_timeout.get()
    with watchdog.watch(context["connection"].connection, limit and limit + QUERY_GRACE_SECONDS):
        return execute(sql, params, many, context)


def apply_statement_timeout(connection):
    """Give ``connection`` the current request's statement timeout if it has another one."""
    limit = _statement_timeout.get()
    if limit is None:
        return
    milliseconds = int(limit * 1000)
    driver_connection = connection.connection
    if _applied.get(driver_connection) == milliseconds:
        return
    # On the driver's connection: a session setting, not one of the page's queries (query
    # counts stay what the page needs), bounded by the watchdog like them.
    with (
        connection.wrap_database_errors,
        watchdog.watch(driver_connection, settings.DATABASE_CONNECT_TIMEOUT),
    ):
        driver_connection.execute(
            "SELECT set_config('statement_timeout', %s, false)", [str(milliseconds)]
        )
    _applied[driver_connection] = milliseconds


def on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        apply_statement_timeout(connection)


def connect_signals():
    connection_created.connect(on_connection_created, dispatch_uid="gorgan.statement_timeout")


@contextlib.contextmanager
def bounded_waits(statement_timeout):
    """Inside the block every wait on PostgreSQL is bounded (a request's database work).

    Statements get ``statement_timeout`` seconds (0: no limit) from the server and a little
    more from the watchdog. A connection kept from an earlier request is health-checked here,
    within ``DATABASE_CONNECT_TIMEOUT``: one that hangs is dropped and a new one made.
    """
    token = _statement_timeout.set(statement_timeout)
    try:
        with contextlib.ExitStack() as stack:
            for connection in connections.all():
                if connection.vendor != "postgresql":
                    continue
                stack.enter_context(connection.execute_wrapper(guard_query))
                if connection.connection is not None:
                    with watchdog.watch(connection.connection, settings.DATABASE_CONNECT_TIMEOUT):
                        # Opening a cursor runs Django's health check of a reused connection.
                        connection.cursor().close()
                    apply_statement_timeout(connection)
            yield
    finally:
        _statement_timeout.reset(token)

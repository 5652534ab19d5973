"""make fault-drill: the site served as production serves it, with PostgreSQL and Redis failing.

gunicorn with deploy/gunicorn.conf.py and gorgan.settings.prod reaches PostgreSQL and Redis
through fault proxies of ours (tests/faultproxy.py). After a minute without faults, each fault
runs for DRILL_SECONDS under load from a few concurrent readers, then the proxy passes again
and the drill measures how long the site takes to recover by itself. It prints one table row
per fault: requests, status counts per kind of request, latency, recovery, killed workers.

Kinds of request: *cached*, pages warmed into the page cache before the fault; *uncached*, an
article with a query parameter no one asked for before (the page cache misses, the view reads
the database); *comment*, a comment POST with a wrong token (the rate limit counts it in Redis,
the form then refuses it, so nothing is stored).

Environment (defaults): DATABASE_URL (postgres://postgres@127.0.0.1:5432/gorgan_drill; it
is migrated and the demo content loaded into it: use a scratch database), REDIS_URL
(redis://127.0.0.1:6379/5), DRILL_BIND (127.0.0.1:8160), DRILL_SECONDS (15), DRILL_READERS (6).
"""

import collections
import contextlib
import http.client
import itertools
import multiprocessing
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.faultproxy import BLACKHOLE, PASS, REFUSE, FaultProxy  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gorgan_drill")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
BIND = os.environ.get("DRILL_BIND", "127.0.0.1:8160")
FAULT_SECONDS = float(os.environ.get("DRILL_SECONDS", "15"))
READERS = int(os.environ.get("DRILL_READERS", "6"))
REQUEST_TIMEOUT = 60
# Between faults, so that one fault's recovery does not spill into the next row.
SETTLE_SECONDS = 5
FAULTS = [
    ("none", None, None),
    ("PostgreSQL refusing", "postgresql", REFUSE),
    ("PostgreSQL black hole", "postgresql", BLACKHOLE),
    ("Redis dead port", "redis", REFUSE),
    ("Redis black hole", "redis", BLACKHOLE),
]


def through(url, port):
    """``url`` with its host and port replaced by the local proxy's."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)
    netloc[-1] = f"127.0.0.1:{port}"
    return urlunsplit(parts._replace(netloc="@".join(netloc)))


def serve_proxies(targets, control):
    """The fault proxies, in a process of their own: the load generator's threads must not
    slow the proxied traffic down (which the site would take for a slow service)."""
    proxies = {name: FaultProxy(host, port).start() for name, (host, port) in targets.items()}
    control.send({name: proxy.port for name, proxy in proxies.items()})
    while (message := control.recv()) is not None:
        name, mode = message
        proxies[name].set_mode(mode)
        control.send(mode)
    for proxy in proxies.values():
        proxy.stop()


class Proxies:
    def __init__(self, targets):
        self.control, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(
            target=serve_proxies, args=(targets, theirs), daemon=True
        )
        self.process.start()
        self.ports = self.control.recv()

    def set_mode(self, name, mode):
        self.control.send((name, mode))
        self.control.recv()

    def stop(self):
        self.control.send(None)
        self.process.join(timeout=10)


def site_environment(static_root):
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "gorgan.settings.prod",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "drill-only-" + "x" * 50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
    }


def manage(environment, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=environment, check=True, capture_output=True
    )


def request(method, path, headers=None, body=None):
    """(status, seconds, body) of one request; status 0 when it failed or timed out."""
    host, port = BIND.rsplit(":", 1)
    headers = {"X-Forwarded-Proto": "https", "Host": BIND, **(headers or {})}
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, int(port), timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        status = response.status
        retry_after = response.getheader("Retry-After")
    except OSError:
        status, content, retry_after = 0, b"", None
    finally:
        connection.close()
    return status, time.monotonic() - started, content, retry_after


class Load:
    """Readers requesting cached pages, uncached pages and comment posts in turn."""

    def __init__(self, cached, article):
        self.cached = cached
        self.article = article
        self.results = []
        self.stop = threading.Event()
        self.counter = itertools.count()

    def next_request(self):
        n = next(self.counter)
        kind = ("cached", "cached", "uncached", "comment")[n % 4]
        if kind == "cached":
            return kind, "GET", self.cached[n % len(self.cached)], {}, None
        if kind == "uncached":
            return kind, "GET", f"{self.article}?drill={n}-{random.random()}", {}, None
        address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(256)}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": address,
        }
        body = "name=Drill&email=drill%40example.org&body=drill&website=&token=drill"
        return kind, "POST", f"{self.article}comments/", headers, body

    def reader(self):
        while not self.stop.is_set():
            kind, method, path, headers, body = self.next_request()
            status, seconds, _content, retry_after = request(method, path, headers, body)
            self.results.append((kind, status, seconds, retry_after))

    def run(self, seconds):
        threads = [threading.Thread(target=self.reader) for _ in range(READERS)]
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        self.stop.set()
        for thread in threads:
            thread.join()
        return self.results


def recovery_seconds(kind, article, limit=60, in_a_row=10):
    """Seconds until requests of ``kind`` succeed again after the fault ends: ``in_a_row``
    of them in a row, so that every worker has recovered, not only one."""
    started = time.monotonic()
    recovered_at, successes = None, 0
    while time.monotonic() - started < limit:
        if kind == "postgresql":
            status, *_rest = request("GET", f"{article}?recovered={random.random()}")
            recovered = status == 200
        else:
            status, *_rest = request(
                "POST",
                f"{article}comments/",
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Forwarded-For": f"10.255.{random.randrange(256)}.{random.randrange(256)}",
                },
                "name=Drill&email=drill%40example.org&body=drill&website=&token=drill",
            )
            recovered = status not in (0, 503)
        if not recovered:
            recovered_at, successes = None, 0
            time.sleep(0.1)
            continue
        if recovered_at is None:
            recovered_at = time.monotonic() - started
        successes += 1
        if successes == in_a_row:
            return recovered_at
    return None


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0


def status_counts(results, kind):
    counts = collections.Counter(status for k, status, _s, _r in results if k == kind)
    return " ".join(f"{status}×{count}" for status, count in sorted(counts.items())) or "-"


def recovery_text(service, recovery):
    if not service:
        return "-"
    return "not within 60 s" if recovery is None else f"{recovery:.1f} s"


def milliseconds(seconds):
    return f"{seconds * 1000:.0f}"


UNCACHED = {"PAGE_CACHE_SECONDS": "0", "STORED_PARTS": "off"}


@contextlib.contextmanager
def serving(environment, log_path):
    """gunicorn as production runs it, for the block; yields an article's path."""
    with open(log_path, "a") as log:
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "gorgan.wsgi:application",
                "-c",
                "deploy/gunicorn.conf.py",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        for _ in range(120):
            if request("GET", "/fa/")[0] == 200:
                break
            time.sleep(0.5)
        else:
            sys.exit(f"gunicorn did not start; see {log_path}")
        listing = request("GET", "/fa/news/")[2].decode()
        yield re.search(r'href="(/fa/news/[^"?#/]+/)"', listing).group(1)
    finally:
        server.terminate()
        server.wait(timeout=30)


def drill(label, service, mode, article, proxies, log_path):
    """One row of the table: ``service``'s proxy in ``mode`` for FAULT_SECONDS under load."""
    cached = ["/fa/", "/fa/news/", article, "/en/"]
    for path in cached:  # warm the page cache and the workers
        for _ in range(3):
            request("GET", path)
    time.sleep(SETTLE_SECONDS)
    before = log_path.read_text()
    if service:
        proxies.set_mode(service, mode)
    results = Load(cached, article).run(FAULT_SECONDS)
    recovery = None
    if service:
        proxies.set_mode(service, PASS)
        recovery = recovery_seconds(service, article)
    log = log_path.read_text()
    pages = [seconds for kind, _status, seconds, _r in results if kind != "comment"]
    uncached = [seconds for kind, _status, seconds, _r in results if kind == "uncached"]
    retry_after = all(r for _k, status, _s, r in results if status == 503)
    print(f"{label}: done", file=sys.stderr)
    return (
        label,
        len(results),
        status_counts(results, "cached"),
        status_counts(results, "uncached"),
        status_counts(results, "comment"),
        "yes" if retry_after else "NO",
        milliseconds(statistics.median(pages)),
        milliseconds(statistics.median(uncached)),
        milliseconds(percentile(pages, 0.99)),
        milliseconds(max(seconds for _k, _st, seconds, _r in results)),
        recovery_text(service, recovery),
        str(log.count("Cache unreachable") - before.count("Cache unreachable")),
        str(log.count("Booting worker") - before.count("Booting worker")),
    )


def main():
    run_dir = Path(tempfile.mkdtemp(prefix="gorgan-drill-"))
    environment = site_environment(run_dir / "static")
    database = urlsplit(DATABASE_URL)
    admin_url = urlunsplit(database._replace(path="/postgres"))
    name = database.path.strip("/")
    exists = subprocess.run(
        ["psql", admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    print("Preparing the database and static files...", file=sys.stderr)
    manage(environment, "migrate", "--no-input", "-v", "0")
    manage(environment, "load_demo")
    manage(environment, "collectstatic", "--no-input", "-v", "0")

    redis = urlsplit(REDIS_URL)
    proxies = Proxies(
        {
            "postgresql": (database.hostname or "127.0.0.1", database.port or 5432),
            "redis": (redis.hostname or "127.0.0.1", redis.port or 6379),
        }
    )
    log_path = run_dir / "gunicorn.log"
    server_environment = environment | {
        "DATABASE_URL": through(DATABASE_URL, proxies.ports["postgresql"]),
        "REDIS_URL": through(REDIS_URL, proxies.ports["redis"]),
        "GUNICORN_BIND": BIND,
    }
    rows = []
    try:
        # What the database alone gives: no page cache, no page parts (the measure for pages
        # rendered while Redis is away).
        with serving(server_environment | UNCACHED, log_path) as article:
            rows.append(drill("none, caches off", None, None, article, proxies, log_path))
        with serving(server_environment, log_path) as article:
            for label, service, mode in FAULTS:
                rows.append(drill(label, service, mode, article, proxies, log_path))
    finally:
        proxies.stop()

    print(
        f"Fault drill: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} "
        f"cores, gunicorn ({os.environ.get('GUNICORN_WORKERS', '3')} sync workers), "
        f"{READERS} concurrent readers, {FAULT_SECONDS:.0f} s per fault.\n"
    )
    print(
        "| fault | requests | cached pages | uncached pages | comment posts | 503 with "
        "Retry-After | p50 pages ms | p50 uncached ms | p99 pages ms | max ms | recovery | "
        "Redis skipped | workers killed |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

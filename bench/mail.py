"""`make bench-mail`: how many messages a second one task worker sends to subscribers.

Runs in a scratch database (SQLite in a temporary folder, or BENCH_DATABASE_URL, which it
fills and does not clean), with a local SMTP server (aiosmtpd) that counts what it receives:

1. 10,000 confirmed subscribers (BENCH_SUBSCRIBERS) and a release in draft;
2. the editor's save that publishes it, timed, with its queries counted: it only enqueues;
3. one `db_worker` runs the queue until it is empty: the distribution task, then one task
   per 500 subscribers, each sending over one SMTP connection. Messages a second =
   messages the server received / the worker's time.
"""

import os
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))


class Counter:
    def __init__(self):
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        self.received += len(envelope.rcpt_tos)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    from aiosmtpd.controller import Controller

    counter = Counter()
    smtp = Controller(counter, hostname="127.0.0.1", port=free_port())
    smtp.start()
    scratch = tempfile.mkdtemp(prefix="gorgan-bench-mail-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="gorgan.settings.dev",
        DEBUG="0",
        SECRET_KEY="bench-only-key",
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        EMAIL_USE_TLS="0",
        EMAIL_USE_SSL="0",
        MEDIA_ROOT=f"{scratch}/media",
        MESSENGER_FOLDER=f"{scratch}/channels",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from newsroom.models import Office, PressRelease, Section, Subscriber
    from newsroom.models.subscriptions import MailDelivery

    call_command("migrate", verbosity=0)
    office, section = Office(), Section(slug=f"bench-{int(time.time())}")
    office.set_current_language("fa")
    office.name = "روابط عمومی"
    office.save()
    section.set_current_language("fa")
    section.name = "اخبار"
    section.save()
    now = timezone.now()
    start = Subscriber.objects.count()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"bench{start + n}@example.org",
                language=("fa", "en", "zh-hans")[n % 3],
                confirmed_at=now,
            )
            for n in range(SUBSCRIBERS)
        ),
        batch_size=2000,
    )
    release = PressRelease(status=PressRelease.Status.DRAFT, office=office, section=section)
    for language, title in (("fa", "خبر آزمایش سرعت"), ("en", "Throughput test")):
        release.set_current_language(language)
        release.title, release.slug = title, f"{title}-{int(time.time())}".replace(" ", "-")
        release.lead = title + " — " + "lead " * 30
    release.save()

    release.status = PressRelease.Status.PUBLISHED
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        release.save()
        save_seconds = time.perf_counter() - began

    began = time.perf_counter()
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, interval=0.05, verbosity=0
    )
    worker_seconds = time.perf_counter() - began
    smtp.stop()

    sent = MailDelivery.objects.filter(release=release, status="sent").count()
    database = connection.vendor
    print(f"subscribers: {SUBSCRIBERS:,}  database: {database}")
    print(f"publishing save: {save_seconds * 1000:.0f} ms, {len(queries)} queries (enqueues only)")
    print(
        f"worker: {counter.received:,} messages received by the SMTP server, {sent:,} recorded sent"
    )
    print(
        f"worker time: {worker_seconds:.1f} s  =>  "
        f"{counter.received / worker_seconds:.0f} messages/s"
    )


if __name__ == "__main__":
    main()

"""Load the demo site: the Gorgan–Guangzhou release, a dozen more, the sister-city tracker,
and a demo admin account.

The content lives in data files beside each app's loader (``gorgan/demo/``,
``newsroom/demo/``, ``sistercities/demo/``) and is written through the models, as staff input
is. A second run only adds what is missing, so staff edits to demo items survive; ``--reset``
puts the demo's own values back on purpose.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from gorgan import demo_loader as site_demo
from newsroom import demo_loader as newsroom_demo
from newsroom.models import PressRelease
from sistercities import demo_loader as sistercities_demo

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "gorgan-demo-1405"


class Command(BaseCommand):
    help = (
        "Load the demo content and create the demo admin account. Safe to repeat: a second "
        "run adds what is missing and leaves edited demo items alone (see --reset)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="Where the demo will be served (host:port), for the closing line.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Put every demo item back as the demo has it, undoing edits made to them.",
        )

    @transaction.atomic
    def handle(self, *args, address="127.0.0.1:8000", reset=False, **options):
        site_demo.load(reset=reset)
        newsroom_demo.load(reset=reset)
        sistercities_demo.load(reset=reset)
        created = self.ensure_admin()
        site = f"http://{address}/"
        self.stdout.write(
            f"The demo journalist's press room: http://{address}{newsroom_demo.press_room_path()}"
            "  (e-mails and channel posts are written to outbox/, see README.md)"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {PressRelease.objects.count()} releases. "
                f"Site: {site}  Admin: {site}{settings.ADMIN_URL}  "
                f"user {DEMO_ADMIN_USERNAME!r}, password "
                + (f"{DEMO_ADMIN_PASSWORD!r}" if created else "unchanged (account existed)")
                + " — change it before the site leaves your machine."
            )
        )

    def ensure_admin(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            return False
        user_model.objects.create_superuser(
            DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD
        )
        return True

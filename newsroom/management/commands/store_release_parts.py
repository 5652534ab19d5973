from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client, override_settings

from newsroom.models import PressRelease


class Command(BaseCommand):
    help = (
        "Render and store the parts of every public release's page in each language, so that "
        "no reader waits for them: after a deployment, or for content imported in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--host",
            required=True,
            help="The site's host name, as readers address it (with its port, if any).",
        )
        parser.add_argument("--http", action="store_true", help="The site is served over HTTP.")

    def handle(self, host, http, **options):
        # Through the site's own views, as a reader's request would (parts hold absolute URLs).
        client = Client(HTTP_HOST=host)
        stored = 0
        releases = PressRelease.objects.published().prefetch_related("translations")
        # Parts are stored per host as readers send it, port included; Django allows hosts
        # by name alone.
        with override_settings(
            PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=[urlsplit(f"//{host}").hostname]
        ):
            for release in releases.iterator(chunk_size=200):
                for code, _name in settings.LANGUAGES:
                    response = client.get(release.get_absolute_url(code), secure=not http)
                    stored += response.status_code == 200
        self.stdout.write(f"Stored the parts of {stored} release pages.")

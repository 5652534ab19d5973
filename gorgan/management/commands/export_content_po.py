"""``manage.py export_content_po``: content to translate, as PO files for translators' tools."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gorgan.kit.content_po import export_content
from gorgan.kit.translation_tracking import SOURCE_LANGUAGE


class Command(BaseCommand):
    help = (
        "Write one PO file per translated kind of content (releases, tags, ...) for a "
        "language: Persian text as msgid, the current translation as msgstr."
    )

    def add_arguments(self, parser):
        targets = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
        parser.add_argument("--language", required=True, choices=targets)
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="Leave out entries whose translation exists and is up to date.",
        )
        parser.add_argument(
            "--output",
            default="content-po",
            metavar="DIR",
            help="Folder to write the files into (default: content-po).",
        )

    def handle(self, *args, **options):
        try:
            written = export_content(
                options["language"], options["output"], missing_only=options["missing_only"]
            )
        except OSError as error:
            raise CommandError(f"Could not write the files: {error}") from error
        for content, path, count in written:
            if path is None:
                self.stdout.write(f"{content.key}: nothing to translate, no file written")
            else:
                self.stdout.write(f"{content.key}: {count} entries → {path}")

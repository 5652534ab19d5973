"""List (and with --delete remove) stored media files that no database row refers to."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from gorgan.kit.media import orphaned_files


class Command(BaseCommand):
    help = (
        "List media files that no database row refers to (every file and image field of every "
        "model, plus image renditions). A dry run unless --delete is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Remove the orphaned files instead of listing."
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Leave alone files younger than this (uploads still being saved). Default 60.",
        )

    def handle(self, *args, delete=False, min_age=60, **options):
        count = 0
        for orphan in orphaned_files(min_age=timedelta(minutes=min_age)):
            count += 1
            if delete:
                orphan.storage.delete(orphan.name)
                self.stdout.write(f"deleted {orphan.name}")
            else:
                self.stdout.write(orphan.name)
        if delete:
            summary = f"{count} orphaned file(s) deleted."
        else:
            summary = f"{count} orphaned file(s) found (dry run; use --delete to remove them)."
        self.stdout.write(self.style.SUCCESS(summary) if count == 0 or delete else summary)

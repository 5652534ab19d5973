"""Rebuild the renditions of every image from its stored original."""

from django.core.management.base import BaseCommand

from newsroom.models import Image


class Command(BaseCommand):
    help = (
        "Rebuild the WebP and JPEG renditions and the Open Graph crop of every image from its "
        "stored original (after the rendition sizes change, or to repair missing files)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only images whose renditions have not been made yet.",
        )

    def handle(self, *args, missing=False, **options):
        images = Image.objects.order_by("pk")
        if missing:
            images = images.filter(rendition_widths=[])
        count = failed = 0
        for image in images.iterator(chunk_size=200):
            try:
                image.regenerate_renditions()
            except (OSError, ValueError) as error:  # a missing or unreadable original
                failed += 1
                self.stderr.write(f"{image.file.name}: {error}")
                continue
            count += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"{image.file.name}: {image.rendition_widths}")
        self.stdout.write(self.style.SUCCESS(f"Renditions rebuilt for {count} image(s)."))
        if failed:
            self.stderr.write(f"{failed} image(s) could not be read; see above.")

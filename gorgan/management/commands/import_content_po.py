"""``manage.py import_content_po``: apply translated content PO files."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from gorgan.kit.content_po import import_file


class Command(BaseCommand):
    help = (
        "Apply the translated entries of content PO files written by export_content_po. "
        "Entries whose Persian text changed since the export are refused; other languages "
        "and fields are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument(
            "--verbose-unchanged",
            action="store_true",
            help="Also list entries that were already up to date or left untranslated.",
        )

    def handle(self, *args, **options):
        # Validation messages in English, like the rest of the report.
        with translation.override("en"):
            self.import_files(options)

    def import_files(self, options):
        problems = 0
        for path in options["files"]:
            try:
                result = import_file(path, dry_run=options["dry_run"])
            except (OSError, ValueError) as error:
                raise CommandError(str(error)) from error
            self.write_result(path, result, options)
            problems += len(result.refused) + len(result.errors)
        if problems:
            raise CommandError(f"{problems} entries were not applied; see the report above.")

    def write_result(self, path, result, options):
        prefix = "Would apply" if options["dry_run"] else "Applied"
        self.stdout.write(f"{path} ({result.language_code}):")
        sections = [
            ("changed", result.changed),
            ("confirmed up to date", result.confirmed),
            ("REFUSED", result.refused),
            ("ERROR", result.errors),
        ]
        if options["verbose_unchanged"]:
            sections += [("unchanged", result.unchanged), ("skipped", result.skipped)]
        for word, items in sections:
            for ref, detail in items:
                self.stdout.write(f"  {word}: {ref}" + (f" — {detail}" if detail else ""))
        self.stdout.write(
            f"  {prefix}: {len(result.changed)} changed, {len(result.confirmed)} confirmed, "
            f"{len(result.unchanged)} unchanged, {len(result.skipped)} skipped, "
            f"{len(result.refused)} refused, {len(result.errors)} errors."
        )

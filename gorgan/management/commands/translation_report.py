"""``manage.py translation_report``: how complete each language is, for people and for CI."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gorgan.kit.translation_report import build_report


class Command(BaseCommand):
    help = (
        "Per language: the percentage of interface strings translated (from the .po catalogs) "
        "and the content items whose translation is missing or outdated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Report on this language only (repeat for several).",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--fail-under",
            type=float,
            metavar="N",
            help=(
                "Exit with an error when any reported language has less than N percent of "
                "its interface strings, or of its content items, translated and up to date."
            ),
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=20,
            help="How many missing or outdated items to name per model in text output.",
        )

    def handle(self, *args, **options):
        report = build_report(options["language"])
        threshold = options["fail_under"]
        failing = [
            figures.code
            for figures in report
            if threshold is not None
            and min(figures.interface_percent, figures.content_percent) < threshold
        ]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "languages": [figures.as_dict() for figures in report],
                        "fail_under": threshold,
                        "failing": failing,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            self.write_text(report, options["limit"])
        if failing:
            raise CommandError(
                f"Below {threshold:g}% in: {', '.join(failing)} (see the figures above)."
            )

    def write_text(self, report, limit):
        for figures in report:
            role = " — source language" if figures.is_source else ""
            self.stdout.write(f"{figures.name} ({figures.code}){role}")
            self.stdout.write(
                f"  Interface: {figures.strings_translated} of {figures.strings_total} strings "
                f"translated ({figures.interface_percent:.1f}%)"
            )
            self.stdout.write(
                f"  Content: {figures.content_current} of {figures.content_total} items "
                f"translated and up to date ({figures.content_percent:.1f}%)"
            )
            # Kinds of content the site has none of yet would only be noise here.
            for item in (item for item in figures.content if item.total):
                noun = "item" if item.total == 1 else "items"
                self.stdout.write(
                    f"    {item.label}: {item.total} {noun}, {len(item.missing)} missing, "
                    f"{len(item.outdated)} outdated"
                )
                for word, pks in (("missing", item.missing), ("outdated", item.outdated)):
                    if pks:
                        shown = ", ".join(f"#{pk}" for pk in pks[:limit])
                        more = f" and {len(pks) - limit} more" if len(pks) > limit else ""
                        self.stdout.write(f"      {word}: {shown}{more}")

"""Load the demo site: the Gorgan–Guangzhou release, a dozen more, and a demo admin account."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from gorgan import demo_content as site_demo_content
from newsroom import demo_content, demo_images
from newsroom.models import Office, PressRelease, Section, Tag
from sistercities.demo_loader import load_sister_cities

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "gorgan-demo-1405"


def set_translations(obj, translations, make_slug_from=None):
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
        if make_slug_from:
            obj.slug = slugify(fields[make_slug_from], allow_unicode=True)[:250]
    obj.set_current_language(settings.LANGUAGE_CODE)


def names_by_language(entry):
    return {code: entry[code] for code, _name in settings.LANGUAGES if entry.get(code)}


class Command(BaseCommand):
    help = (
        "Load the demo content and create the demo admin account. Safe to repeat: only what is "
        "missing is created, and demo items staff have edited stay as they are; --reset puts "
        "the demo values back."
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
            help="Put every demo item back as the demo has it, undoing staff edits to them.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        self.reset = options.get("reset", False)
        site_demo_content.load(reset=self.reset)
        offices = {entry["key"]: self.load_office(entry) for entry in demo_content.OFFICES}
        sections = {
            entry["key"]: self.load_section(entry, order)
            for order, entry in enumerate(demo_content.SECTIONS)
        }
        tags = {entry["slug"]: self.load_tag(entry) for entry in demo_content.TAGS}
        created = [
            entry["short_code"]
            for entry in [demo_content.SEED_RELEASE, *demo_content.RELEASES]
            if self.load_release(entry, offices, sections, tags)
        ]
        load_sister_cities(
            related_short_codes=[demo_content.SEED_RELEASE["short_code"]], reset=self.reset
        )
        # Placards for new releases only: a picture an editor removed stays removed.
        demo_images.load(None if self.reset else created)
        for entry in [demo_content.SEED_RELEASE, *demo_content.RELEASES]:
            if entry["short_code"] in created:
                self.date_release(entry)
        created = self.ensure_admin()
        site = f"http://{options['address']}/"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {PressRelease.objects.count()} releases. "
                f"Site: {site}  Admin: {site}{settings.ADMIN_URL}  "
                f"user {DEMO_ADMIN_USERNAME!r}, password "
                + (f"{DEMO_ADMIN_PASSWORD!r}" if created else "unchanged (account existed)")
                + " — change it before the site leaves your machine."
            )
        )

    def load_office(self, entry):
        names = names_by_language(entry)
        office = (
            Office.objects.filter(
                translations__language_code=settings.LANGUAGE_CODE,
                translations__name=names[settings.LANGUAGE_CODE],
            ).first()
            or Office()
        )
        if office.pk and not self.reset:
            return office
        set_translations(office, {code: {"name": name} for code, name in names.items()})
        office.save()
        return office

    def load_section(self, entry, order):
        section = Section.objects.filter(slug=entry["key"]).first() or Section(slug=entry["key"])
        if section.pk and not self.reset:
            return section
        section.order = order
        set_translations(
            section, {code: {"name": name} for code, name in names_by_language(entry).items()}
        )
        section.save()
        return section

    def load_tag(self, entry):
        tag = Tag.objects.filter(slug=entry["slug"]).first() or Tag(slug=entry["slug"])
        if tag.pk and not self.reset:
            return tag
        tag.name = entry[settings.LANGUAGE_CODE]
        set_translations(
            tag, {code: {"label": label} for code, label in names_by_language(entry).items()}
        )
        tag.save()
        return tag

    def load_release(self, entry, offices, sections, tags):
        """Create the release if missing (or put it back with --reset); True when written."""
        release = PressRelease.objects.filter(short_code=entry["short_code"]).first()
        if release is not None and not self.reset:
            return False
        release = release or PressRelease(short_code=entry["short_code"])
        release.status = PressRelease.Status.PUBLISHED
        release.publish_at = datetime.datetime.fromisoformat(entry["publish_at"])
        release.office = offices[entry["office"]]
        release.section = sections[entry["section"]]
        release.sign_off = entry.get("sign_off", "")
        set_translations(release, entry["translations"], make_slug_from="title")
        release.save()
        release.tags.set([tags[slug] for slug in entry["tags"]])
        return True

    def date_release(self, entry):
        """Give a demo release the times of its story, not of this command's run.

        Feeds, sitemaps and structured data report when content changed; a demo release was
        written when it was published (or at its ``updated_at``), however often it is loaded.
        """
        written = datetime.datetime.fromisoformat(entry.get("updated_at", entry["publish_at"]))
        releases = PressRelease.objects.filter(short_code=entry["short_code"])
        releases.update(created_at=written, updated_at=written)
        PressRelease._parler_meta.root_model.objects.filter(master__in=releases).update(
            saved_at=written
        )

    def ensure_admin(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            return False
        user_model.objects.create_superuser(
            DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD
        )
        return True

"""The newsroom's demo (``newsroom/demo/``): offices, sections, tags, releases and placards.

Everything is written through the models' ``save()``, as staff input is: bodies are sanitised,
search documents computed and pictures processed the same way.
"""

import datetime
import functools
import re
import tomllib
from pathlib import Path

from django.conf import settings

from gorgan.kit import dependencies
from gorgan.kit.dependencies import key
from gorgan.kit.translated import set_translations

from .models import Channel, Journalist, Office, PressContact, PressRelease, Section, Tag

DEMO_DIR = Path(__file__).resolve().parent / "demo"
BETWEEN_BLOCKS = re.compile(r">\s*\n\s*<")


@functools.cache
def data():
    """The demo's newsroom data (``newsroom.toml``), each release with its bodies."""
    content = tomllib.loads((DEMO_DIR / "newsroom.toml").read_text(encoding="utf-8"))
    for release in content["releases"]:
        for language, fields in release["translations"].items():
            body = DEMO_DIR / "releases" / f"{release['short_code']}.{language}.html"
            # One block element a line in the file; no text between them on the page.
            fields["body"] = BETWEEN_BLOCKS.sub("><", body.read_text(encoding="utf-8").strip())
    return content


def names_by_language(entry):
    return {code: entry[code] for code, _name in settings.LANGUAGES if entry.get(code)}


def load_office(entry, reset):
    names = names_by_language(entry)
    office = Office.objects.filter(
        translations__language_code=settings.LANGUAGE_CODE,
        translations__name=names[settings.LANGUAGE_CODE],
    ).first()
    if office is None or reset:
        office = office or Office()
        set_translations(office, {code: {"name": name} for code, name in names.items()})
        office.save()
    return office


def load_section(entry, order, reset):
    section = Section.objects.filter(slug=entry["key"]).first()
    if section is None or reset:
        section = section or Section(slug=entry["key"])
        section.order = order
        set_translations(
            section, {code: {"name": name} for code, name in names_by_language(entry).items()}
        )
        section.save()
    return section


def load_tag(entry, reset):
    tag = Tag.objects.filter(slug=entry["slug"]).first()
    if tag is None or reset:
        tag = tag or Tag(slug=entry["slug"])
        tag.name = entry[settings.LANGUAGE_CODE]
        set_translations(
            tag, {code: {"label": label} for code, label in names_by_language(entry).items()}
        )
        tag.save()
    return tag


def load_release(entry, offices, sections, tags, reset):
    """The demo release of ``entry``, created if missing (or put back with ``reset``), and
    whether it was written."""
    release = PressRelease.objects.filter(short_code=entry["short_code"]).first()
    if release is not None and not reset:
        return release, False
    release = release or PressRelease(short_code=entry["short_code"])
    release.status = PressRelease.Status.PUBLISHED
    release.publish_at = datetime.datetime.fromisoformat(entry["publish_at"])
    release.office = offices[entry["office"]]
    release.section = sections[entry["section"]]
    release.sign_off = entry.get("sign_off", "")
    set_translations(release, entry["translations"], slug_from="title")
    release.save()
    release.tags.set([tags[slug] for slug in entry["tags"]])
    return release, True


def date_release(entry):
    """Give a demo release the times of its story, not of the command's run.

    Feeds, sitemaps and structured data report when content changed; a demo release was
    written when it was published (or at its ``updated_at``), however often it is loaded.
    """
    written = datetime.datetime.fromisoformat(entry.get("updated_at", entry["publish_at"]))
    releases = PressRelease.objects.filter(short_code=entry["short_code"])
    releases.update(created_at=written, updated_at=written)
    PressRelease._parler_meta.root_model.objects.filter(master__in=releases).update(
        saved_at=written
    )
    # Updates send no signals: pages that show these releases are told here.
    dependencies.changed(*(key(PressRelease, pk) for pk in releases.values_list("pk", flat=True)))


def load(reset=False):
    """Create what the newsroom's demo lacks; ``reset`` puts back the demo's own values.

    Returns the demo's releases, the seed first.
    """
    from . import demo_images

    content = data()
    offices = {entry["key"]: load_office(entry, reset) for entry in content["offices"]}
    sections = {
        entry["key"]: load_section(entry, order, reset)
        for order, entry in enumerate(content["sections"])
    }
    tags = {entry["slug"]: load_tag(entry, reset) for entry in content["tags"]}
    loaded = [load_release(entry, offices, sections, tags, reset) for entry in content["releases"]]
    written = [
        entry
        for entry, (_release, was_written) in zip(content["releases"], loaded, strict=True)
        if was_written
    ]
    # Placards for new releases only: a picture an editor removed stays removed.
    demo_images.load([entry["short_code"] for entry in written])
    for entry in written:
        date_release(entry)
    load_reach(reset, offices, sections, tags)
    return [release for release, _was_written in loaded]


@functools.cache
def reach_data():
    """The demo's channel, journalist and embargoed release (``reach.toml``)."""
    content = tomllib.loads((DEMO_DIR / "reach.toml").read_text(encoding="utf-8"))
    release = content["embargoed"]
    for language, fields in release["translations"].items():
        body = DEMO_DIR / "releases" / f"{release['short_code']}.{language}.html"
        fields["body"] = BETWEEN_BLOCKS.sub("><", body.read_text(encoding="utf-8").strip())
    return content


def load_reach(reset, offices, sections, tags):
    """The local test channel and the journalist (before the release, so both receive it),
    then the embargoed release, due a few hours after it is first loaded."""
    from django.utils import timezone

    content = reach_data()
    for entry in content["channels"]:
        Channel.objects.get_or_create(kind=entry["kind"], chat_id=entry["chat_id"], defaults=entry)
    for entry in content["journalists"]:
        Journalist.objects.get_or_create(email=entry["email"], defaults=entry)
    entry = content["embargoed"]
    release = PressRelease.objects.filter(short_code=entry["short_code"]).first()
    if release is not None and not reset:
        return release
    release = release or PressRelease(short_code=entry["short_code"])
    release.status = PressRelease.Status.PUBLISHED
    release.embargoed = True
    release.publish_at = timezone.now() + datetime.timedelta(hours=entry["hours_ahead"])
    release.office = offices[entry["office"]]
    release.section = sections[entry["section"]]
    release.sign_off = entry["sign_off"]
    set_translations(release, entry["translations"], slug_from="title")
    release.save()
    release.tags.set([tags[slug] for slug in entry["tags"]])
    release.press_contacts.all().delete()
    for order, fields in enumerate(entry["contacts"], start=1):
        contact = PressContact(
            release=release, phone=fields["phone"], email=fields["email"], order=order
        )
        set_translations(contact, names_by_language(fields))
        contact.save()
    return release


def press_room_path():
    """The demo journalist's press room, for the demo's closing line."""
    from django.urls import reverse

    from . import mailing

    journalist = Journalist.objects.filter(email=reach_data()["journalists"][0]["email"]).first()
    if journalist is None:
        return ""
    return reverse("newsroom:press-room", kwargs={"token": mailing.press_room_token(journalist)})

"""Small factories: each builds a valid object and lets a test say only what it cares about."""

import itertools
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from newsroom.models import Office, PressRelease, Section, Tag

_counter = itertools.count(1)


def make_office(**names):
    office = Office()
    for language, name in (names or {"fa": "روابط عمومی شهرداری گرگان"}).items():
        office.set_current_language(language)
        office.name = name
    office.save()
    return office


def make_section(slug=None, **names):
    section = Section(slug=slug or f"section-{next(_counter)}")
    for language, name in (names or {"fa": "اخبار", "en": "News"}).items():
        section.set_current_language(language)
        section.name = name
    section.save()
    return section


def make_tag(name=None, slug=None, **labels):
    number = next(_counter)
    name = name or f"برچسب {number}"
    tag = Tag(name=name, slug=slug or f"tag-{number}")
    for language, label in ({"fa": name} | labels).items():
        tag.set_current_language(language)
        tag.label = label
    tag.save()
    return tag


def make_release(
    languages=("fa", "en", "zh-hans"),
    status=PressRelease.Status.PUBLISHED,
    publish_at=None,
    tags=(),
    section=None,
    office=None,
    title=None,
    **fields,
):
    """A release translated into ``languages``; published an hour ago unless told otherwise."""
    number = next(_counter)
    release = PressRelease(
        status=status,
        publish_at=publish_at if publish_at is not None else timezone.now() - timedelta(hours=1),
        section=section or make_section(),
        office=office or make_office(),
        sign_off="الف",
        **fields,
    )
    titles = {"fa": f"خبر شماره {number}", "en": f"Release {number}", "zh-hans": f"新闻{number}"}
    for language in languages:
        release.set_current_language(language)
        release.title = (title or {}).get(language, titles[language])
        release.slug = slugify(release.title, allow_unicode=True)
        release.lead = f"{release.title} lead"
        release.body = f"<p>{release.title} body</p>"
    release.save()
    if tags:
        release.tags.set(list(tags))
    return release


def make_staff(*roles, username=None, **fields):
    """A staff account in the given role groups (``gorgan.roles``); no roles, no permissions."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        username=username or f"staff-{next(_counter)}",
        password="correct horse battery staple",
        is_staff=True,
        **fields,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    return user

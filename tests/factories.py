"""Small factories: each builds a valid object and lets a test say only what it cares about."""

import itertools
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from gorgan.models import Service, SiteIdentity
from newsroom.models import Comment, Office, PressRelease, Section, Tag

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


def make_comment(release, status=Comment.Status.APPROVED, **fields):
    number = next(_counter)
    values = {
        "name": f"شهروند {number}",
        "body": f"نظر شماره {number}",
        "language_code": "fa",
        "ip_hash": "0" * 64,
    }
    return Comment.objects.create(release=release, status=status, **(values | fields))


def make_site_identity(**translations):
    identity = SiteIdentity(phone="017-32224001", email="info@gorgan.ir")
    defaults = {"fa": {"name": "شهرداری گرگان", "slogan": "شهر پاکیزه", "address": "گرگان"}}
    for language, fields in (translations or defaults).items():
        identity.set_current_language(language)
        for name, value in fields.items():
            setattr(identity, name, value)
    identity.save()
    return identity


def make_service(order=0, active=True, icon="receipt", url=None, **titles):
    number = next(_counter)
    service = Service(
        url=url or f"https://gorgan.ir/services/{number}", order=order, active=active, icon=icon
    )
    for language, title in (titles or {"fa": f"خدمت {number}"}).items():
        service.set_current_language(language)
        service.title = title
        service.description = f"{title}: توضیح"
    service.save()
    return service


# The release admin form's inline formsets, posted empty.
EMPTY_RELEASE_INLINES = {
    "gallery_items-TOTAL_FORMS": "0",
    "gallery_items-INITIAL_FORMS": "0",
    "press_contacts-TOTAL_FORMS": "0",
    "press_contacts-INITIAL_FORMS": "0",
    "similar_pins-TOTAL_FORMS": "0",
    "similar_pins-INITIAL_FORMS": "0",
}


def make_staff(*roles, username=None, **fields):
    """A staff account in the given role groups (``gorgan.kit.roles``); no roles, no permissions."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        username=username or f"staff-{next(_counter)}",
        password="correct horse battery staple",
        is_staff=True,
        **fields,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    return user

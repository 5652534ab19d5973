"""The newsroom in the read API: releases, sections and tags (``/api/v1/…``).

Every release comes from ``PressRelease.objects.published()``: drafts and scheduled releases
never appear, and a release's scheduled time is never shown (``published_at`` is the moment it
went public). Lists in a language hold the releases translated into it, as the site's lists
do; a single release asked for in a language it lacks is given in Persian, marked
``is_fallback``.

Other apps add release filters (``register_release_filter``) from ``AppConfig.ready()``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from gorgan.kit import api
from gorgan.kit.api import LANGUAGE_PARAMETER, show_in_language, with_language

from . import renditions
from .models import PressRelease, Section, Tag, images_for_release, tagged_items_with_labels
from .pagination import decode_cursor, newest_first_page
from .serializers import (
    ReleaseDetailSerializer,
    ReleaseSerializer,
    SectionSerializer,
    TagSerializer,
)


@dataclass(frozen=True)
class ReleaseFilter:
    name: str
    description: str
    apply: object  # (releases, value) -> releases; raises ValidationError for a bad value


#: A short code for ``api.address``: it matches the converter and nothing else in the path.
SHORT = "ffffffff"
#: Filters of the release list other apps add (``?agreement=`` from the sister cities).
RELEASE_FILTERS = {}


def register_release_filter(name, description, apply):
    """Let ``?<name>=value`` narrow the release list through ``apply(releases, value)``."""
    RELEASE_FILTERS[name] = ReleaseFilter(name, description, apply)


def api_path(name, language, argument=None, value=None, placeholder="placeholder"):
    path = api.address(f"api:{name}", language, argument, value, placeholder)
    return with_language(path, language)


def release_paths(release):
    """``{language: path of the release's page}``; the Persian slug where not translated (the
    site serves that address as the Persian fallback page)."""
    slugs = {row.language_code: row.slug for row in release.translations.all()}
    source = slugs.get(settings.LANGUAGE_CODE, "")
    return {
        code: api.address("newsroom:release-detail", code, "slug", slugs.get(code) or source)
        for code in api.api_languages()
    }


def section_path(slug, language):
    return api.address("newsroom:section-detail", language, "slug", slug)


def tag_path(slug, language):
    return api.address("newsroom:tag-detail", language, "slug", slug)


# --- The data of each answer, from prefetched rows ---


def image_data(image, language, absolute):
    """A picture's texts, renditions and crops; ``None`` until its renditions are made."""
    widths = image.rendition_widths
    if not widths:
        return None
    storage = image.file.storage
    alt, alt_language = image.alt_text_for(language)
    largest = widths[-1]
    return {
        "alt": alt,
        "alt_language": alt_language,
        # As on the site's pages: caption and credit only in the language itself.
        "caption": image.text_for("caption", language),
        "credit": image.text_for("credit", language),
        "width": largest,
        "height": renditions.scaled_height(image.width, image.height, largest),
        "renditions": [
            {
                "url": absolute(
                    storage.url(renditions.rendition_name(image.content_hash, width, extension))
                ),
                "width": width,
                "height": renditions.scaled_height(image.width, image.height, width),
                "format": "jpeg" if extension == "jpg" else extension,
            }
            for width in widths
            for extension, _format, _options in renditions.FORMATS
        ],
        "crops": [
            {
                "name": name,
                "url": absolute(storage.url(renditions.crop_name(image.content_hash, name))),
                "width": width,
                "height": height,
            }
            for name, (width, height) in renditions.CROPS.items()
        ],
    }


def release_data(release, language, absolute, detail=False):
    content_language, is_fallback = show_in_language(release, language)
    available = release.get_available_languages()
    paths = release_paths(release)
    short_code = release.short_code
    data = {
        "short_code": release.short_code,
        "language": content_language,
        "is_fallback": is_fallback,
        "title": release.title,
        "lead": release.lead,
        "url": absolute(paths[language]),
        "short_url": absolute(api.address("short-link", language, "short_code", short_code, SHORT)),
        "api_url": absolute(api_path("release-detail", language, "short_code", short_code, SHORT)),
        "published_at": api.iso_datetime(release.publish_at),
        "published_on_solar_hijri": api.solar_hijri(release.publish_at),
        "updated_at": api.iso_datetime(release.public_change_at),
        "section": {
            "slug": release.section.slug,
            "name": release.section_name,
            "api_url": absolute(api_path("section-detail", language, "slug", release.section.slug)),
            "url": absolute(section_path(release.section.slug, language)),
        },
        "office": release.source_office_name if is_fallback else release.office_name,
        "tags": [
            {
                "slug": tag.slug,
                "label": str(tag),
                "label_language": tag.label_language,
                "api_url": absolute(api_path("tag-detail", language, "slug", tag.slug)),
                "url": absolute(tag_path(tag.slug, language)),
            }
            for tag in release.tag_list()
        ],
        "featured_image": None,
        "translations": api.translation_statuses(
            release,
            lambda code: absolute(paths[code]) if code in available else None,
        ),
    }
    if detail:
        images = images_for_release(release)
        data["featured_image"] = images.featured and image_data(images.featured, language, absolute)
        data["body"] = release.body
        data["gallery"] = [
            picture
            for image in images.gallery
            if (picture := image_data(image, language, absolute)) is not None
        ]
    elif release.featured_image_id:
        data["featured_image"] = image_data(release.featured_image, language, absolute)
    return data


def section_data(section, language, absolute):
    content_language, is_fallback = show_in_language(section, language)
    return {
        "slug": section.slug,
        "name": section.name,
        "language": content_language,
        "is_fallback": is_fallback,
        "order": section.order,
        "url": absolute(section_path(section.slug, language)),
        "api_url": absolute(api_path("section-detail", language, "slug", section.slug)),
        "releases_url": absolute(f"{api_path('release-list', language)}&section={section.slug}"),
        "translations": api.translation_statuses(
            section, lambda code: absolute(section_path(section.slug, code))
        ),
    }


def tag_data(tag, language, absolute):
    content_language, is_fallback = show_in_language(tag, language)
    return {
        "slug": tag.slug,
        "label": tag.safe_translation_getter("label", default=tag.name),
        "language": content_language,
        "is_fallback": is_fallback,
        "url": absolute(tag_path(tag.slug, language)),
        "api_url": absolute(api_path("tag-detail", language, "slug", tag.slug)),
        "releases_url": absolute(f"{api_path('release-list', language)}&tag={tag.slug}"),
        "translations": api.translation_statuses(
            tag, lambda code: absolute(tag_path(tag.slug, code))
        ),
    }


# --- Querysets ---


def public_releases():
    """Published releases with everything an answer shows, in a fixed number of queries.

    ``public_change_at`` is when a release last changed for the public: a release scheduled
    after its last edit changed at its publication.
    """
    return (
        PressRelease.objects.published()
        .for_listing()
        .prefetch_related(tagged_items_with_labels())
        .annotate(public_change_at=Greatest("updated_at", "publish_at"))
    )


class ReleaseFilters:
    """``?section=``, ``?tag=``, ``?updated_since=`` and the filters apps register."""

    own = (
        ("section", "Only releases of the section with this slug."),
        ("tag", "Only releases with the tag with this slug."),
        (
            "updated_since",
            "Only releases changed (edited or published) at or after this moment: "
            "ISO 8601, e.g. 2026-11-26T10:00:00+03:30 (send + as %2B) or 2026-11-26.",
        ),
    )

    def filter_queryset(self, request, releases, view):
        if slug := request.GET.get("section"):
            section = Section.objects.filter(slug=slug).first()
            if section is None:
                raise ValidationError({"section": _("No section has the slug “%s”.") % slug})
            releases = releases.filter(section=section)
        if slug := request.GET.get("tag"):
            tag = Tag.objects.filter(slug=slug).first()
            if tag is None:
                raise ValidationError({"tag": _("No tag has the slug “%s”.") % slug})
            releases = releases.filter(tagged_items__tag=tag)
        if value := request.GET.get("updated_since"):
            moment = api.parse_moment("updated_since", value)
            releases = api.modified_since(releases, moment, "updated_at", "publish_at")
        for name, release_filter in RELEASE_FILTERS.items():
            if value := request.GET.get(name):
                releases = release_filter.apply(releases, value)
        return releases

    def get_schema_operation_parameters(self, view):
        filters = [*self.own, *((f.name, f.description) for f in RELEASE_FILTERS.values())]
        return [
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": {"type": "string"},
            }
            for name, description in filters
        ]


class NewestFirstPagination(api.CursorPagination):
    """The site's own keyset pages (``newsroom.pagination``): newest first, stable at any depth."""

    def page(self, releases, cursor, limit):
        if cursor:
            try:
                decode_cursor(cursor)
            except Http404 as error:
                raise ValidationError({"cursor": _("This page cursor is not valid.")}) from error
        page = newest_first_page(releases, before=cursor or None, per_page=limit)
        return page.items, page.older_cursor


# --- Views ---


class ReleaseList(api.ApiListView):
    """Published releases translated into the language, newest first."""

    pagination_class = NewestFirstPagination
    serializer_class = ReleaseSerializer
    filter_backends = (ReleaseFilters,)

    @classproperty
    def page_parameters(cls):
        own = tuple(name for name, _description in ReleaseFilters.own)
        return (LANGUAGE_PARAMETER, "cursor", "limit", *own, *RELEASE_FILTERS)

    def get_queryset(self):
        return public_releases().in_language(self.language)

    def item_data(self, release):
        return release_data(release, self.language, self.absolute)


class ReleaseDetail(api.ApiDetailView):
    """One published release, with its body and gallery; in Persian (``is_fallback``) when
    it is not translated into the language."""

    serializer_class = ReleaseDetailSerializer

    def get_object(self):
        release = public_releases().filter(short_code=self.kwargs["short_code"]).first()
        if release is None:
            raise Http404(_("No published release has this short code."))
        return release

    def item_data(self, release):
        return release_data(release, self.language, self.absolute, detail=True)

    def last_modified(self, release):
        return release.public_change_at


class SectionList(api.ApiListView):
    """Every section (by primary key; ``order`` is the editors' order)."""

    serializer_class = SectionSerializer

    def get_queryset(self):
        return Section.objects.prefetch_related("translations")

    def item_data(self, section):
        return section_data(section, self.language, self.absolute)


class SectionDetail(api.ApiDetailView):
    serializer_class = SectionSerializer

    def get_object(self):
        section = SectionList.get_queryset(self).filter(slug=self.kwargs["slug"]).first()
        if section is None:
            raise Http404(_("No section has this slug."))
        return section

    def item_data(self, section):
        return section_data(section, self.language, self.absolute)


class TagList(api.ApiListView):
    """Every tag, by primary key."""

    serializer_class = TagSerializer

    def get_queryset(self):
        return Tag.objects.prefetch_related("translations")

    def item_data(self, tag):
        return tag_data(tag, self.language, self.absolute)


class TagDetail(api.ApiDetailView):
    serializer_class = TagSerializer

    def get_object(self):
        tag = TagList.get_queryset(self).filter(slug=self.kwargs["slug"]).first()
        if tag is None:
            raise Http404(_("No tag has this slug."))
        return tag

    def item_data(self, tag):
        return tag_data(tag, self.language, self.absolute)

"""Similar content under an article: releases editors pinned, then those sharing most tags."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gorgan.kit import dependencies

SIMILAR_LIMIT = 5


def tag_releases_key(tag_id):
    """The dependency key of the set of releases carrying a tag (similar boxes show it)."""
    return f"newsroom.tag:{tag_id}:releases"


class SimilarReleasePin(models.Model):
    """A release an editor placed, by hand, in another release's similar content."""

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="similar_pins",
    )
    similar = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("similar release"),
        on_delete=models.CASCADE,
        related_name="pinned_as_similar",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("pinned similar release")
        verbose_name_plural = _("pinned similar releases")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "similar"], name="newsroom_similarpin_once_per_release"
            ),
            models.CheckConstraint(
                condition=~Q(release=F("similar")), name="newsroom_similarpin_not_itself"
            ),
        ]

    def __str__(self):
        return str(self.similar)

    def clean(self):
        super().clean()
        if self.release_id and self.release_id == self.similar_id:
            raise ValidationError({"similar": _("A release cannot be similar to itself.")})


def similar_pins_exist():
    """Annotation for a release queryset: whether editors pinned any similar release."""
    return Exists(SimilarReleasePin.objects.filter(release=OuterRef("pk")))


@dataclass(frozen=True)
class SimilarRelease:
    """What the similar-content box shows of a release: its title, address and date."""

    pk: int
    title: str
    slug: str
    publish_at: datetime.datetime
    language_code: str

    def get_absolute_url(self):
        with translation.override(self.language_code):
            return reverse("newsroom:release-detail", kwargs={"slug": self.slug})


def similar_releases(release, language_code, limit=SIMILAR_LIMIT):
    """Up to ``limit`` public releases in ``language_code`` similar to ``release``.

    Pinned releases come first in the editors' order, then releases ranked by the number of
    tags they share with ``release``, then the newest. Releases sharing no tag are not similar,
    however recent. The title and slug come from the same translation row that decides the
    language, so no prefetch is needed. One query for the tag ranking whatever the number of
    tags or candidates, and one more only when editors pinned something (the article page
    annotates ``has_similar_pins``).
    """
    translation_model = release._parler_meta.root_model
    in_language = translation_model.objects.filter(
        master=OuterRef("pk"), language_code=language_code
    )
    # Title and slug as subqueries: PostgreSQL computes them for the few rows kept after the
    # ranking's sort, not for every candidate.
    with dependencies.lookup():  # not the whole list: the tags' releases (noted below)
        published = type(release).objects.published()
    public = (
        published.filter(Exists(in_language))
        .exclude(pk=release.pk)
        .annotate(
            similar_title=Subquery(in_language.values("title")[:1]),
            similar_slug=Subquery(in_language.values("slug")[:1]),
        )
    )
    fields = ("pk", "similar_title", "similar_slug", "publish_at")
    pinned = []
    if getattr(release, "has_similar_pins", True):
        pinned = list(
            public.filter(pinned_as_similar__release=release)
            .order_by("pinned_as_similar__order", "pinned_as_similar__pk")
            .values_list(*fields)[:limit]
        )
    # The article page has the tags prefetched; as literal values they also let PostgreSQL use
    # its per-tag statistics, so it starts from the tags' rows instead of the whole archive.
    own_tags = sorted({item.tag_id for item in release.tagged_items.all()})
    ranked = []
    if own_tags and len(pinned) < limit:
        ranked = list(
            public.filter(tagged_items__tag_id__in=own_tags)
            .exclude(pk__in=[row[0] for row in pinned])
            .annotate(shared_tags=Count("tagged_items"))
            .order_by("-shared_tags", "-publish_at", "-pk")
            .values_list(*fields)[: limit - len(pinned)]
        )
    # The box changes when a release joins or leaves these tags, or one it shows changes:
    # a ranked release carries one of these tags, whose key its every change touches; a
    # pinned one may carry none.
    shown = pinned + ranked
    dependencies.shows(
        *(dependencies.key(type(release), row[0]) for row in pinned),
        *(tag_releases_key(tag_id) for tag_id in own_tags),
    )
    return [
        SimilarRelease(pk, title, slug, publish_at, language_code)
        for pk, title, slug, publish_at in shown
    ]

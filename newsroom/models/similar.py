"""Similar content under an article: releases editors pinned, then those sharing most tags."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .taxonomy import TaggedRelease

SIMILAR_LIMIT = 5


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
    however recent. One query whatever the number of tags or candidates: the title and slug
    come from the same translation row that decides the language, so no prefetch is needed.
    """
    pins = SimilarReleasePin.objects.filter(release=release)
    own_tags = TaggedRelease.objects.filter(content_object=release).values("tag_id")
    sharing_a_tag = TaggedRelease.objects.filter(tag_id__in=own_tags).values("content_object_id")
    rows = (
        type(release)
        .objects.published()
        .in_language(language_code)
        .exclude(pk=release.pk)
        .filter(Q(pk__in=pins.values("similar_id")) | Q(pk__in=sharing_a_tag))
        .annotate(
            pin_order=Subquery(pins.filter(similar=OuterRef("pk")).values("order")[:1]),
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=own_tags)),
            similar_title=F("translations__title"),
            similar_slug=F("translations__slug"),
        )
        .order_by(F("pin_order").asc(nulls_last=True), "-shared_tags", "-publish_at", "-pk")
        .values_list("pk", "similar_title", "similar_slug", "publish_at")[:limit]
    )
    return [
        SimilarRelease(pk, title, slug, publish_at, language_code)
        for pk, title, slug, publish_at in rows
    ]

"""Press releases and the one rule that decides what the public may see."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from parler.fields import TranslationsForeignKey
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFieldsModel
from taggit.managers import TaggableManager

from gorgan.kit import dependencies
from gorgan.kit.search import SearchDocumentField
from gorgan.kit.slugs import UniqueSlugPerLanguage
from gorgan.kit.translated import translated_field
from gorgan.kit.translation_tracking import SourceTrackedTranslation
from newsroom.sanitize import sanitize_body

from .similar import similar_releases
from .taxonomy import Office, Section, TaggedRelease

SHORT_CODE_LENGTH = 8  # hex characters: 4 random bytes

#: Sent by ``PressRelease.save()`` once the release and its translations are written, inside
#: the same transaction (``post_save`` comes before the translations).
release_stored = Signal()


def new_short_code():
    return secrets.token_hex(SHORT_CODE_LENGTH // 2)


class PressReleaseQuerySet(TranslatableQuerySet):
    def published(self, now=None):
        """Releases the public may see: status published and a publish time already passed
        (by ``now``, the present by default).

        Every public view, feed, sitemap, search and link goes through here, so a scheduled
        release appears by itself once its time comes. What is rendered from it shows the
        list of public releases (``gorgan.kit.dependencies``).
        """
        dependencies.shows(dependencies.key(PressRelease))
        return self.filter(
            status=PressRelease.Status.PUBLISHED, publish_at__lte=now or timezone.now()
        )

    def scheduled(self, now=None):
        """Releases waiting for their time: status published, publish time still to come."""
        return self.filter(
            status=PressRelease.Status.PUBLISHED, publish_at__gt=now or timezone.now()
        )

    def for_journalists(self, now=None):
        """What accredited journalists may read: the public releases, and embargoed ones
        before their time."""
        return self.published(now) | self.scheduled(now).filter(embargoed=True)

    def previewable(self, now=None):
        """Releases a private preview link may show: never an embargoed one before it is
        public, since a preview link can be passed on to anyone."""
        return self.filter(embargoed=False) | self.published(now)

    def offered_to_writer(self, user):
        """What a writer may pick as related content: public releases and the writer's own.

        Other staff's drafts and scheduled releases are unpublished work, titles included.
        """
        return self.published() | self.filter(author=user)

    def next_publication_time(self):
        """When the next scheduled release goes public, or ``None`` if none is scheduled."""
        return self.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()

    def in_language(self, language_code=None):
        """Releases translated into ``language_code`` (the active language by default)."""
        return self.filter(translations__language_code=language_code or translation.get_language())

    def with_names(self, language_code=None):
        """Annotate the section's and office's names in the language (Persian as fallback).

        ``source_office_name`` is the Persian name, for the dateline of a Persian original.
        """
        section_translation = Section._parler_meta.root_model
        office_translation = Office._parler_meta.root_model
        return self.annotate(
            section_name=translated_field(section_translation, "name", "section", language_code),
            office_name=translated_field(office_translation, "name", "office", language_code),
            source_office_name=translated_field(
                office_translation, "name", "office", settings.LANGUAGE_CODE
            ),
        )

    def for_listing(self):
        """Everything a list of releases shows, fetched in a fixed number of queries."""
        return (
            self.select_related("section", "featured_image")
            .with_names()
            .prefetch_related("translations", "featured_image__translations")
        )

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def with_title_or_code_containing(self, text):
        """Releases whose title in any language, or whose short code, contains ``text`` (in
        any case).

        The titles are matched in a subquery (on PostgreSQL through a trigram index), so a
        release with several matching translations is found once, without a ``DISTINCT``
        over the archive.
        """
        titles = self.model._parler_meta.root_model.objects.filter(title__icontains=text)
        return self.filter(
            models.Q(pk__in=titles.values("master_id")) | models.Q(short_code__icontains=text)
        )


class PressReleaseManager(models.Manager.from_queryset(PressReleaseQuerySet)):
    def find_published(self, slug, language_code):
        """The published release whose ``language_code`` slug is ``slug``, with all its
        translations loaded, or ``None``."""
        with dependencies.lookup():
            return (
                self.published()
                .filter(translations__language_code=language_code, translations__slug=slug)
                .prefetch_related("translations")
                .order_by()
                .first()
            )


class PressRelease(TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "When the release goes public. A future time schedules it; empty means now "
            "once it is published."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="press_releases",
    )
    office = models.ForeignKey(
        "newsroom.Office",
        verbose_name=_("issuing office"),
        on_delete=models.PROTECT,
        related_name="releases",
    )
    section = models.ForeignKey(
        "newsroom.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="releases",
    )
    sign_off = models.CharField(
        _("sign-off code"),
        max_length=20,
        blank=True,
        help_text=_("The editor's code printed after «انتهای پیام/»."),
    )
    short_code = models.CharField(
        _("short code"),
        max_length=SHORT_CODE_LENGTH,
        unique=True,
        editable=False,
        help_text=_("Assigned once; the permanent short link is built from it."),
    )
    embargoed = models.BooleanField(
        _("embargoed"),
        default=False,
        help_text=_(
            "Accredited journalists receive it before its publication time, with a notice "
            "not to publish it earlier. Needs a publication time."
        ),
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedRelease, blank=True)
    featured_image = models.ForeignKey(
        "newsroom.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="featured_in",
    )

    objects = PressReleaseManager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-publish_at", "-pk"]
        permissions = [
            ("publish_pressrelease", _("Can publish, schedule, unpublish and archive releases")),
            ("translate_pressrelease", _("Can translate press releases")),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at", "-id"], name="newsroom_release_public"),
            # The admin's change list, every status newest first, without sorting the archive.
            models.Index(fields=["-publish_at", "-id"], name="newsroom_release_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(short_code__regex=r"^[0-9a-f]{8}$"),
                name="newsroom_release_short_code_hex",
            ),
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.short_code

    def clean(self):
        super().clean()
        if self.embargoed and self.publish_at is None:
            raise ValidationError(
                {"publish_at": _("An embargoed release needs the time it may be published.")}
            )

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        # The release, its translations and the work its saving enqueues (``release_stored``
        # receivers: newsroom.distribution) in one transaction: committed or rolled back together.
        with transaction.atomic():
            self._save_with_short_code(*args, **kwargs)
            release_stored.send(sender=type(self), instance=self)

    def _save_with_short_code(self, *args, **kwargs):
        if self.short_code:
            return super().save(*args, **kwargs)
        # A collision among 4 billion codes is rare but possible: draw again, never overwrite.
        for _attempt in range(5):
            self.short_code = new_short_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not type(self).objects.filter(short_code=self.short_code).exists():
                    raise
        raise IntegrityError("Could not draw a free short code.")

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    def tag_list(self):
        """The release's tags, read through ``tagged_items`` so that a prefetch serves them.

        When the prefetch annotated each row with the tag's label (``tag_label``), the tags
        carry it and need no translation query of their own.
        """
        tags = []
        for item in self.tagged_items.all():
            if getattr(item, "tag_label", None):
                item.tag.annotated_label = item.tag_label
                item.tag.annotated_label_language = item.tag_label_language
            tags.append(item.tag)
        return tags

    def similar_releases(self, language_code=None):
        """Similar content for this release's page in ``language_code`` (see ``similar``)."""
        return similar_releases(self, language_code or translation.get_language())

    def has_language(self, language_code):
        return language_code in self.get_available_languages()

    def get_absolute_url(self, language_code=None):
        """The release's address in ``language_code``; the Persian slug when not translated."""
        language_code = language_code or translation.get_language()
        slug = self.safe_translation_getter("slug", language_code=language_code)
        if not slug:
            slug = self.safe_translation_getter("slug", language_code=settings.LANGUAGE_CODE)
        with translation.override(language_code):
            return reverse("newsroom:release-detail", kwargs={"slug": slug})

    def og_image_url(self):
        """The featured image's 1200×630 Open Graph crop (a storage URL), or "" without one."""
        if not self.featured_image_id:
            return ""
        try:
            return self.featured_image.og_url()
        except OSError:  # the original is lost and no crop was made: the page still renders
            return ""

    def get_short_url(self):
        return reverse("short-link", kwargs={"short_code": self.short_code})


class PressReleaseTranslation(
    UniqueSlugPerLanguage, SourceTrackedTranslation, TranslatedFieldsModel
):
    slug_taken_message = _("Another release already uses this slug in this language.")

    master = TranslationsForeignKey(
        PressRelease, related_name="translations", null=True, on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        allow_unicode=True,
        help_text=_("The address of the release in this language; unique per language."),
    )
    lead = models.TextField(
        _("lead"), help_text=_("One or two sentences; shown in lists and search results.")
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        sanitize=sanitize_body,
        extensions={
            "Bold": True,
            "Italic": True,
            "Heading": {"levels": [2, 3]},
            "BulletList": True,
            "OrderedList": True,
            "ListItem": True,
            "Blockquote": True,
            "Link": {"enableTarget": False},
            "HardBreak": True,
        },
    )
    saved_at = models.DateTimeField(_("translation saved at"), auto_now=True)
    search_document = SearchDocumentField()

    class Meta:
        verbose_name = _("press release translation")
        verbose_name_plural = _("press release translations")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "master"], name="newsroom_release_one_per_language"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"], name="newsroom_release_slug_per_language"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitised on every save path (admin, shell, imports), not only in forms.
        self.body = sanitize_body(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # A partial save (the content PO import) must still write what it derived.
            kwargs["update_fields"] = {*update_fields, "body"}
        super().save(*args, **kwargs)

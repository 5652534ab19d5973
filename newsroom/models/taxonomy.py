"""The vocabularies a release is filed under: issuing office, section and tags."""

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields
from taggit.models import TagBase, TaggedItemBase
from taggit.utils import _parse_tags

from gorgan.kit.translation_tracking import SourceHashField

# The commas of the languages the editors type in: Persian «،», Chinese «，» and «、».
TAG_SEPARATORS = str.maketrans({"،": ",", "，": ",", "、": ","})


def parse_tag_names(text):
    """The tag names in the admin's tag field (``TAGGIT_TAGS_FROM_STRING``).

    Taggit splits on commas, or on spaces when there is no comma; a Persian editor's «،» must
    count as a comma, or «شهرداری گرگان، گوانگژو» would become three tags.
    """
    return _parse_tags((text or "").translate(TAG_SEPARATORS))


class Office(TranslatableModel):
    """The office that issues a release; its name is printed in the dateline."""

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("issuing office")
        verbose_name_plural = _("issuing offices")
        ordering = ["pk"]
        permissions = [("translate_office", _("Can translate issuing offices"))]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or ""


class Section(TranslatableModel):
    """A part of the newsroom (news, announcements, ...), with its own list page."""

    slug = models.SlugField(_("slug"), unique=True, allow_unicode=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=100),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "pk"]
        permissions = [("translate_section", _("Can translate sections"))]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("newsroom:section-detail", kwargs={"slug": self.slug})


class Tag(TranslatableModel, TagBase):
    """A taggit tag whose name is shown in the reader's language.

    ``name`` (from taggit) is the Persian name editors type; the translated ``label`` is what
    readers see, falling back to Persian. The slug is shared by all languages, so a tag has one
    stable address.
    """

    translations = TranslatedFields(
        label=models.CharField(_("label"), max_length=100),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        permissions = [("translate_tag", _("Can translate tags"))]

    def __str__(self):
        # Lists that read labels in their main query set ``annotated_label`` (see tag_list).
        annotated = getattr(self, "annotated_label", None)
        return annotated or self.safe_translation_getter("label", default=self.name)

    def get_absolute_url(self):
        return reverse("newsroom:tag-detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        # Tags typed into a release's tag field are created by taggit with ``name`` alone;
        # that name is the Persian label, so Persian is never "missing" for them.
        source = settings.LANGUAGE_CODE
        if self.name and not self.has_translation(source):
            language = self.get_current_language()
            self.set_current_language(source)
            self.label = self.name
            self.set_current_language(language)
        super().save(*args, **kwargs)

    @property
    def label_language(self):
        """The language ``str(tag)`` is in: the page's, or Persian for an untranslated tag."""
        annotated = getattr(self, "annotated_label_language", None)
        if annotated:
            return annotated
        language = self.get_current_language()
        return language if language in self.get_available_languages() else settings.LANGUAGE_CODE


class TaggedReleaseQuerySet(models.QuerySet):
    def with_tag_labels(self, language_code=None):
        """Rows with their tag, and the tag's label in the language read in the same query.

        ``tag_label_language`` says which language the label is in: the requested one, or
        Persian when the tag has no translation in it (pages mark such labels with ``lang``).
        """
        from gorgan.kit.translated import translated_field

        translations = Tag._parler_meta.root_model
        # A tag with no translation at all (one written without ``save()``) shows its
        # Persian name, still without a query of its own.
        return self.select_related("tag").annotate(
            tag_label=Coalesce(
                translated_field(translations, "label", "tag", language_code), "tag__name"
            ),
            tag_label_language=Coalesce(
                translated_field(translations, "language_code", "tag", language_code),
                Value(settings.LANGUAGE_CODE),
            ),
        )


def tagged_items_with_labels():
    """A prefetch of releases' tags with their labels in the active language, in one query
    (``PressRelease.tag_list`` reads it)."""
    return models.Prefetch("tagged_items", queryset=TaggedRelease.objects.with_tag_labels())


class TaggedRelease(TaggedItemBase):
    content_object = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_releases")

    objects = TaggedReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("tagged release")
        verbose_name_plural = _("tagged releases")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="newsroom_taggedrelease_unique"
            )
        ]

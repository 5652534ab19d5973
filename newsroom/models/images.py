"""The picture library: images with translated alternative text, and release galleries."""

from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from gorgan.kit import imaging
from gorgan.kit.translation_tracking import SourceHashField
from newsroom import renditions
from newsroom.uploads import CleanedImage, ImageFileField


class Image(TranslatableModel):
    """A picture as uploaded (upright, without metadata) and its renditions.

    The file is named by the SHA-256 of the uploaded bytes, which also names the folder of
    renditions; one picture is stored once however many releases show it. The renditions are
    made by a background task after the upload (``newsroom.tasks.make_renditions``); until
    then ``rendition_widths`` is empty and pages leave the picture out.
    """

    file = ImageFileField(
        _("image file"),
        upload_to="images/",
        max_length=255,
        help_text=_(
            "JPEG, PNG or WebP, at most 20 MB and 40 megapixels. Location and camera data "
            "are removed when it is saved."
        ),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    content_hash = models.CharField(_("content hash"), max_length=64, editable=False)
    rendition_widths = models.JSONField(
        _("rendition widths"), default=list, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    translations = TranslatedFields(
        alt_text=models.CharField(
            _("alternative text"),
            max_length=250,
            help_text=_(
                "What the picture shows, for readers who cannot see it. Required in Persian; "
                "pages in other languages fall back to the Persian text."
            ),
        ),
        caption=models.CharField(_("caption"), max_length=300, blank=True),
        credit=models.CharField(
            _("credit"), max_length=150, blank=True, help_text=_("Photographer or source.")
        ),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]
        permissions = [("translate_image", _("Can translate image texts"))]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="newsroom_image_content_hash"),
        ]

    def __str__(self):
        return self.safe_translation_getter("alt_text", any_language=True) or self.file.name

    def pending_upload(self):
        """The newly assigned file not yet written to the storage, if any."""
        return imaging.pending_upload(self.file)

    def clean(self):
        super().clean()
        pending = self.pending_upload()
        if isinstance(pending, CleanedImage):
            duplicate = (
                type(self)
                .objects.filter(content_hash=pending.content_hash)
                .exclude(pk=self.pk)
                .first()
            )
            if duplicate is not None:
                raise ValidationError(
                    {
                        "file": _("This picture is already in the library: %(image)s")
                        % {"image": duplicate}
                    }
                )

    def save(self, *args, **kwargs):
        replaced = None
        new_picture = False
        if self.pending_upload() is not None:
            previous = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("file", "content_hash", "rendition_widths")
                .first()
                if self.pk
                else None
            )
            # Every save path (admin, shell, demo loader) gets the same checks and cleaning.
            pending = self._meta.get_field("file").clean_pending(self)
            if previous and previous[1] == pending.content_hash:
                self.file = previous[0]  # the same picture again: keep what is stored
            else:
                replaced = previous
                new_picture = True
                self.content_hash = pending.content_hash
                self.width, self.height = pending.width, pending.height
                self.rendition_widths = []
        super().save(*args, **kwargs)
        if replaced:
            transaction.on_commit(partial(renditions.delete_files, self.file.storage, *replaced))
        if new_picture:
            self.enqueue_renditions()

    def enqueue_renditions(self):
        """Have the renditions made in the background.

        The task is enqueued in the transaction that saves the row: with the database backend
        it is committed or rolled back with it. A backend that runs it at once (the tests')
        has the widths ready on return.
        """
        from newsroom.tasks import make_renditions

        result = make_renditions.enqueue(self.pk, self.content_hash)
        if result.is_finished and result.return_value:
            self.rendition_widths = result.return_value

    @classmethod
    def make_renditions(cls, pk, content_hash):
        """Make the missing renditions of image ``pk`` if it still shows ``content_hash``.

        The row is locked meanwhile, so two workers never make the same files at once; the
        second finds them made. Returns the widths (empty when the picture was replaced or
        deleted in between).
        """
        with transaction.atomic():
            image = cls.objects.select_for_update().filter(pk=pk, content_hash=content_hash).first()
            if image is None:
                return []
            if not image.rendition_widths:
                image.regenerate_renditions()
            return image.rendition_widths

    def regenerate_renditions(self):
        """Make every rendition from the stored original, whether or not they exist.

        Saving the widths refreshes the cached pages, which then show the picture.
        """
        with self.file.storage.open(self.file.name, "rb") as original:
            self.rendition_widths = renditions.generate(
                self.file.storage, self.content_hash, original
            )
        self.save(update_fields=["rendition_widths"])

    @classmethod
    def media_files_in_use(cls):
        """(storage, name) of every rendition; the originals are found through the field."""
        storage = cls._meta.get_field("file").storage
        rows = cls._base_manager.values_list("content_hash", "rendition_widths")
        for content_hash, widths in rows.iterator(chunk_size=2000):
            for name in renditions.all_names(content_hash, widths):
                yield storage, name

    def texts_by_language(self):
        """The translations by language code, read from a prefetch or a loader when present."""
        loaded = self.__dict__.get("_texts_by_language")
        if loaded is None:
            loaded = {text.language_code: text for text in self.translations.all()}
            self._texts_by_language = loaded
        return loaded

    def text_for(self, field, language_code):
        text = self.texts_by_language().get(language_code)
        return getattr(text, field, "") if text is not None else ""

    def alt_text_for(self, language_code):
        """(text, language) of the alternative text: the page's, or else the Persian one."""
        for code in dict.fromkeys([language_code, settings.LANGUAGE_CODE]):
            text = self.text_for("alt_text", code)
            if text:
                return text, code
        return "", language_code

    def og_url(self):
        return renditions.og_url(self)


@receiver(post_delete, sender=Image, dispatch_uid="newsroom_image_files")
def delete_image_files(sender, instance, **kwargs):
    """A deleted image takes its files with it, once the deletion is committed."""
    transaction.on_commit(
        partial(
            renditions.delete_files,
            instance.file.storage,
            instance.file.name,
            instance.content_hash,
            instance.rendition_widths,
        )
    )


class GalleryItem(models.Model):
    """An image in a release's gallery, in the editor's order."""

    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="gallery_items",
    )
    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="gallery_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "image"], name="newsroom_gallery_item_once"),
        ]

    def __str__(self):
        return str(self.image)


def gallery_exists():
    """An annotation for release querysets: whether the release has a gallery."""
    return Exists(GalleryItem.objects.filter(release=OuterRef("pk")))


class ReleaseImages(NamedTuple):
    featured: Image | None
    gallery: list


def images_for_release(release):
    """The featured image and the gallery of ``release`` with their texts, in one query.

    Only the translations a page can show are read: the page's language and Persian. An image
    without either is left out. The result is kept on the release, so the partials of one
    page share it. A release annotated with ``has_gallery=gallery_exists()`` and without a
    featured image costs no query at all.
    """
    cached = release.__dict__.get("_release_images")
    if cached is not None:
        return cached
    featured_id = release.featured_image_id
    with_gallery = getattr(release, "has_gallery", True)
    result = ReleaseImages(None, [])
    if featured_id or with_gallery:
        result = load_release_images(release, featured_id, with_gallery)
    release._release_images = result
    return result


def load_release_images(release, featured_id, with_gallery):
    languages = {translation.get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
    wanted = Q()
    if featured_id:
        wanted |= Q(master_id=featured_id)
    if with_gallery:
        wanted |= Q(in_gallery__isnull=False)
    rows = (
        Image._parler_meta.root_model.objects.annotate(
            in_gallery=FilteredRelation(
                "master__gallery_items", condition=Q(master__gallery_items__release=release)
            ),
        )
        .filter(wanted, language_code__in=languages)
        .annotate(gallery_order=F("in_gallery__order"), gallery_item=F("in_gallery__pk"))
        .select_related("master")
    )
    images, positions = {}, {}
    for row in rows:
        image = images.get(row.master_id)
        if image is None:
            image = images[row.master_id] = row.master
            image._texts_by_language = {}
        image._texts_by_language[row.language_code] = row
        if row.gallery_item is not None:
            positions[row.master_id] = (row.gallery_order, row.gallery_item)
    gallery = [images[pk] for pk in sorted(positions, key=positions.get)]
    return ReleaseImages(images.get(featured_id), gallery)

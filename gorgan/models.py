"""Site-wide content editors manage in admin: the site's identity, its e-services list and the
search's spelling list.

Both appear on every public page, so readers get them from the cache (``gorgan.kit.identity``);
saving or deleting either here, or one of their translations, clears that cache.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from gorgan.kit import imaging, search
from gorgan.kit.translation_tracking import SourceHashField

SERVICE_IMAGE_MAX_BYTES = 100 * 1024
# Icons are shown 32 pixels wide; four times that is sharp on any screen.
SERVICE_IMAGE_MAX_SIDE = 128


class ServiceIconField(imaging.ImageFileField):
    """An e-service's icon: a small picture, scaled down to at most 128 pixels a side."""

    limits = {
        "max_bytes": SERVICE_IMAGE_MAX_BYTES,
        "max_pixels": imaging.MAX_IMAGE_PIXELS,
        "max_side": SERVICE_IMAGE_MAX_SIDE,
    }


class SiteIdentity(TranslatableModel):
    """The one record holding the site's name, slogan and the footer's contact block."""

    SINGLETON_PK = 1

    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("As readers should dial it, for example 017-32224001."),
    )
    email = models.EmailField(_("email"), blank=True)
    translations = TranslatedFields(
        name=models.CharField(_("site name"), max_length=100),
        slogan=models.CharField(_("slogan"), max_length=150, blank=True),
        address=models.CharField(_("address"), max_length=300, blank=True),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        ordering = ["pk"]
        permissions = [("translate_siteidentity", _("Can translate the site identity"))]
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="gorgan_siteidentity_singleton")
        ]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or str(
            self._meta.verbose_name
        )

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)


class Service(TranslatableModel):
    """One of the municipality's e-services, linked from every public page."""

    class Icon(models.TextChoices):
        RECEIPT = "receipt", _("Receipt (fees and payments)")
        BUILDING = "building", _("Building (permits)")
        PHONE = "phone", _("Telephone (hotlines)")
        TRUCK = "truck", _("Truck (collection)")
        BUS = "bus", _("Bus (transport)")
        TREE = "tree", _("Tree (green space)")
        DOCUMENT = "document", _("Document (forms and enquiries)")
        MAP = "map", _("Map (addresses and planning)")

    url = models.URLField(_("address (URL)"), max_length=500)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, blank=True)
    image = ServiceIconField(
        _("image"),
        upload_to="services/",
        blank=True,
        help_text=_(
            "Optional; shown instead of the icon. A small square PNG, JPEG or WebP; location "
            "and camera data are removed when it is saved."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=120),
        description=models.CharField(
            _("description"), max_length=200, blank=True, help_text=_("One line.")
        ),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["order", "pk"]
        permissions = [("translate_service", _("Can translate services"))]
        indexes = [models.Index(fields=["active", "order"], name="gorgan_service_listed")]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.url

    def save(self, *args, **kwargs):
        """Store a new icon through the safe image path, named by its content.

        The same picture is stored once however many services use it; a replaced or cleared
        icon's file is deleted once no service uses it any more.
        """
        previous = (
            type(self).objects.filter(pk=self.pk).values_list("image", flat=True).first()
            if self.pk
            else None
        )
        field = self._meta.get_field("image")
        cleaned = field.clean_pending(self)
        if cleaned is not None:
            name = field.generate_filename(self, cleaned.name)
            if self.image.storage.exists(name):
                self.image = name  # the same picture is already stored: use it
        super().save(*args, **kwargs)
        if previous and previous != self.image.name:
            transaction.on_commit(partial(delete_unused_icon, self.image.storage, previous))


def delete_unused_icon(storage, name):
    if not Service.objects.filter(image=name).exists():
        storage.delete(name)


@receiver(post_delete, sender=Service, dispatch_uid="gorgan_service_icon_file")
def delete_service_icon(sender, instance, **kwargs):
    """A deleted service takes its icon file with it unless another service shows it."""
    if instance.image:
        transaction.on_commit(
            partial(delete_unused_icon, instance.image.storage, instance.image.name)
        )


class SearchSpelling(models.Model):
    """Two spellings the site search treats as one word, e.g. two ways to write a name.

    Applied to the reader's query, both ways round, so a change counts from the next search and
    nothing needs re-indexing.
    """

    word = models.CharField(
        _("word"),
        max_length=64,
        help_text=_("One word, as it is written in the texts, for example گوانگژو."),
    )
    variant = models.CharField(
        _("also written"),
        max_length=64,
        help_text=_(
            "One word: another spelling of it, for example گوانگجو. Searching for either "
            "finds both."
        ),
    )

    class Meta:
        verbose_name = _("search spelling")
        verbose_name_plural = _("search spellings")
        ordering = ["word", "variant"]
        constraints = [
            models.UniqueConstraint(fields=["word", "variant"], name="gorgan_searchspelling_unique")
        ]

    def __str__(self):
        return f"{self.word} = {self.variant}"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("word", "variant"):
            value = getattr(self, field)
            if value and search.single_form(value) is None:
                errors[field] = _("Type a single word, without spaces or punctuation.")
        if not errors and search.single_form(self.word) == search.single_form(self.variant):
            errors["variant"] = _("The search already treats these two as the same word.")
        if errors:
            raise ValidationError(errors)


def _spellings_changed(**kwargs):
    search.forget_spelling_variants()
    transaction.on_commit(search.forget_spelling_variants)


receiver([post_save, post_delete], sender=SearchSpelling, dispatch_uid="forget-spellings")(
    _spellings_changed
)


class StoredPartQuerySet(models.QuerySet):
    def current(self):
        """Parts not past their expiry (the next scheduled publication, for parts that
        show a list)."""
        return self.filter(models.Q(expires_at=None) | models.Q(expires_at__gt=timezone.now()))

    def forget(self, dependencies):
        """Delete the parts that show any of ``dependencies`` (keys, see
        ``gorgan.kit.dependencies``)."""
        self.filter(
            pk__in=StoredPartDependency.objects.filter(dependency__in=dependencies).values("part")
        ).delete()


class StoredPart(models.Model):
    """A part of a public page rendered once and kept until what it shows changes.

    ``key`` names the part with its language, scheme and host; ``dependencies`` are the keys
    of what it shows (also in ``StoredPartDependency``, so a change finds it by index).
    """

    key = models.CharField(_("key"), max_length=64, unique=True)
    html = models.TextField(_("HTML"))
    dependencies = models.TextField(_("dependencies"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("rendered at"), auto_now_add=True)

    objects = StoredPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("stored page part")
        verbose_name_plural = _("stored page parts")
        ordering = ["key"]

    def __str__(self):
        return self.key


class StoredPartDependency(models.Model):
    part = models.ForeignKey(
        StoredPart,
        verbose_name=_("part"),
        on_delete=models.CASCADE,
        related_name="dependency_rows",
    )
    dependency = models.CharField(_("dependency"), max_length=200, db_index=True)

    class Meta:
        verbose_name = _("stored part dependency")
        verbose_name_plural = _("stored part dependencies")
        ordering = ["part", "dependency"]

    def __str__(self):
        return self.dependency

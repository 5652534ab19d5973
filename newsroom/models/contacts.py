"""The press contacts of a release: who journalists call about it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from gorgan.kit.translation_tracking import SourceHashField


class PressContact(TranslatableModel):
    release = models.ForeignKey(
        "newsroom.PressRelease",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="press_contacts",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=150),
        role=models.CharField(_("role"), max_length=150, blank=True),
        source_hash=SourceHashField(),
    )

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or ""


def press_contacts_prefetch():
    """A release's contacts with their name and role in the page's language (Persian when
    untranslated) read in the same query: ``release.contacts_for_page``."""
    from django.db.models import Prefetch

    from gorgan.kit.translated import translated_field

    texts = PressContact._parler_meta.root_model
    return Prefetch(
        "press_contacts",
        queryset=PressContact.objects.annotate(
            contact_name=translated_field(texts, "name", "pk"),
            contact_role=translated_field(texts, "role", "pk"),
            text_language=translated_field(texts, "language_code", "pk"),
        ),
        to_attr="contacts_for_page",
    )

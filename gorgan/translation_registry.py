"""The content that translators translate: one entry per translated model.

``translation_report``, ``export_content_po`` and ``import_content_po`` cover exactly the
models listed here. Each entry names the model (``"app_label.ModelName"``), the translated
fields a translator works on (in the order a translator reads them), and optionally a label
and the slug fields to fill in from another field when a new translation arrives without one.
Entries whose app or model is not installed are skipped, so this list may name models that
other parts of the site add.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TranslatedContent:
    model_label: str
    fields: tuple[str, ...]
    label: str | None = None
    #: ``{slug field: field it is made from}`` for new translations that bring no slug.
    slug_sources: dict = field(default_factory=dict)

    @property
    def model(self):
        app_label, _dot, model_name = self.model_label.partition(".")
        try:
            return apps.get_model(app_label, model_name)
        except LookupError:
            return None

    @property
    def key(self):
        """Stable lower-case name used in file names and references: ``newsroom.pressrelease``."""
        return self.model_label.lower()

    @property
    def verbose_label(self):
        return self.label or self.model._meta.verbose_name_plural


REGISTRY = [
    TranslatedContent(
        "newsroom.PressRelease",
        ("title", "slug", "lead", "body"),
        _("press releases"),
        slug_sources={"slug": "title"},
    ),
    TranslatedContent("newsroom.Tag", ("label",), _("tags")),
    TranslatedContent("newsroom.Section", ("name",), _("sections")),
    TranslatedContent("newsroom.Office", ("name",), _("issuing offices")),
    TranslatedContent("newsroom.Image", ("alt_text", "caption", "credit"), _("images")),
    TranslatedContent(
        "sistercities.Agreement",
        ("title", "slug", "summary", "signed_at_place", "signatories", "counterpart_bodies"),
        _("agreements"),
        slug_sources={"slug": "title"},
    ),
    TranslatedContent(
        "sistercities.Commitment",
        ("title", "description", "responsible_body"),
        _("commitments"),
    ),
    TranslatedContent("sistercities.CommitmentUpdate", ("note",), _("commitment updates")),
    TranslatedContent(
        "sistercities.PartnerCity", ("name", "region", "description"), _("partner cities")
    ),
    TranslatedContent("gorgan.Service", ("title", "description"), _("services")),
    TranslatedContent("gorgan.SiteIdentity", ("name", "slogan", "address"), _("site identity")),
]


def registered_content():
    """The registry entries whose model is installed, in registry order."""
    return [entry for entry in REGISTRY if entry.model is not None]


def entry_for(key):
    """The installed entry for ``"app_label.modelname"`` (any case), or ``None``."""
    for entry in registered_content():
        if entry.key == key.lower():
            return entry
    return None

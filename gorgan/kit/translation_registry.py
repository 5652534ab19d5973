"""The content that translators translate: one entry per translated model.

``translation_report``, ``export_content_po`` and ``import_content_po`` cover exactly the
models registered here: each app registers its translated models from ``AppConfig.ready()``,
naming the model (``"app_label.ModelName"``), the translated fields a translator works on (in
the order a translator reads them), and optionally a label and the slug fields to fill in from
another field when a new translation arrives without one.
"""

from dataclasses import dataclass, field

from django.apps import apps


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
        """Stable lower-case name used in file names and references: ``blog.entry``."""
        return self.model_label.lower()

    @property
    def verbose_label(self):
        return self.label or self.model._meta.verbose_name_plural


#: Filled by the apps from their ``AppConfig.ready()`` through ``register()``.
REGISTRY = []


def register(model_label, fields, label=None, slug_sources=None):
    """Let translators work on ``fields`` of a translated model (``"app_label.ModelName"``)."""
    entry = TranslatedContent(model_label, tuple(fields), label, slug_sources or {})
    if entry.key not in {registered.key for registered in REGISTRY}:
        REGISTRY.append(entry)


def registered_content():
    """The registry entries whose model is installed, in registry order."""
    return [entry for entry in REGISTRY if entry.model is not None]


def entry_for(key):
    """The installed entry for ``"app_label.modelname"`` (any case), or ``None``."""
    for entry in registered_content():
        if entry.key == key.lower():
            return entry
    return None

"""Which content translations exist, and which were made from an older Persian text.

Persian is the source language. Every translation row of a tracked model carries a
``source_hash``:

- on the Persian row it is the fingerprint of that row's own text, refreshed on every save;
- on any other row it is the fingerprint of the Persian text the translation was made from,
  refreshed only when that row's own text changes (or the row is created).

A translation is *outdated* when its ``source_hash`` differs from the Persian row's. Editing
only the Persian text therefore leaves the other languages' fingerprints alone (they become
outdated), and editing the English text refreshes the English row only.

A model adopts this in one of two ways:

- an explicit translation model inherits the abstract :class:`SourceTrackedTranslation`
  before parler's base: ``class ThingTranslation(SourceTrackedTranslation,
  TranslatedFieldsModel)``;
- a model declared with ``TranslatedFields(...)`` (parler accepts no base class there) adds
  the field: ``TranslatedFields(title=..., source_hash=SourceHashField())``.

Both work the same way: the fingerprints are kept by the parler signal receivers below.
The text that counts is every editable text field of the translation except slugs (a new
Persian slug does not make a translation wrong); a translation model may name its fields in
``translation_source_fields`` instead. Writes that bypass ``save()`` (``bulk_create``,
``update()``) keep whatever ``source_hash`` they write: rows left empty in every language count
as current until the Persian text is next saved; :func:`text_hash` gives the real values.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from parler.signals import post_translation_save, pre_translation_save

from gorgan.kit import tracking

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
HASH_LENGTH = 16

TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"
SOURCE = "source"


class SourceHashField(models.CharField):
    """Fingerprint of the Persian text a translation was made from."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("Persian source fingerprint"))
        kwargs.setdefault("max_length", HASH_LENGTH)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)


class SourceTrackedTranslation(models.Model):
    """Abstract base for explicit parler translation models: keeps ``source_hash``."""

    source_hash = SourceHashField()

    class Meta:
        abstract = True

    def is_outdated(self, source_translation):
        return is_outdated(self, source_translation)


def text_hash(*values):
    """A short, stable fingerprint of some texts (order matters; ``None`` counts as empty)."""
    joined = "\x1f".join("" if value is None else str(value) for value in values)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def is_tracked(translation_model):
    return any(isinstance(field, SourceHashField) for field in translation_model._meta.fields)


def source_field_names(translation_model):
    """The fields whose Persian text a translation is made from, in a fixed order."""
    explicit = getattr(translation_model, "translation_source_fields", None)
    if explicit:
        return tuple(explicit)
    return tuple(
        field.name
        for field in translation_model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | SourceHashField)
        and field.editable
        and field.name != "language_code"
    )


def _loaded_values(translation):
    """The row's source texts as held in memory, never loading a deferred field."""
    loaded = translation.__dict__
    return tuple(
        loaded.get(translation._meta.get_field(name).attname)
        for name in source_field_names(type(translation))
    )


def content_hash(translation):
    return text_hash(*_loaded_values(translation))


def is_outdated(translation, source_translation):
    """True when ``translation`` was made from another Persian text than the current one."""
    if translation is None or source_translation is None:
        return False
    if translation.language_code == SOURCE_LANGUAGE:
        return False
    return translation.source_hash != source_translation.source_hash


def _current_source_hash(translation):
    """The fingerprint of the Persian text as it stands once the current save is done."""
    model = type(translation)
    if model.master.is_cached(translation):
        cache = getattr(translation.master, "_translations_cache", {}).get(model, {})
        pending = cache.get(SOURCE_LANGUAGE)
        # A Persian row about to be written in the same save of the object counts as it will
        # be stored. (parler caches a marker object, not a row, for a missing language.)
        if isinstance(pending, model) and (pending.pk is None or pending.is_modified):
            return content_hash(pending)
    if translation.master_id is None:
        return ""
    stored = (
        model.objects.filter(master_id=translation.master_id, language_code=SOURCE_LANGUAGE)
        .values_list("source_hash", flat=True)
        .first()
    )
    return stored or ""


@receiver(class_prepared, dispatch_uid="gorgan-translation-watch")
def watch_tracked_translations(sender, **kwargs):
    """Let every tracked translation model know its text as stored (``gorgan.kit.tracking``)."""
    if is_tracked(sender):
        tracking.track(sender, *source_field_names(sender))


def text_changed(translation):
    return any(
        tracking.stored(translation, name) != getattr(translation, name)
        for name in source_field_names(type(translation))
    )


@receiver(pre_translation_save, dispatch_uid="gorgan-translation-stamp")
def stamp_source_hash(sender, instance, raw=False, **kwargs):
    """Refresh ``source_hash`` before a tracked translation row is written."""
    if raw or not is_tracked(type(instance)):
        return
    if instance.language_code == SOURCE_LANGUAGE:
        instance.source_hash = content_hash(instance)
        return
    if getattr(instance, "keep_source_hash", False):
        return
    if instance._state.adding or text_changed(instance):
        instance.source_hash = _current_source_hash(instance)


@receiver(post_translation_save, dispatch_uid="gorgan-translation-saved")
def snapshot_after_save(sender, instance, **kwargs):
    if is_tracked(type(instance)):
        instance.keep_source_hash = False


def mark_up_to_date(translation):
    """Record that ``translation`` follows the current Persian text, without changing it."""
    translation.source_hash = _current_source_hash(translation)
    translation.keep_source_hash = True
    translation.save(update_fields=["source_hash"])


def translation_model_of(model):
    return model._parler_meta.root_model


def translations_of(obj):
    """The object's translation rows, from a ``prefetch_related`` cache when there is one."""
    return list(getattr(obj, obj._parler_meta.root_rel_name).all())


def language_statuses(obj, languages=None):
    """``{language: TRANSLATED | MISSING | OUTDATED | SOURCE}`` from prefetched rows."""
    languages = languages or [code for code, _name in settings.LANGUAGES]
    rows = {row.language_code: row for row in translations_of(obj)}
    source = rows.get(SOURCE_LANGUAGE)
    statuses = {}
    for code in languages:
        row = rows.get(code)
        if row is None:
            statuses[code] = MISSING
        elif code == SOURCE_LANGUAGE:
            statuses[code] = SOURCE
        elif is_tracked(type(row)) and is_outdated(row, source):
            statuses[code] = OUTDATED
        else:
            statuses[code] = TRANSLATED
    return statuses


def _rows(model, language_code):
    return translation_model_of(model).objects.filter(
        master=OuterRef("pk"), language_code=language_code
    )


def missing_in(queryset, language_code):
    """Objects of ``queryset`` with no translation into ``language_code``."""
    return queryset.exclude(Exists(_rows(queryset.model, language_code)))


def outdated_in(queryset, language_code):
    """Objects whose ``language_code`` translation was made from an older Persian text."""
    model = queryset.model
    translation_model = translation_model_of(model)
    if language_code == SOURCE_LANGUAGE or not is_tracked(translation_model):
        return queryset.none()
    source_hash = translation_model.objects.filter(
        master=OuterRef("master"), language_code=SOURCE_LANGUAGE
    ).values("source_hash")[:1]
    stale = (
        translation_model.objects.filter(master=OuterRef("pk"), language_code=language_code)
        .annotate(current_source=Subquery(source_hash))
        .filter(current_source__isnull=False)
        .exclude(source_hash=F("current_source"))
    )
    return queryset.filter(Exists(stale))


def up_to_date_in(queryset, language_code):
    """Objects translated into ``language_code`` from the current Persian text."""
    translated = queryset.filter(Exists(_rows(queryset.model, language_code)))
    return translated.exclude(pk__in=outdated_in(queryset, language_code).values("pk"))


def stamp_existing_translations(translation_model, batch_size=1000):
    """Fingerprint rows written before tracking began, counting every translation as current.

    For data migrations (``apps.get_model(...)`` models work too): run it right after adding
    the ``source_hash`` field, so existing translations do not all show as outdated.
    """
    fields = source_field_names(translation_model)
    manager = translation_model._default_manager
    source_hashes = {}
    batch = []
    for row in manager.order_by("pk").iterator(chunk_size=batch_size):
        if row.language_code == SOURCE_LANGUAGE:
            row.source_hash = text_hash(*(getattr(row, name) for name in fields))
            source_hashes[row.master_id] = row.source_hash
            batch.append(row)
        if len(batch) >= batch_size:
            manager.bulk_update(batch, ["source_hash"])
            batch = []
    manager.bulk_update(batch, ["source_hash"])
    batch = []
    others = manager.exclude(language_code=SOURCE_LANGUAGE)
    for row in others.order_by("pk").iterator(chunk_size=batch_size):
        row.source_hash = source_hashes.get(row.master_id, "")
        batch.append(row)
        if len(batch) >= batch_size:
            manager.bulk_update(batch, ["source_hash"])
            batch = []
    manager.bulk_update(batch, ["source_hash"])

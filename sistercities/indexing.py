"""What the site search indexes for agreements and commitments, and keeping it current.

Each translation stores a normalised ``search_document``:

- an agreement: its title (twice, so that a match in the title outranks one elsewhere), summary,
  place of signing, signatories, counterpart bodies, and the partner city's name in that
  language (its Persian name when the city has none in that language, as the page shows);
- a commitment: its title (twice), description, responsible body, and the label of its sector
  in that language.

A document is recomputed whenever its translation is saved (also by saves that name their
``update_fields``), when an agreement moves to another partner city, when a commitment changes
sector, and when a partner city's name changes or is removed.
``manage.py update_agreement_search_documents`` rebuilds them all, e.g. after a bulk import
or after the sector labels were retranslated.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from gorgan.kit import tracking
from gorgan.kit.normalize import search_document
from gorgan.kit.search import keep_search_documents

BATCH_SIZE = 500


def _model(name):
    return apps.get_model("sistercities", name)


def _translation_model(name):
    return _model(name)._parler_meta.root_model


# Documents ----------------------------------------------------------------------------------


def partner_city_names(city_ids):
    """``{(city_id, language_code): name}`` for the given partner cities."""
    rows = _translation_model("PartnerCity").objects.filter(master_id__in=set(city_ids))
    return {
        (city_id, language): name
        for city_id, language, name in rows.values_list("master_id", "language_code", "name")
    }


def city_name(names, city_id, language_code):
    """The city's name in ``language_code``, else its Persian name."""
    return names.get((city_id, language_code)) or names.get((city_id, settings.LANGUAGE_CODE), "")


def agreement_search_document(translation_row, names=None):
    """The search document of one ``AgreementTranslation``."""
    city_id = translation_row.master.partner_city_id
    if names is None:
        names = partner_city_names([city_id])
    return search_document(
        translation_row.title,
        translation_row.title,
        translation_row.summary,
        translation_row.signed_at_place,
        translation_row.signatories,
        translation_row.counterpart_bodies,
        city_name(names, city_id, translation_row.language_code),
    )


def sector_label(sector, language_code):
    """The label of a commitment sector in ``language_code`` (the stored value if unknown)."""
    labels = dict(_model("Commitment").Sector.choices)
    with translation.override(language_code):
        return str(labels.get(sector, sector))


def commitment_search_document(translation_row):
    """The search document of one translation of a ``Commitment``."""
    return search_document(
        translation_row.title,
        translation_row.title,
        translation_row.description,
        translation_row.responsible_body,
        sector_label(translation_row.master.sector, translation_row.language_code),
    )


# Rebuilding ---------------------------------------------------------------------------------


def _batches(ids):
    ids = list(ids)
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def update_agreement_documents(agreement_ids):
    """Recompute the documents of every translation of ``agreement_ids``; returns the count."""
    model = _translation_model("Agreement")
    updated = 0
    for batch in _batches(agreement_ids):
        rows = list(model.objects.filter(master_id__in=batch).select_related("master"))
        names = partner_city_names(row.master.partner_city_id for row in rows)
        for row in rows:
            row.search_document = agreement_search_document(row, names)
        model.objects.bulk_update(rows, ["search_document"])
        updated += len(rows)
    return updated


def update_commitment_documents(commitment_ids):
    """Recompute the documents of every translation of ``commitment_ids``; returns the count."""
    model = _translation_model("Commitment")
    updated = 0
    for batch in _batches(commitment_ids):
        rows = list(model.objects.filter(master_id__in=batch).select_related("master"))
        for row in rows:
            row.search_document = commitment_search_document(row)
        model.objects.bulk_update(rows, ["search_document"])
        updated += len(rows)
    return updated


# Keeping documents current ------------------------------------------------------------------


def _agreement_saved(sender, instance, created=False, raw=False, **kwargs):
    # A new agreement has no saved translations yet; they are indexed as they are saved.
    if raw or created or tracking.previous(instance, "partner_city") == instance.partner_city_id:
        return
    update_agreement_documents([instance.pk])


def _commitment_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created or tracking.previous(instance, "sector") == instance.sector:
        return
    update_commitment_documents([instance.pk])


def _city_name_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    agreements = _model("Agreement").objects.filter(partner_city_id=instance.master_id)
    update_agreement_documents(agreements.values_list("pk", flat=True))


def connect_signals():
    """Keep documents current (called from ``SisterCitiesConfig.ready``)."""
    agreement, commitment = _model("Agreement"), _model("Commitment")
    agreement_translation = _translation_model("Agreement")
    commitment_translation = _translation_model("Commitment")
    city_translation = _translation_model("PartnerCity")
    keep_search_documents(agreement_translation, agreement_search_document)
    keep_search_documents(commitment_translation, commitment_search_document)
    post_save.connect(_agreement_saved, sender=agreement, dispatch_uid="sistercities-index-city")
    post_save.connect(
        _commitment_saved, sender=commitment, dispatch_uid="sistercities-index-sector"
    )
    post_save.connect(
        _city_name_changed, sender=city_translation, dispatch_uid="sistercities-index-city-name"
    )
    post_delete.connect(
        _city_name_changed, sender=city_translation, dispatch_uid="sistercities-index-city-gone"
    )

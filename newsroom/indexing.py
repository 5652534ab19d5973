"""What the site search indexes for a press release, and keeping it current.

Each translation stores a normalised ``search_document``: its title (twice, so that a match in
the title outranks one in the body), lead, tag labels in that language, and body text. It is
recomputed whenever the translation is saved, when the release's tags change, and when a tag
is renamed; ``manage.py update_search_documents`` rebuilds them all after bulk imports.
"""

import html
import re

from django.apps import apps
from django.db import reset_queries
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from gorgan.kit import tracking
from gorgan.kit.normalize import search_document
from gorgan.kit.search import keep_search_documents
from newsroom.models.taxonomy import Tag, TaggedRelease

BATCH_SIZE = 500
TAG = re.compile(r"<[^>]*>")


def plain_text(body):
    """The text of a sanitised HTML body, with one space wherever tags or spaces stood."""
    return " ".join(html.unescape(TAG.sub(" ", body or "")).split())


def tag_label(tag, language_code):
    return tag.safe_translation_getter("label", language_code=language_code, default=tag.name)


def _tags_by_release(release_ids):
    items = (
        TaggedRelease.objects.filter(content_object_id__in=release_ids)
        .select_related("tag")
        .prefetch_related("tag__translations")
    )
    tags = {}
    for item in items:
        tags.setdefault(item.content_object_id, []).append(item.tag)
    return tags


def release_search_document(translation, tags=None):
    """The search document of one ``PressReleaseTranslation``."""
    if tags is None:
        tags = _tags_by_release([translation.master_id]).get(translation.master_id, [])
    labels = [tag_label(tag, translation.language_code) for tag in tags]
    return search_document(
        translation.title,
        translation.title,
        translation.lead,
        " ".join(labels),
        plain_text(translation.body),
    )


def update_search_documents(release_ids):
    """Recompute the documents of every translation of ``release_ids``; returns the count."""
    translation_model = apps.get_model("newsroom", "PressReleaseTranslation")
    release_ids = list(release_ids)
    updated = 0
    for start in range(0, len(release_ids), BATCH_SIZE):
        batch = release_ids[start : start + BATCH_SIZE]
        tags = _tags_by_release(batch)
        translations = list(translation_model.objects.filter(master_id__in=batch))
        for translation in translations:
            translation.search_document = release_search_document(
                translation, tags.get(translation.master_id, [])
            )
        translation_model.objects.bulk_update(translations, ["search_document"])
        updated += len(translations)
        reset_queries()  # with DEBUG on, long runs would keep every statement in memory
    return updated


def _releases_tagged(tag_id):
    return TaggedRelease.objects.filter(tag_id=tag_id).values_list("content_object_id", flat=True)


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        update_search_documents(_releases_tagged(instance.pk))
    else:
        update_search_documents([instance.pk])


def _shown_field(instance):
    return "name" if isinstance(instance, Tag) else "label"


def _tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or (created and isinstance(instance, Tag)):
        return
    # Re-indexing every release of a tag is costly: skip saves that keep the shown name.
    field = _shown_field(instance)
    if not created and tracking.previous(instance, field) == getattr(instance, field):
        return
    tag_id = instance.pk if isinstance(instance, Tag) else instance.master_id
    update_search_documents(_releases_tagged(tag_id))


def _label_deleted(sender, instance, **kwargs):
    update_search_documents(_releases_tagged(instance.master_id))


def _tag_deleting(sender, instance, **kwargs):
    instance._tagged_release_ids = list(_releases_tagged(instance.pk))


def _tag_deleted(sender, instance, **kwargs):
    update_search_documents(getattr(instance, "_tagged_release_ids", []))


def connect_signals():
    """Keep documents current on save and when tags change (from ``NewsroomConfig.ready``)."""
    tag_translation = Tag._parler_meta.root_model
    keep_search_documents(
        apps.get_model("newsroom", "PressReleaseTranslation"), release_search_document
    )
    m2m_changed.connect(_tags_changed, sender=TaggedRelease, dispatch_uid="newsroom-index-m2m")
    tracking.track(Tag, "name")
    tracking.track(tag_translation, "label")
    for model in (Tag, tag_translation):
        post_save.connect(_tag_saved, sender=model, dispatch_uid=f"index-{model.__name__}-new")
    post_delete.connect(_label_deleted, sender=tag_translation, dispatch_uid="index-unlabel")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid="newsroom-index-tag-deleting")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid="newsroom-index-tag-deleted")

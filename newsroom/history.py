"""What changed between two saved versions of a release (django-reversion).

Every save through the admin stores a version of the release together with all its
translations and tags (registered in ``newsroom.models``), so a version holds every language.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gorgan.kit.admin_history import inline_diff

from .models import Office, PressRelease, PressReleaseTranslation, Section, Tag, TaggedRelease

SHARED_FIELDS = [
    ("status", _("status")),
    ("publish_at", _("publish at")),
    ("section_id", _("section")),
    ("office_id", _("issuing office")),
    ("sign_off", _("sign-off code")),
]
TRANSLATED_FIELDS = [
    ("title", _("title")),
    ("slug", _("slug")),
    ("lead", _("lead")),
    ("body", _("body")),
]


def snapshot(version):
    """A release as saved in ``version``: shared fields, translations by language, tags."""
    release_fields = version.field_dict
    translations, tag_ids = {}, []
    for other in version.revision.version_set.all():
        model = other.content_type.model_class()
        if (
            model is PressReleaseTranslation
            and str(other.field_dict["master_id"]) == version.object_id
        ):
            translations[other.field_dict["language_code"]] = other.field_dict
        elif model is TaggedRelease:
            tag_ids.append(other.field_dict["tag_id"])
    return {"fields": release_fields, "translations": translations, "tag_ids": tag_ids}


def _display(field, value):
    if value in (None, ""):
        return ""
    if field == "status":
        return str(PressRelease.Status(value).label)
    if field == "section_id":
        return str(Section.objects.filter(pk=value).first() or value)
    if field == "office_id":
        return str(Office.objects.filter(pk=value).first() or value)
    return str(value)


def compare(old_version, new_version):
    """The differences between two versions of a release, one row per changed value."""
    old, new = snapshot(old_version), snapshot(new_version)
    rows = []
    for field, label in SHARED_FIELDS:
        before = _display(field, old["fields"].get(field))
        after = _display(field, new["fields"].get(field))
        if before != after:
            rows.append({"label": label, "language": "", "diff": inline_diff(before, after)})
    tag_names = dict(
        Tag.objects.filter(pk__in=old["tag_ids"] + new["tag_ids"]).values_list("pk", "name")
    )
    before = ", ".join(sorted(tag_names.get(pk, str(pk)) for pk in old["tag_ids"]))
    after = ", ".join(sorted(tag_names.get(pk, str(pk)) for pk in new["tag_ids"]))
    if before != after:
        rows.append({"label": _("tags"), "language": "", "diff": inline_diff(before, after)})
    for code, language_name in settings.LANGUAGES:
        old_fields = old["translations"].get(code, {})
        new_fields = new["translations"].get(code, {})
        for field, label in TRANSLATED_FIELDS:
            before, after = str(old_fields.get(field) or ""), str(new_fields.get(field) or "")
            if before != after:
                rows.append(
                    {"label": label, "language": language_name, "diff": inline_diff(before, after)}
                )
    return rows

"""What changed between two saved versions of an agreement (django-reversion).

A version of an agreement holds its translations and its commitments with theirs (registered
in ``sistercities.models``), so one comparison covers every language and every commitment.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gorgan.kit.admin_history import diff_row, translations_in_revision, versions_in_revision
from newsroom.models import PressRelease

from .models import Agreement, AgreementTranslation, Commitment, CommitmentUpdate, PartnerCity

AGREEMENT_FIELDS = [
    ("partner_city_id", _("partner city")),
    ("kind", _("kind")),
    ("status", _("status")),
    ("signed_on", _("signed on")),
    ("signed_on_precision", _("precision of the signing date")),
    ("document", _("signed document (PDF)")),
    ("related_releases", _("related press releases")),
]
AGREEMENT_TEXTS = [
    ("title", _("title")),
    ("slug", _("slug")),
    ("summary", _("summary")),
    ("signed_at_place", _("signed at (place)")),
    ("signatories", _("signatories")),
    ("counterpart_bodies", _("counterpart bodies")),
]
COMMITMENT_FIELDS = [
    ("sector", _("sector")),
    ("status", _("status")),
    ("target_date", _("target date")),
    ("order", _("order")),
    ("is_public", _("shown to the public")),
    ("updates", _("updates")),
]
COMMITMENT_TEXTS = [
    ("title", _("title")),
    ("description", _("description")),
    ("responsible_body", _("responsible body")),
]
CHOICES = {
    "kind": Agreement.Kind,
    "status": Agreement.Status,
    "signed_on_precision": Agreement.DatePrecision,
}
COMMITMENT_CHOICES = {"sector": Commitment.Sector, "status": Commitment.Status}


def snapshot(version):
    """An agreement as saved in ``version``: fields, texts by language, commitments by id."""
    commitment_translation = Commitment._parler_meta.root_model
    commitments = {}
    for saved in versions_in_revision(version, Commitment):
        if str(saved.field_dict["agreement_id"]) == version.object_id:
            commitments[saved.object_id] = {
                "fields": dict(saved.field_dict),
                "texts": translations_in_revision(version, commitment_translation, saved.object_id),
            }
    for saved in versions_in_revision(version, CommitmentUpdate):
        commitment = commitments.get(str(saved.field_dict["commitment_id"]))
        if commitment is not None:
            commitment["fields"].setdefault("updates", []).append(saved.field_dict)
    return {
        "fields": version.field_dict,
        "texts": translations_in_revision(version, AgreementTranslation),
        "commitments": commitments,
    }


def _display(field, value, choices):
    if value in (None, ""):
        return ""
    if field in choices:
        try:
            return str(choices[field](value).label)
        except ValueError:  # a choice that no longer exists
            return str(value)
    if field == "partner_city_id":
        return str(PartnerCity.objects.filter(pk=value).first() or value)
    if field == "related_releases":
        titles = {
            release.pk: str(release.safe_translation_getter("title", any_language=True))
            for release in PressRelease.objects.filter(pk__in=value).prefetch_related(
                "translations"
            )
        }
        return ", ".join(sorted(titles.get(pk, str(pk)) for pk in value))
    if field == "updates":
        return "; ".join(
            f"{update['date']} {_display('status', update['status'], COMMITMENT_CHOICES)}"
            for update in sorted(value, key=lambda update: (str(update["date"]), update["id"]))
        )
    if field == "is_public":
        return str(_("yes") if value else _("no"))
    return str(value)


def _rows(old, new, fields, texts, choices, label_for):
    rows = [
        diff_row(
            label_for(label),
            _display(field, old["fields"].get(field), choices),
            _display(field, new["fields"].get(field), choices),
        )
        for field, label in fields
    ]
    for code, language_name in settings.LANGUAGES:
        old_texts, new_texts = old["texts"].get(code, {}), new["texts"].get(code, {})
        rows += [
            diff_row(label_for(label), old_texts.get(field), new_texts.get(field), language_name)
            for field, label in texts
        ]
    return [row for row in rows if row]


def _commitment_title(saved):
    texts = saved["texts"]
    for code in [settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)]:
        if texts.get(code, {}).get("title"):
            return texts[code]["title"]
    return str(saved["fields"].get("id", ""))


def compare(old_version, new_version):
    """The differences between two versions of an agreement, one row per changed value."""
    old, new = snapshot(old_version), snapshot(new_version)
    rows = _rows(old, new, AGREEMENT_FIELDS, AGREEMENT_TEXTS, CHOICES, lambda label: label)
    for pk in sorted({*old["commitments"], *new["commitments"]}, key=int):
        before, after = old["commitments"].get(pk), new["commitments"].get(pk)
        title = _commitment_title(after or before)
        if before is None or after is None:
            rows.append(
                diff_row(
                    _("commitment"),
                    before and _commitment_title(before),
                    after and _commitment_title(after),
                )
            )
            continue
        rows += _rows(
            before,
            after,
            COMMITMENT_FIELDS,
            COMMITMENT_TEXTS,
            COMMITMENT_CHOICES,
            lambda label, title=title: (
                _("commitment “%(title)s”: %(field)s") % {"title": title, "field": label}
            ),
        )
    return rows

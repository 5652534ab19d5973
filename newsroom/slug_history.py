"""Old slugs keep working: recording them when an editor changes a slug, and finding them."""

from django.conf import settings
from django.db.models.signals import post_save

from gorgan.kit import tracking
from newsroom.models import PressRelease, PressReleaseTranslation, RetiredSlug


def _record_slug_change(sender, instance, created, raw=False, **kwargs):
    previous = None if created or raw else tracking.previous(instance, "slug")
    changed = previous is not None and previous != instance.slug
    if changed:
        RetiredSlug.objects.update_or_create(
            language_code=instance.language_code,
            slug=previous,
            defaults={"release_id": instance.master_id},
        )
    if created or changed:
        # A slug in use again is a live address, no longer a redirect.
        RetiredSlug.objects.filter(
            language_code=instance.language_code, slug=instance.slug
        ).delete()


def connect_signals():
    post_save.connect(
        _record_slug_change, sender=PressReleaseTranslation, dispatch_uid="newsroom-slug-saved"
    )
    tracking.track(PressReleaseTranslation, "slug")


def restored_slug_changes(plan):
    """{language: (slug now, slug after the restore)} where restoring a version changes it."""
    changes = {}
    for code, fields in plan.before.items():
        restored = plan.restored.get(code)
        if restored is not None and restored.get("slug") != fields["slug"]:
            changes[code] = (fields["slug"], restored.get("slug"))
    return changes


def record_restored_slugs(release, slugs_before):
    """Keep every address of ``release`` working after a restore from its history.

    Restoring writes the old rows directly (without the save signals that record a slug
    change), so the address in use until now would be a 404 and the restored one could still
    be listed as retired. ``slugs_before`` is {language: slug} from before the restore.
    """
    live = dict(
        PressReleaseTranslation.objects.filter(master_id=release.pk).values_list(
            "language_code", "slug"
        )
    )
    for code, slug in slugs_before.items():
        if slug and live.get(code) != slug:
            RetiredSlug.objects.update_or_create(
                language_code=code, slug=slug, defaults={"release_id": release.pk}
            )
    for code, slug in live.items():
        RetiredSlug.objects.filter(language_code=code, slug=slug).delete()


def moved_release_url(slug, language_code):
    """The current address of the public release that once had ``slug``, or None.

    The slug is looked up in the page's language, then in Persian (a Persian address opened
    under another language's prefix).
    """
    for code in dict.fromkeys([language_code, settings.LANGUAGE_CODE]):
        retired = RetiredSlug.objects.filter(language_code=code, slug=slug)
        release = (
            PressRelease.objects.published()
            .filter(pk__in=retired.values("release_id"))
            .prefetch_related("translations")
            .first()
        )
        if release is not None:
            return release.get_absolute_url(language_code)
    return None

"""Old slugs keep working: recording them when an editor changes a slug, and finding them."""

from django.conf import settings
from django.db.models.signals import post_save

from gorgan import tracking
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

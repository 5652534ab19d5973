"""The press room: accredited journalists read embargoed releases before their time and
download media kits, through their personal signed link (``mailing.press_room_token``).

Nothing here is public: every page is behind the journalist's link, answers 404 without a
valid one (or once the accreditation is withdrawn), and is never cached or indexed. Releases
come from ``PressRelease.objects.for_journalists()``: the public ones, and embargoed ones
before their time.
"""

import tempfile
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views import View

from . import mailing
from .models import Journalist, PressRelease, images_for_release
from .subscription_views import personal

UPCOMING_LIMIT = 50
RECENT_LIMIT = 20


class PressRoomMixin:
    def journalist(self, token):
        journalist = mailing.journalist_for_token(Journalist.objects.all(), token)
        if journalist is None:
            raise Http404("This press room link is not valid (any more).")
        return journalist

    def release(self, short_code):
        release = (
            PressRelease.objects.for_journalists()
            .select_related("featured_image")
            .prefetch_related("translations")
            .filter(short_code=short_code)
            .first()
        )
        if release is None:
            raise Http404("No such release in the press room.")
        return release


def embargo_notice(release, language_code):
    """(time, date) of the embargo while it lasts, else ``None``."""
    if not release.embargoed or release.is_public:
        return None
    return mailing.format_moment(release.publish_at, language_code)


class PressRoomView(PressRoomMixin, View):
    def get(self, request, token):
        journalist = self.journalist(token)
        now = timezone.now()
        upcoming = list(
            PressRelease.objects.scheduled(now)
            .filter(embargoed=True)
            .prefetch_related("translations")
            .order_by("publish_at", "pk")[:UPCOMING_LIMIT]
        )
        language = translation.get_language()
        context = {
            "journalist": journalist,
            "token": token,
            "upcoming": [(release, embargo_notice(release, language)) for release in upcoming],
            "recent": PressRelease.objects.published(now)
            .prefetch_related("translations")
            .newest_first()[:RECENT_LIMIT],
        }
        return personal(TemplateResponse(request, "newsroom/journalists/press_room.html", context))


class PressReleaseView(PressRoomMixin, View):
    def get(self, request, token, short_code):
        journalist = self.journalist(token)
        release = self.release(short_code)
        language = translation.get_language()
        content_language = language if release.has_language(language) else settings.LANGUAGE_CODE
        release.set_current_language(content_language)
        context = {
            "journalist": journalist,
            "token": token,
            "release": release,
            "content_language": content_language,
            "is_fallback": content_language != language,
            "embargo": embargo_notice(release, language),
            "contacts": release.press_contacts.prefetch_related("translations"),
            "images": media_kit_images(release),
        }
        return personal(TemplateResponse(request, "newsroom/journalists/release.html", context))


def media_kit_images(release):
    images = images_for_release(release)
    return [image for image in [images.featured, *images.gallery] if image is not None]


def credit_line(image, language_code):
    for code in dict.fromkeys([language_code, settings.LANGUAGE_CODE]):
        credit = image.text_for("credit", code)
        if credit:
            return credit
    return ""


class MediaKitView(PressRoomMixin, View):
    """A zip of the original pictures (featured first, then the gallery), with their
    credits in ``credits.txt``."""

    def get(self, request, token, short_code):
        self.journalist(token)
        release = self.release(short_code)
        images = media_kit_images(release)
        if not images:
            raise Http404("This release has no pictures.")
        language = translation.get_language()
        # Closed by the response once sent (FileResponse closes its file).
        archive = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
        credits = []
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as kit:
            for number, image in enumerate(images, start=1):
                name = (
                    f"{number:02d}-{image.content_hash[:12]}{PurePosixPath(image.file.name).suffix}"
                )
                with image.file.storage.open(image.file.name, "rb") as original:
                    kit.writestr(name, original.read())
                credit = credit_line(image, language)
                alt, _alt_language = image.alt_text_for(language)
                credits.append(f"{name}\t{alt}\t{credit}")
            kit.writestr("credits.txt", "\n".join(credits) + "\n")
        archive.seek(0)
        response = FileResponse(
            archive, as_attachment=True, filename=f"media-kit-{release.short_code}.zip"
        )
        return personal(response)

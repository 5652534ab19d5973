from pathlib import PurePosixPath

from django.conf import settings
from django.utils.http import content_disposition_header
from django.views.generic import TemplateView
from django.views.static import serve

from newsroom.models import PressRelease

HOME_RELEASE_COUNT = 10
DOWNLOAD_ONLY_SUFFIXES = {".pdf"}


class HomeView(TemplateView):
    template_name = "gorgan/home.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.published().in_language().for_listing().newest_first()
        return super().get_context_data(releases=releases[:HOME_RELEASE_COUNT], **kwargs)


def serve_media(request, path):
    """Uploaded files in development; documents are downloaded, never shown inline.

    A PDF opened inside the site's origin could run script in some viewers; as an attachment
    it cannot. Production serves media from the web server with the same headers.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    name = PurePosixPath(path).name
    if PurePosixPath(name).suffix.lower() in DOWNLOAD_ONLY_SUFFIXES:
        response.headers["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=name
        )
    return response

"""Press releases in the site search."""

from django.utils.translation import gettext_lazy as _

from gorgan.kit import search
from newsroom.indexing import plain_text
from newsroom.models import PressRelease


class PressReleaseSearch(search.TranslatedDocumentSource):
    kind = _("Press release")
    date_field = "publish_at"

    def public_queryset(self, language):
        # A result shows the title, a summary and the date: the translations are all it reads.
        return (
            PressRelease.objects.published().in_language(language).prefetch_related("translations")
        )

    def build_result(self, release, query):
        return search.Result(
            kind=self.kind,
            title=search.highlight(release.title, query),
            summary=search.summary([release.lead, plain_text(release.body)], query),
            url=release.get_absolute_url(),
            date=release.publish_at,
        )

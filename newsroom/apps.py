from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from gorgan import search, sitemaps

        from . import archive, indexing, slug_history, workflow
        from .search import PressReleaseSearch
        from .sitemaps import PressReleaseSitemap, TagSitemap

        workflow.connect_signals()
        indexing.connect_signals()
        slug_history.connect_signals()
        archive.connect_signals()
        search.register(PressReleaseSearch())
        sitemaps.register("releases", PressReleaseSitemap)
        sitemaps.register("tags", TagSitemap)

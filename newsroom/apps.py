from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from gorgan.kit import dependencies, metadata, search, sitemaps, translation_registry

        from . import asides, distribution, indexing, roles, slug_history, workflow
        from .dependencies import track_models
        from .models.contacts import press_contacts_prefetch
        from .search import PressReleaseSearch
        from .sitemaps import PressReleaseSitemap, TagSitemap

        workflow.connect_signals()
        indexing.connect_signals()
        slug_history.connect_signals()
        distribution.connect_signals()
        asides.register(
            "press-contacts",
            asides.ReleaseAside("newsroom/includes/_press_contacts.html", press_contacts_prefetch),
        )
        search.register(PressReleaseSearch())
        sitemaps.register("releases", PressReleaseSitemap)
        sitemaps.register("tags", TagSitemap)
        roles.grant_permissions()
        track_models()
        dependencies.register_schedule(next_publication_time)
        sitemaps.register_page("newsroom:release-list")
        metadata.register_site_feed(
            _("Gorgan Municipality news (RSS)"), "newsroom:feed-rss", "application/rss+xml"
        )
        metadata.register_site_feed(
            _("Gorgan Municipality news (Atom)"), "newsroom:feed-atom", "application/atom+xml"
        )
        translation_registry.register(
            "newsroom.PressRelease",
            ("title", "slug", "lead", "body"),
            _("press releases"),
            slug_sources={"slug": "title"},
        )
        translation_registry.register("newsroom.Tag", ("label",), _("tags"))
        translation_registry.register("newsroom.Section", ("name",), _("sections"))
        translation_registry.register("newsroom.Office", ("name",), _("issuing offices"))
        translation_registry.register(
            "newsroom.PressContact", ("name", "role"), _("press contacts")
        )
        translation_registry.register(
            "newsroom.Image", ("alt_text", "caption", "credit"), _("images")
        )


def next_publication_time():
    from .models import PressRelease

    return PressRelease.objects.next_publication_time()

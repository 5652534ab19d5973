from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GorganConfig(AppConfig):
    name = "gorgan"
    verbose_name = _("Site")

    def ready(self):
        from gorgan import pagecache

        pagecache.connect_signals()

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GorganConfig(AppConfig):
    name = "gorgan"
    verbose_name = _("Site")

    def ready(self):
        from gorgan import database, pagecache
        from gorgan.roles import sync_role_groups_after_migrate

        pagecache.connect_signals()
        database.connect_signals()
        post_migrate.connect(sync_role_groups_after_migrate, dispatch_uid="gorgan.sync_roles")

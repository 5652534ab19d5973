from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GorganConfig(AppConfig):
    name = "gorgan"
    verbose_name = _("Site")

    def ready(self):
        from gorgan.kit import database, dependencies, roles, translation_registry

        from .models import Service, SiteIdentity

        database.connect_signals()
        # Every page shows the identity and all the services: their lists' keys stand for them.
        dependencies.track_translated(
            SiteIdentity, shown_as=dependencies.list_key_only(SiteIdentity)
        )
        dependencies.track_translated(Service, shown_as=dependencies.list_key_only(Service))
        post_migrate.connect(roles.sync_role_groups_after_migrate, dispatch_uid="gorgan.sync_roles")
        # City services and the site's identity (name, logo, contact details).
        roles.grant(
            roles.EDITOR,
            *roles.model_permissions("gorgan.service", *roles.ALL),
            *roles.model_permissions("gorgan.siteidentity", "view", "change"),
            # Spellings the site search treats as one word.
            *roles.model_permissions("gorgan.searchspelling", *roles.ALL),
        )
        roles.grant(
            roles.TRANSLATOR,
            *roles.model_permissions("gorgan.service", "view", "translate"),
            *roles.model_permissions("gorgan.siteidentity", "view", "translate"),
        )
        translation_registry.register("gorgan.Service", ("title", "description"), _("services"))
        translation_registry.register(
            "gorgan.SiteIdentity", ("name", "slogan", "address"), _("site identity")
        )

"""Staff roles: each group and the permissions it grants, kept in sync with this table.

The table names permissions as ``app_label.codename``. Some belong to models that arrive
later (comments, services, sister cities); ``sync_role_groups()`` skips what does not exist
yet and runs again after every ``migrate``, so a group gains a permission as soon as its
model is installed. The table is the source of truth: permissions added to these groups by
hand are removed at the next sync. Give a person extra rights through their user account.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

WRITER = "Writer"
EDITOR = "Editor"
TRANSLATOR = "Translator"
INTERNATIONAL_AFFAIRS = "International affairs officer"  # group names are stable data


def model_permissions(app_model, *actions):
    """``("newsroom.tag", "view")`` -> ``["newsroom.view_tag"]``."""
    app_label, model = app_model.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


ALL = ("view", "add", "change", "delete")

ROLE_PERMISSIONS = {
    WRITER: [
        # Write releases and submit them for review; publishing and deleting are the editor's.
        *model_permissions("newsroom.pressrelease", "view", "add", "change"),
        *model_permissions("newsroom.tag", "view"),
        *model_permissions("newsroom.section", "view"),
        *model_permissions("newsroom.office", "view"),
        # Images, the gallery and pinned similar releases are part of writing a release.
        *model_permissions("newsroom.image", "view", "add", "change"),
        *model_permissions("newsroom.galleryitem", *ALL),
        *model_permissions("newsroom.similarreleasepin", *ALL),
    ],
    EDITOR: [
        *model_permissions("newsroom.pressrelease", *ALL, "publish"),
        *model_permissions("newsroom.tag", *ALL),
        *model_permissions("newsroom.section", "view"),
        *model_permissions("newsroom.office", "view"),
        *model_permissions("newsroom.image", *ALL),
        *model_permissions("newsroom.galleryitem", *ALL),
        *model_permissions("newsroom.similarreleasepin", *ALL),
        # Comment moderation.
        *model_permissions("newsroom.comment", "view", "change", "delete"),
        # City services and the site's identity (name, logo, contact details).
        *model_permissions("gorgan.service", *ALL),
        *model_permissions("gorgan.siteidentity", "view", "change"),
        # Spellings the site search treats as one word.
        *model_permissions("gorgan.searchspelling", *ALL),
    ],
    TRANSLATOR: [
        # Translations of existing content only: no creating, deleting, status or dates.
        *model_permissions("newsroom.pressrelease", "view", "translate"),
        *model_permissions("newsroom.tag", "view", "translate"),
        *model_permissions("newsroom.section", "view", "translate"),
        *model_permissions("newsroom.office", "view", "translate"),
        *model_permissions("newsroom.image", "view", "translate"),
        *model_permissions("gorgan.service", "view", "translate"),
        *model_permissions("gorgan.siteidentity", "view", "translate"),
        *model_permissions("sistercities.partnercity", "view", "translate"),
        *model_permissions("sistercities.agreement", "view", "translate"),
        *model_permissions("sistercities.commitment", "view", "translate"),
        *model_permissions("sistercities.commitmentupdate", "view", "translate"),
    ],
    INTERNATIONAL_AFFAIRS: [
        *model_permissions("sistercities.partnercity", *ALL),
        *model_permissions("sistercities.agreement", *ALL),
        *model_permissions("sistercities.commitment", *ALL),
        *model_permissions("sistercities.commitmentupdate", *ALL),
    ],
}


def sync_role_groups(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the role groups and give each exactly the permissions of the table above.

    Permissions that do not exist (yet) are skipped silently. Works with the historical
    ``apps`` of a data migration as well as with the real ones.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {name for names in ROLE_PERMISSIONS.values() for name in names}
    existing = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using)
        .filter(
            content_type__app_label__in={name.split(".")[0] for name in wanted},
            codename__in={name.split(".")[1] for name in wanted},
        )
        .values_list("pk", "content_type__app_label", "codename")
    }
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([existing[name] for name in names if name in existing])


def sync_role_groups_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """``post_migrate`` receiver: sync once, after the last app created its permissions."""
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if with_models and sender is with_models[-1]:
        sync_role_groups(using=using)

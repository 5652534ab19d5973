"""Staff roles: each group and the permissions it grants, kept in sync with this table.

Each app grants its own models' permissions to the roles from its ``AppConfig.ready()``
(``grant()``), naming them as ``app_label.codename``; the kit names no app. Permissions that
do not exist yet are skipped, and the sync runs again after every ``migrate``, so a group
gains a permission as soon as its model is installed. The table is the source of truth:
permissions added to these groups by hand are removed at the next sync. Give a person extra
rights through their user account.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

WRITER = "Writer"
EDITOR = "Editor"
TRANSLATOR = "Translator"  # group names are stable data


def model_permissions(app_model, *actions):
    """``("blog.entry", "view", "add")`` -> ``["blog.view_entry", "blog.add_entry"]``."""
    app_label, model = app_model.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


ALL = ("view", "add", "change", "delete")

#: ``{role: [permission names]}``, filled by the apps from their ``AppConfig.ready()``.
ROLE_PERMISSIONS = {}


def grant(role, *permission_names):
    """Give ``role`` these permissions (creating the role); apps call it from ``ready()``.

    Granting twice is harmless, so the table stays the same however often apps load.
    """
    names = ROLE_PERMISSIONS.setdefault(role, [])
    names.extend(name for name in permission_names if name not in names)


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

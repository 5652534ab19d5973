"""The role groups follow the table in gorgan/kit/roles.py, whatever is installed."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal

from gorgan.kit import roles


def permissions_of(name):
    group = Group.objects.get(name=name)
    return sorted(
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def installed(names):
    return sorted(
        name
        for name in names
        if Permission.objects.filter(
            content_type__app_label=name.split(".")[0], codename=name.split(".")[1]
        ).exists()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(roles.ROLE_PERMISSIONS))
def test_migrate_leaves_each_group_with_exactly_its_installed_permissions(role):
    assert permissions_of(role) == installed(roles.ROLE_PERMISSIONS[role])


@pytest.mark.django_db
def test_writer_and_editor_permissions_on_releases():
    writer, editor = permissions_of(roles.WRITER), permissions_of(roles.EDITOR)

    assert [p for p in writer if p.endswith("_pressrelease")] == [
        "newsroom.add_pressrelease",
        "newsroom.change_pressrelease",
        "newsroom.view_pressrelease",
    ]
    assert [p for p in editor if p.endswith("_pressrelease")] == [
        "newsroom.add_pressrelease",
        "newsroom.change_pressrelease",
        "newsroom.delete_pressrelease",
        "newsroom.publish_pressrelease",
        "newsroom.view_pressrelease",
    ]


@pytest.mark.django_db
def test_sync_skips_permissions_that_do_not_exist_yet(monkeypatch):
    table = {roles.WRITER: ["newsroom.view_pressrelease", "newsroom.view_not_a_model"]}
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", table)

    roles.sync_role_groups()

    assert permissions_of(roles.WRITER) == ["newsroom.view_pressrelease"]


@pytest.mark.django_db
def test_sync_removes_permissions_added_by_hand():
    writer = Group.objects.get(name=roles.WRITER)
    writer.permissions.add(Permission.objects.get(codename="delete_pressrelease"))

    roles.sync_role_groups()

    assert "newsroom.delete_pressrelease" not in permissions_of(roles.WRITER)


@pytest.mark.django_db
def test_every_migrate_brings_the_groups_back():
    Group.objects.filter(name=roles.EDITOR).delete()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert "newsroom.publish_pressrelease" in permissions_of(roles.EDITOR)

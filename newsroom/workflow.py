"""The editorial workflow: who may put a release in which status, and the record of each move.

Writers draft releases and submit them for review; editors publish (now or scheduled),
unpublish and archive. A published or archived release is the editors' to change, so a
writer cannot alter what the public reads. Translators work through
``gorgan.kit.admin_roles.TranslationAccessMixin`` and never touch the status.
"""

import contextvars
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save

from gorgan.kit import tracking

from .models import PressRelease, StatusChange

Status = PressRelease.Status

# What a writer may set, and the statuses in which a writer may still edit a release.
WRITER_STATUSES = (Status.DRAFT, Status.REVIEW)

_acting_user = contextvars.ContextVar("newsroom_acting_user", default=None)


def can_publish(user):
    return user.has_perm("newsroom.publish_pressrelease")


def can_edit_source(user):
    """Whether ``user`` writes releases (all fields, Persian included), not only translates."""
    return user.has_perm("newsroom.change_pressrelease")


def allowed_statuses(user):
    """The statuses ``user`` may give a release, in workflow order."""
    if can_publish(user):
        return list(Status)
    if can_edit_source(user):
        return list(WRITER_STATUSES)
    return []


def may_edit(user, release=None):
    """Whether ``user`` may change ``release`` at all (a translator: its translations)."""
    if release is None or can_publish(user) or not can_edit_source(user):
        return True
    return release.status in WRITER_STATUSES


def check_transition(user, old_status, new_status):
    """Refuse a status change ``user`` may not make, whatever the form offered."""
    if old_status == new_status:
        return
    allowed = allowed_statuses(user)
    if new_status not in allowed or (old_status is not None and old_status not in allowed):
        raise PermissionDenied("This status change needs an editor.")


@contextmanager
def acting_as(user):
    """Attribute the status changes saved inside the block to ``user``."""
    token = _acting_user.set(user if user is not None and user.is_authenticated else None)
    try:
        yield
    finally:
        _acting_user.reset(token)


def _record_status_change(sender, instance, **kwargs):
    # A version restored from history arrives with its new status in memory: tracking reads
    # the stored one.
    previous = tracking.previous(instance, "status")
    if previous == instance.status:
        return
    StatusChange.objects.create(
        release_id=instance.pk,
        from_status=previous or "",
        to_status=instance.status,
        changed_by=_acting_user.get(),
    )


def connect_signals():
    tracking.track(PressRelease, "status")
    post_save.connect(_record_status_change, sender=PressRelease, dispatch_uid="wf-post")

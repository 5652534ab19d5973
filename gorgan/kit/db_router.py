"""Send anonymous readers' queries to a read replica when one is configured.

Everything else — staff, the admin, form posts and all writes — uses the primary, so an editor
always sees what they just saved (a replica may lag by a moment). Enabled by setting
``DATABASE_REPLICA_URL``; without it every query goes to the primary.
"""

import contextvars

from django.conf import settings

REPLICA = "replica"
_reader_may_use_replica = contextvars.ContextVar("reader_may_use_replica", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reader_may_use_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaRoutingMiddleware:
    """Marks anonymous GET requests outside the admin as safe to answer from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        may_use_replica = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(self.admin_prefix)
        )
        token = _reader_may_use_replica.set(may_use_replica)
        try:
            return self.get_response(request)
        finally:
            _reader_may_use_replica.reset(token)

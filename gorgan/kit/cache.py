"""A Redis cache that lets pages render from the database while Redis is slow or unreachable.

Built on Django's public cache API (``BaseCache``) and redis-py's public client. Each process
keeps one ``redis.Redis`` per server and options, shared by its threads (building one costs
more than a cached read), and one circuit breaker with it: after an operation fails or times
out, Redis is skipped for ``skip_seconds`` instead of every operation paying the timeout again;
then one operation probes it, and success puts Redis back in use.
"""

import logging
import threading

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisSerializer
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from gorgan.kit.availability import CircuitBreaker

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# How long Redis is skipped after a failure, unless OPTIONS["skip_seconds"] says otherwise.
SKIP_SECONDS = 3.0
RAISE = object()


class CacheSkipped(RedisConnectionError):
    """Raised instead of trying Redis while the circuit breaker skips it."""


_shared = {}
_shared_lock = threading.Lock()


def shared_client(server, options):
    """The process's ``redis.Redis`` and circuit breaker for ``server`` with ``options``."""
    key = (server, repr(sorted(options.items())))
    found = _shared.get(key)
    if found is None:
        with _shared_lock:
            found = _shared.get(key)
            if found is None:
                redis_options = dict(options)
                breaker = CircuitBreaker(
                    "Cache", float(redis_options.pop("skip_seconds", SKIP_SECONDS))
                )
                found = _shared[key] = (redis.Redis.from_url(server, **redis_options), breaker)
    return found


class ResilientRedisCache(BaseCache):
    """A Redis cache whose reads miss and writes are skipped while Redis is away.

    Only the operations a page cache uses are forgiving. ``add``, ``incr`` and ``decr`` still
    raise (``CacheSkipped`` while the breaker skips Redis), because rate limiting is built on
    them and must refuse rather than let everything through when it cannot count.
    ``OPTIONS`` go to ``redis.Redis.from_url`` (timeouts, pool size), except ``skip_seconds``.
    """

    def __init__(self, server, params):
        super().__init__(params)
        self.server = server
        self.options = params.get("OPTIONS", {})
        self.serializer = RedisSerializer()
        # Connects at the first command, not here.
        self.client, self.breaker = shared_client(server, self.options)

    def call(self, operation, fallback, run):
        breaker = self.breaker
        if not breaker.allows():
            if fallback is RAISE:
                raise CacheSkipped(f"Cache skipped after a failure ({operation})")
            return fallback
        try:
            result = run(self.client)
        except UNREACHABLE as error:
            breaker.failed(f"{operation}: {error}")
            if fallback is RAISE:
                raise
            return fallback
        breaker.succeeded()
        return result

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout == DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        # None keeps the key for ever; zero or less deletes it.
        return None if timeout is None else max(0, int(timeout))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        value = self.serializer.dumps(value)

        def run(client):
            if timeout == 0:
                added = bool(client.set(key, value, nx=True))
                if added:
                    client.delete(key)
                return added
            return bool(client.set(key, value, ex=timeout, nx=True))

        return self.call("add", RAISE, run)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self.call("get", None, lambda client: client.get(key))
        return default if value is None else self.serializer.loads(value)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        value = self.serializer.dumps(value)

        def run(client):
            if timeout == 0:
                client.delete(key)
            else:
                client.set(key, value, ex=timeout)

        self.call("set", None, run)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)

        def run(client):
            if timeout is None:
                return bool(client.persist(key))
            return bool(client.expire(key, timeout))

        return self.call("touch", False, run)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self.call("delete", False, lambda client: bool(client.delete(key)))

    def validate_key(self, key):
        """Keys are the site's own, and Redis takes any: no memcached-compatibility warnings,
        which cost more than the lookup of a cached page's few dozen keys."""

    def get_many(self, keys, version=None):
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not key_map:
            return {}
        names = list(key_map)
        values = self.call("get_many", None, lambda client: client.mget(names))
        if values is None:
            return {}
        return {
            key_map[name]: self.serializer.loads(value)
            for name, value in zip(names, values, strict=True)
            if value is not None
        }

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self.call("has_key", False, lambda client: bool(client.exists(key)))

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)

        def run(client):
            if not client.exists(key):
                raise ValueError(f"Key '{key}' not found.")
            return client.incr(key, delta)

        return self.call("incr", RAISE, run)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        timeout = self.get_backend_timeout(timeout)
        values = {
            self.make_and_validate_key(key, version=version): self.serializer.dumps(value)
            for key, value in data.items()
        }

        def run(client):
            pipeline = client.pipeline()
            pipeline.mset(values)
            if timeout is not None:
                # MSET takes no expiry: one EXPIRE per key, in the same round trip.
                for key in values:
                    pipeline.expire(key, timeout)
            pipeline.execute()
            return []

        return self.call("set_many", list(data), run)

    def delete_many(self, keys, version=None):
        names = [self.make_and_validate_key(key, version=version) for key in keys]
        if names:
            self.call("delete_many", None, lambda client: client.delete(*names))

    def clear(self):
        return self.call("clear", RAISE, lambda client: bool(client.flushdb()))

"""A Redis cache that lets pages render from the database while Redis is unreachable."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class ReusedClients(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new client object for every operation; building one costs more than a
    cached read itself. A ``redis.Redis`` may be shared between threads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache``; reads miss and writes are skipped while Redis is away.

    Only the operations a page cache uses are forgiving. ``add``, ``incr`` and ``decr`` still
    raise, because rate limiting is built on them and must refuse rather than let everything
    through when it cannot count.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients

    def _forgiving(self, operation, fallback, *args, **kwargs):
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unreachable, %s skipped: %s", operation, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._forgiving("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._forgiving("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._forgiving("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forgiving("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._forgiving("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._forgiving("delete_many", None, keys, version)

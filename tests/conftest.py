import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from gorgan.pagecache import recent_fragments

    cache.clear()
    recent_fragments.clear()
    yield
    cache.clear()
    recent_fragments.clear()

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from gorgan.kit.pagecache import recent_pages

    cache.clear()
    recent_pages.clear()
    yield
    cache.clear()
    recent_pages.clear()


@pytest.fixture
def media_root(settings, tmp_path):
    """A fresh, empty MEDIA_ROOT for one test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

"""Production: refuses to start without the settings it needs."""

from .base import *  # noqa: F403
from .base import env_bool, require_env

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = require_env("SECRET_KEY")

# Fingerprinted, pre-compressed static files, served by WhiteNoise with far-future caching.
STORAGES = {
    **STORAGES,  # noqa: F405 (media storage as chosen in base)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

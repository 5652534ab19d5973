import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-for-the-deploy-check-only-9f1c2a7b5e8d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",
    "ALLOWED_HOSTS": "www.gorgan.example,gorgan.example",
}


def run_manage(settings_module, *args, **env):
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env | {"DJANGO_SETTINGS_MODULE": settings_module} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("module", "env", "missing"),
    [
        ("gorgan.settings.prod", {"ALLOWED_HOSTS": "gorgan.example"}, "SECRET_KEY"),
        ("gorgan.settings.dev", {"DEBUG": "0"}, "SECRET_KEY"),
        ("gorgan.settings.prod", {"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
    ],
)
def test_startup_without_a_required_variable_fails_with_a_clear_message(module, env, missing):
    result = run_manage(module, "check", **env)

    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_deploy_check_passes_with_the_documented_variables():
    result = run_manage(
        "gorgan.settings.prod", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_production_cookies_are_secure_httponly_and_samesite():
    script = (
        "from django.conf import settings as s; print(*["
        "getattr(s, f'{c}_COOKIE_{a}') for c in ('SESSION', 'CSRF', 'LANGUAGE')"
        " for a in ('SECURE', 'HTTPONLY', 'SAMESITE')])"
    )
    result = run_manage("gorgan.settings.prod", "shell", "-v", "0", "-c", script, **PRODUCTION_ENV)

    assert result.stdout.split() == ["True", "True", "Lax"] * 3, result.stderr

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(settings_module, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_env | {"DJANGO_SETTINGS_MODULE": settings_module} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("module", "env"),
    [("gorgan.settings.prod", {}), ("gorgan.settings.dev", {"DEBUG": "0"})],
)
def test_startup_without_secret_key_fails_with_a_clear_message(module, env):
    result = run_check(module, **env)

    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set in production" in result.stderr


def test_startup_with_secret_key_succeeds():
    result = run_check("gorgan.settings.prod", SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr

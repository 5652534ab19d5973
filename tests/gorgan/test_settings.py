import os
import re
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


def setting(name, **env):
    script = f"from django.conf import settings as s; print(s.{name})"
    result = run_manage("gorgan.settings.prod", "shell", "-v", "0", "-c", script, **env)
    return result.stdout.strip() or result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "1"), ({"BEHIND_PROXY": "0"}, "0"), ({"TRUSTED_PROXY_COUNT": "2"}, "2")],
)
def test_production_reads_client_addresses_behind_one_proxy_by_default(env, expected):
    assert setting("TRUSTED_PROXY_COUNT", **PRODUCTION_ENV, **env) == expected


ENVIRONMENT_READ = re.compile(
    r"""(?:os\.environ(?:\.get|\.setdefault)?\(|os\.environ\[|env_bool\(|env_list\(|require_env\()"""
    r"""\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def variables_read():
    sources = [*sorted((ROOT / "gorgan" / "settings").glob("*.py")), ROOT / "gorgan" / "wsgi.py"]
    sources.append(ROOT / "deploy" / "gunicorn.conf.py")
    return sorted({name for path in sources for name in ENVIRONMENT_READ.findall(path.read_text())})


def test_variables_are_found_in_the_settings():
    assert {"SECRET_KEY", "DATABASE_URL", "GUNICORN_WORKERS", "DJANGO_SETTINGS_MODULE"} <= set(
        variables_read()
    )


@pytest.mark.parametrize("document", ["docs/operations.md", "deploy/systemd/environment.example"])
def test_every_environment_variable_is_documented(document):
    text = (ROOT / document).read_text()
    listed = set(re.findall(r"(?<![A-Z0-9_])([A-Z][A-Z0-9_]+)=", text)) | set(
        re.findall(r"`([A-Z][A-Z0-9_]+)`", text)
    )

    assert [name for name in variables_read() if name not in listed] == []


MEDIA_ROUTE = (
    "from django.conf import settings; from django.urls import Resolver404, resolve\n"
    "try:\n"
    "    print(settings.DEBUG, resolve('/media/releases/photo.jpg').url_name)\n"
    "except Resolver404:\n"
    "    print(settings.DEBUG, 'not routed')"
)


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        ("gorgan.settings.dev", {}, "True media"),
        ("gorgan.settings.dev", {"DEBUG": "0", **PRODUCTION_ENV}, "False not routed"),
        ("gorgan.settings.prod", PRODUCTION_ENV, "False not routed"),
        ("gorgan.settings.prod", {"SERVE_MEDIA": "1", **PRODUCTION_ENV}, "False media"),
    ],
    ids=["demo", "dev-debug-off", "production", "production-opted-in"],
)
def test_uploaded_media_are_routed_where_debug_is_on(module, env, expected):
    result = run_manage(module, "shell", "--no-imports", "-c", MEDIA_ROUTE, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


EMAIL_ENV = {
    "EMAIL_HOST": "smtp.gorgan.example",
    "DEFAULT_FROM_EMAIL": "news@gorgan.example",
    "SITE_URL": "https://www.gorgan.example",
}


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"EMAIL_HOST": "smtp.gorgan.example"}, "DEFAULT_FROM_EMAIL"),
        ({"DEFAULT_FROM_EMAIL": "news@gorgan.example"}, "EMAIL_HOST"),
        ({k: v for k, v in EMAIL_ENV.items() if k != "SITE_URL"}, "SITE_URL"),
        (EMAIL_ENV | {"EMAIL_HOST_USER": "news"}, "EMAIL_HOST_PASSWORD"),
    ],
)
def test_production_refuses_half_configured_email(env, missing):
    result = run_manage("gorgan.settings.prod", "check", **PRODUCTION_ENV, **env)

    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_production_without_email_sends_nothing_and_with_it_uses_smtp():
    assert setting("EMAIL_BACKEND", **PRODUCTION_ENV) == (
        "django.core.mail.backends.dummy.EmailBackend"
    )
    assert setting("EMAIL_BACKEND", **PRODUCTION_ENV, **EMAIL_ENV) == (
        "django.core.mail.backends.smtp.EmailBackend"
    )


def test_demo_writes_its_email_into_the_outbox_folder():
    script = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH)"
    result = run_manage("gorgan.settings.dev", "shell", "-v", "0", "-c", script)

    backend, folder = result.stdout.split()
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert folder == str(ROOT / "outbox" / "mail")

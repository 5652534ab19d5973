"""The first steps of a newcomer: the README, `make demo`, and the CI script on a fresh machine."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def readme_address_tables():
    """Each table that lists public addresses, as its list of address cells."""
    tables, current = [], None
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("| Address | Page |"):
            current = []
            tables.append(current)
        elif current is not None and line.startswith("| `/"):
            current.append(line.split("|")[1].strip())
        elif current is not None and not line.startswith("|---"):
            current = None
    return tables


def test_readme_lists_every_address_in_one_table():
    stray_rows = [
        line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("| `/")
    ]

    tables = readme_address_tables()

    assert len(tables) == 1
    assert len(tables[0]) == len(stray_rows)
    assert "`/<lang>/news/archive/<year>/<month>/`" in tables[0]
    assert "`/sitemap.xml`, `/robots.txt`" in tables[0]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_serves_and_announces_the_chosen_port():
    dry_run = subprocess.run(
        ["make", "--dry-run", "demo", "PORT=8001"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()

    commands = [line.split("manage.py ", 1)[1] for line in dry_run if "manage.py " in line]

    assert "runserver 127.0.0.1:8001" in commands
    assert "load_demo --address 127.0.0.1:8001" in commands
    assert not any("8000" in command for command in commands)


@pytest.mark.django_db
def test_load_demo_prints_the_address_served():
    out = StringIO()

    call_command("load_demo", address="127.0.0.1:8001", stdout=out)

    last_line = out.getvalue().strip().splitlines()[-1]
    assert "Site: http://127.0.0.1:8001/ " in last_line
    assert f"Admin: http://127.0.0.1:8001/{settings.ADMIN_URL} " in last_line
    assert "8000" not in last_line


CI_SCRIPT = ROOT / ".ci" / "run"


def ci_commands():
    """The script's command lines, continuation lines joined, comments left out."""
    text = CI_SCRIPT.read_text().replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def test_ci_script_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(CI_SCRIPT)], capture_output=True, text=True)

    assert result.returncode == 0, result.stderr


def test_ci_script_refreshes_the_package_lists_before_installing():
    commands = ci_commands()

    apt = [line.split("apt-get ", 1)[1].split()[0] for line in commands if "apt-get " in line]

    assert apt == ["update", "install"]
    install = next(line for line in commands if "apt-get install" in line)
    assert " -y " in install
    assert install.endswith('"${packages[@]}"')


@pytest.mark.parametrize(
    ("package", "when_missing"),
    [
        ("chromium", "command -v chromium"),
        ("nginx-light", "command -v nginx"),
        ("python3.11-venv", "import ensurepip, venv"),
        ("postgresql", "listening"),
        ("postgresql-client", "command -v psql"),
        ("redis-server", "command -v redis-server"),
    ],
)
def test_ci_script_installs_what_a_fresh_machine_lacks(package, when_missing):
    lines = CI_SCRIPT.read_text().splitlines()

    adding = [number for number, line in enumerate(lines) if f"packages+=({package})" in line]

    assert len(adding) == 1
    # The package is added on the line that tests for it, or inside the `if` just above.
    assert when_missing in "\n".join(lines[adding[0] - 1 : adding[0] + 1])


def test_ci_script_starts_the_servers_and_runs_the_suite_twice():
    commands = ci_commands()

    runs = [line for line in commands if line.endswith("make test")]

    assert any("pg_ctlcluster --skip-systemctl-redirect" in line for line in commands)
    assert any("redis-server --daemonize yes" in line for line in commands)
    assert runs == ["make test", 'DATABASE_URL="$PG_URL_BASE/$DB_NAME" make test']
    assert commands.index(runs[0]) < commands.index(
        next(line for line in commands if "CREATE DATABASE" in line)
    )

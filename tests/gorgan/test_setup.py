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

"""Run a line of Python under the settings a user runs, in a process of its own.

Settings read the environment once, at start-up; a fresh process is the only honest way to
see what a variable does to them.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_shell(script, environment, settings_module="gorgan.settings.dev"):
    """What ``manage.py shell -c script`` prints with ``environment`` added; fails loudly."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": settings_module} | environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout

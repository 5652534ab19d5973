"""The layers of the code: the kit serves the apps, and the newsroom knows no sister city.

Each module is read as source: what it imports, and every string in it (a model named as
``"newsroom.PressRelease"`` or a URL name is a dependency too, only a hidden one).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The project's composition root: the only place that names every app.
COMPOSITION_ROOT = (
    "gorgan/settings/",
    "gorgan/urls.py",
    "gorgan/wsgi.py",
    "gorgan/views.py",
    "gorgan/management/",
)


def modules(folder, exclude=()):
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith(exclude):
            yield relative


def dependencies(relative_path, app_labels):
    """``(line, what)`` for each import of, or string naming, one of ``app_labels``."""
    pattern = re.compile(rf"\b({'|'.join(app_labels)})\b")
    tree = ast.parse((ROOT / relative_path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value]
        else:
            continue
        found += [(node.lineno, name) for name in names if pattern.search(name)]
    return found


@pytest.mark.parametrize("module", list(modules("gorgan", exclude=COMPOSITION_ROOT)))
def test_kit_module_names_no_app(module):
    assert dependencies(module, ["newsroom", "sistercities"]) == []


@pytest.mark.parametrize("module", list(modules("newsroom")))
def test_newsroom_module_names_no_sister_city_code(module):
    assert dependencies(module, ["sistercities"]) == []


def test_layer_check_sees_an_import_and_a_model_named_by_string(tmp_path, monkeypatch):
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    (tmp_path / "kit.py").write_text(
        'from newsroom.models import PressRelease\nMODEL = "newsroom.PressRelease"\n'
    )
    assert dependencies("kit.py", ["newsroom"]) == [
        (1, "newsroom.models"),
        (2, "newsroom.PressRelease"),
    ]


@pytest.mark.parametrize(
    "template",
    sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates/newsroom").rglob("*.html")),
)
def test_newsroom_template_names_no_sister_city_page(template):
    assert "sistercities" not in (ROOT / template).read_text(encoding="utf-8")

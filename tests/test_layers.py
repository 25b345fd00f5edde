"""The layers of DESIGN.md: core uses the standard library only; nothing imports web or cli."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ovaltime"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.name)
def test_core_imports_only_the_standard_library_and_itself(path: Path) -> None:
    for line, name in _imports(path):
        top = name.split(".")[0]
        inside = name == "ovaltime.core" or name.startswith("ovaltime.core.")
        assert inside or (top in sys.stdlib_module_names and top != "ovaltime"), (
            f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        )


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_nothing_below_the_faces_imports_web_or_cli(path: Path) -> None:
    relative = path.relative_to(PACKAGE).parts
    if relative[0] in {"cli", "web"} or relative == ("__main__.py",):
        return
    for line, name in _imports(path):
        assert not name.startswith(("ovaltime.cli", "ovaltime.web")), (
            f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        )


def test_import_linter_contract_is_kept() -> None:
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(PACKAGE.parent.parent / "pyproject.toml")) == 0

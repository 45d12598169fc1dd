"""Tests for the package's public face: exports, docstrings, typing marker, exceptions."""

from __future__ import annotations

import ast
import importlib.resources
import inspect
import pickle
import subprocess
import sys

import pytest

import lifesci_partners
from lifesci_partners import (
    InvalidArgumentError,
    LifesciPartnersError,
    NotFoundError,
    ValidationError,
    WrongTypeError,
)


def _ruf022_key(name: str) -> tuple[int, str]:
    """Where ruff's RUF022 puts a name: constants, then classes, then the rest, each sorted."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[0].isupper() else 2, name)


def _type_checking_imports() -> dict[str, str]:
    """Each name imported in ``__init__.py``'s ``if TYPE_CHECKING:`` block, and its module."""
    source = importlib.resources.files("lifesci_partners").joinpath("__init__.py").read_text()
    (block,) = (
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "_typing.TYPE_CHECKING"
    )
    names: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom), ast.unparse(node)
        for alias in node.names:
            name = alias.asname or alias.name
            if node.module == "lifesci_partners":
                names[name] = alias.name  # a public module, such as examples
            else:
                names[name] = str(node.module).removeprefix("lifesci_partners.")
    return names


class TestNamespace:
    def test_all_is_sorted(self) -> None:
        """__all__ is sorted (ruff RUF022 order: constants, classes, functions)."""
        names = list(lifesci_partners.__all__)
        assert names == sorted(names, key=_ruf022_key)

    def test_all_has_no_repeats(self) -> None:
        """No name appears twice in __all__."""
        names = list(lifesci_partners.__all__)
        assert len(names) == len(set(names))

    def test_all_names_exist(self) -> None:
        """Every name in __all__ is importable."""
        for name in lifesci_partners.__all__:
            assert hasattr(lifesci_partners, name), name

    def test_no_leaked_imports(self) -> None:
        """Public attributes are exactly __all__ plus modules of the package."""
        public = {n for n in vars(lifesci_partners) if not n.startswith("_")}
        extra = {
            n
            for n in public - set(lifesci_partners.__all__)
            if not inspect.ismodule(getattr(lifesci_partners, n))
        }
        assert extra == set()

    def test_every_public_name_has_its_module(self) -> None:
        """The lazy-import table names a module for exactly the public names."""
        table = set(lifesci_partners._MODULE_OF)
        assert table == set(lifesci_partners.__all__) - {"__version__"}

    def test_type_checkers_see_every_public_name(self) -> None:
        """The TYPE_CHECKING imports give each public name from the module that _MODULE_OF names."""
        assert _type_checking_imports() == lifesci_partners._MODULE_OF

    def test_dir_lists_every_public_name(self) -> None:
        """dir() shows the public names, also those whose module is not imported yet."""
        assert set(lifesci_partners.__all__) <= set(dir(lifesci_partners))

    def test_unknown_name_is_attribute_error(self) -> None:
        """An unknown name raises AttributeError naming it, as for any module."""
        with pytest.raises(AttributeError, match="no attribute 'Agreemnt'"):
            _ = lifesci_partners.Agreemnt  # type: ignore[attr-defined]

    def test_import_loads_no_submodule(self) -> None:
        """``import lifesci_partners`` imports none of its modules, attrs, cattrs or babel."""
        loaded = modules_after("pass", ("lifesci_partners.", "attr", "cattrs", "babel"))
        assert loaded == []

    def test_first_use_imports_only_what_it_needs(self) -> None:
        """Using `Money` imports neither the converter nor the formatter nor the directory."""
        heavy = ("_json._converters", "_text._formatting", "_directory")
        loaded = modules_after(
            "lifesci_partners.Money", tuple(f"lifesci_partners.{m}" for m in heavy)
        )
        assert loaded == []

    @pytest.mark.parametrize("name", [n for n in lifesci_partners.__all__ if n[0].isupper()])
    def test_public_objects_have_docstrings(self, name: str) -> None:
        """Every public class has a docstring."""
        obj = getattr(lifesci_partners, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj)

    def test_py_typed(self) -> None:
        """The package ships py.typed."""
        assert importlib.resources.files("lifesci_partners").joinpath("py.typed").is_file()

    def test_version(self) -> None:
        """__version__ is a string."""
        assert isinstance(lifesci_partners.__version__, str)


class TestExceptions:
    def test_validation_error_is_value_error(self) -> None:
        """ValidationError is a LifesciPartnersError and a ValueError."""
        assert issubclass(ValidationError, LifesciPartnersError)
        assert issubclass(ValidationError, ValueError)

    def test_not_found_is_lookup_error(self) -> None:
        """NotFoundError is a LifesciPartnersError and a LookupError."""
        assert issubclass(NotFoundError, LifesciPartnersError)
        assert issubclass(NotFoundError, LookupError)

    def test_argument_errors_are_stdlib_types(self) -> None:
        """WrongTypeError is a TypeError, InvalidArgumentError a ValueError; both the library's."""
        assert issubclass(WrongTypeError, LifesciPartnersError)
        assert issubclass(WrongTypeError, TypeError)
        assert issubclass(InvalidArgumentError, LifesciPartnersError)
        assert issubclass(InvalidArgumentError, ValueError)

    def test_bare_message_gets_root_path(self) -> None:
        """A message without a path is about the whole object."""
        assert ValidationError("bad").errors == ("$: bad",)

    def test_str_lists_all(self) -> None:
        """str() lists every problem."""
        err = ValidationError(["$.a: x", "$.b: y"])
        assert str(err) == "2 problems:\n  $.a: x\n  $.b: y"

    def test_pickle(self) -> None:
        """Errors survive pickling (for multiprocessing users)."""
        err = ValidationError(["$.a: x"])
        assert pickle.loads(pickle.dumps(err)).errors == err.errors  # noqa: S301  # our own data

    def test_prefixed(self) -> None:
        """prefixed() re-roots every path."""
        assert ValidationError(["$: a", "$.b: c"]).prefixed("$.x[1]").errors == (
            "$.x[1]: a",
            "$.x[1].b: c",
        )


def modules_after(statement: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules named with one of ``prefixes`` imported by ``import lifesci_partners``.

    Run in a fresh interpreter, followed by ``statement``.
    """
    probe = (
        f"import sys, lifesci_partners; {statement}; "
        f"print(*sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    out = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return out.split()

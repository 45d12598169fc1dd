"""Sphinx configuration for the lifesci-partners documentation."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx

import lifesci_partners

project = "lifesci-partners"
author = "The lifesci-partners developers"
copyright = "2026, The lifesci-partners developers"
release = lifesci_partners.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

nitpicky = True
nitpick_ignore_regex = [
    # Private helpers and type variables that appear in signatures but have no page of their own.
    (r"py:class", r"lifesci_partners\._.*"),
    (r"py:class", r"T"),
    (r"py:class", r"FigureValue"),  # a private type alias, shown in the strategies' signatures
    # Hypothesis is an optional extra, not linked (see _inv/make_inventories.py for the others).
    (r"py:class", r"(hypothesis\.)?(strategies\.|st\.)?(SearchStrategy|DrawFn)"),
    # pyarrow is the optional arrow extra, not linked either.
    (r"py:class", r"(pa|pyarrow)\.(Schema|Table)"),
]

# Python's, babel's, attrs' and cattrs' pages, linked from inventories kept in _inv/ (written by
# _inv/make_inventories.py): the build never downloads anything.
_INVENTORIES = Path(__file__).parent / "_inv"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_INVENTORIES / "python.inv")),
    "babel": ("https://babel.pocoo.org/en/latest", str(_INVENTORIES / "babel.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(_INVENTORIES / "attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable", str(_INVENTORIES / "cattrs.inv")),
}

# The short names our annotations use for imported modules and classes.
_ALIASES = {"dt.": "datetime.", "Locale": "babel.core.Locale"}

# A copy button on code blocks that copies the code without the >>> and ... prompts.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# The JSON Schema of the document, generated from the models at every build: shown in
# format.md and published beside the pages as lifesci-partners-<version>.schema.json.
_generated = Path(__file__).parent / "_generated"
_generated.mkdir(exist_ok=True)
_schema_text = json.dumps(
    lifesci_partners.json_schema(lifesci_partners.Directory), ensure_ascii=False, indent=2
)
(_generated / f"lifesci-partners-{lifesci_partners.DOCUMENT_VERSION}.schema.json").write_text(
    _schema_text + "\n", encoding="utf-8"
)
html_extra_path = ["_generated"]

# The Arrow schema of each kind's table, generated from the models at every build: shown in
# scale.md. pyarrow is in the docs dependency group.
(_generated / "arrow-schemas.txt").write_text(
    "\n\n".join(
        f"# {name}.parquet: {cls.__name__}\n"
        + lifesci_partners.arrow_schema(cls).remove_metadata().to_string()
        for name, cls in (
            ("organizations", lifesci_partners.Organization),
            ("agreements", lifesci_partners.Agreement),
            ("announcements", lifesci_partners.Announcement),
        )
    )
    + "\n",
    encoding="utf-8",
)

html_theme = "furo"
html_title = f"lifesci-partners {release}"  # the version, in the sidebar and the page titles


def _shown_default(default: object) -> str:
    """A field's default as a reader would write it: ``()`` for a tuple factory, enums by name."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # Factory is a class
        factory: Any = default
        return "..." if factory.takes_self else repr(factory.factory())
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _attrs_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """The signature of an attrs class, from its fields, with the real defaults.

    With ``autodoc_preserve_defaults``, autodoc would show the source of attrs' generated
    ``__init__`` instead: ``term=attr_dict['term'].default``.
    """
    if what != "class" or not isinstance(obj, type) or not attrs.has(obj) or signature is None:
        return None
    parameters = []
    keyword_only = False
    for field in attrs.fields(obj):
        if not field.init:
            continue
        if field.kw_only and not keyword_only:
            parameters.append("*")
            keyword_only = True
        text = field.alias or field.name
        if field.default is not attrs.NOTHING:
            text += f"={_shown_default(field.default)}"
        parameters.append(text)
    return f"({', '.join(parameters)})", return_annotation


def _alias_reference(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve ``dt.date`` and ``Locale`` (names as our modules import them) by intersphinx."""
    target = node.get("reftarget", "")
    for short, full in _ALIASES.items():
        if target.startswith(short):
            node["reftarget"] = full + target[len(short) :]
            found: nodes.reference | None = intersphinx.resolve_reference_detect_inventory(
                env, node, contnode
            )
            return found
    return None


def setup(app: Sphinx) -> None:
    """Show attrs classes' real defaults, and link the short names of imported types."""
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("missing-reference", _alias_reference)

"""Sphinx configuration for the lifesci-partners documentation."""

from __future__ import annotations

import json
from pathlib import Path

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
    # Type aliases and private helpers that appear in signatures but have no page of their own.
    (r"py:class", r"(attrs|cattrs|babel)\..*"),
    (r"py:class", r"lifesci_partners\._.*"),
    (r"py:class", r"T"),
    (r"py:class", r"dt\..*"),
    (r"py:class", r"Locale"),
    # Hypothesis is an optional extra; no network for its inventory.
    (r"py:class", r"(hypothesis\.)?(strategies\.|st\.)?(SearchStrategy|DrawFn)"),
    (r"py:class", r"FigureValue"),  # a private type alias, shown in the strategies' signatures
    # No network for intersphinx: standard-library targets stay plain text.
    (r"py:.*", r"(datetime|enum|collections|json|decimal|typing|re|pathlib|os)\..*"),
    (r"py:.*", r"(dict|list|tuple|str|int|bool|float|object)(\..*)?"),
]
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

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

html_theme = "furo"
html_title = "lifesci-partners"

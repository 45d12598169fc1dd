"""Tests for the base of the text layer's renderers (``_text/_renderer.py``)."""

from __future__ import annotations

import pytest

from lifesci_partners import Formatter, NotFoundError, examples
from lifesci_partners._text._agreement_text import AgreementText
from lifesci_partners._text._markdown import Markdown
from lifesci_partners._text._renderer import Renderer, Values
from lifesci_partners._text._words import words_for


def renderer(*, directory: bool = False) -> Renderer:
    formatter = Formatter("en")
    values: Values = formatter  # a Formatter gives every value the renderers need
    words = words_for(formatter.locale)
    return Renderer(values, words, examples.link_j_mpr() if directory else None)


class TestRenderer:
    def test_party_name_without_directory_is_the_id(self) -> None:
        """Without a directory, an organization is named by its id."""
        assert renderer().party_name("link-j") == "link-j"

    def test_party_name_from_directory(self) -> None:
        """With a directory, an organization is named by its acronym."""
        assert renderer(directory=True).party_name("mpr") == "MPR"

    def test_party_name_unknown(self) -> None:
        """An id that the directory lacks is an error that names it."""
        with pytest.raises(NotFoundError, match="nowhere"):
            renderer(directory=True).party_name("nowhere")

    @pytest.mark.parametrize("cls", [AgreementText, Markdown])
    def test_renderers_share_the_base(self, cls: type[Renderer]) -> None:
        """Both renderers are built one way: a Renderer of values, words and a directory."""
        assert issubclass(cls, Renderer)
        assert "__dict__" not in dir(cls)  # slotted, as the base is

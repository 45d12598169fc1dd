"""Our own words ("nearly", "in force", "5 years") in each language, from gettext catalogs.

The catalogs are the ``.po`` files in ``lifesci_partners/locale/``: one file per language, with the
template ``messages.pot`` listing every message the code uses. No compiled ``.mo`` file is kept in
the repository or the wheel: the first time a language is needed, babel reads its ``.po`` file and
compiles it in memory for :mod:`gettext`. Plural forms follow CLDR's plural categories (French has
``one``, ``many`` and ``other``; Japanese only ``other``); the tests check each catalog's
``Plural-Forms`` against CLDR.

Messages are looked up with ``pgettext(context, message)`` and ``npgettext(context, singular,
plural, n)``, so ``pybabel extract`` finds them in the source with its default keywords.
"""

from __future__ import annotations

import functools
import gettext
import io
import string
from collections.abc import Iterable
from typing import TYPE_CHECKING

from babel import Locale
from babel.lists import format_list

from lifesci_partners._locales import parse_locale

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = [
    "FALLBACK_LANGUAGE",
    "Words",
    "catalog_languages",
    "message",
    "placeholders",
    "words_for",
]

FALLBACK_LANGUAGE = "en"
"""The language of our words where a locale has no catalog of its own."""

_CATALOG_DIR = "locale"


def _catalog_files() -> Traversable:
    from importlib import resources  # noqa: PLC0415  # on first use: a light package import

    return resources.files("lifesci_partners") / _CATALOG_DIR


@functools.cache
def catalog_languages() -> frozenset[str]:
    """The locale identifiers that have a catalog (``"en"``, ``"fr"``, ...)."""
    return frozenset(
        entry.name.removesuffix(".po")
        for entry in _catalog_files().iterdir()
        if entry.name.endswith(".po")
    )


def message(context: str, text: str) -> tuple[str, str]:
    """Mark a message for the catalogs and return it as ``(context, text)``; no lookup.

    Modules import it as ``_message``, the keyword that ``pybabel extract -k _message:1c,2``
    (and the catalog tests) look for.
    """
    return context, text


def placeholders(text: str) -> frozenset[str]:
    """The names of the ``{placeholders}`` in a message (``{{`` and ``}}`` are literal braces)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


class Words:
    """The messages of one catalog, with the plural rule of its language.

    Instances are immutable after construction and safe to share between threads.
    """

    __slots__ = ("_translations", "language")

    language: str
    _translations: gettext.GNUTranslations

    def __init__(self, language: str, translations: gettext.GNUTranslations) -> None:
        self.language = language
        self._translations = translations

    def __repr__(self) -> str:
        return f"<Words {self.language!r}>"

    def pgettext(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context`` (the message itself if there is none)."""
        return self._translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """The translation whose plural form fits the whole number ``n``."""
        return self._translations.npgettext(context, singular, plural, n)

    @property
    def locale(self) -> Locale:
        """The locale of the catalog's language, for the lists inside our sentences."""
        return parse_locale(self.language)

    def list(self, items: Iterable[str], style: str = "standard") -> str:
        """Join items with this language's conjunction (a CLDR list style such as "standard")."""
        return format_list(list(items), style=style, locale=self.locale)  # type: ignore[arg-type]  # callers pass CLDR styles

    def sentences(self, sentences: Iterable[str]) -> str:
        """Join whole sentences as this language does (a space, or nothing in Japanese)."""
        template = self.pgettext("sentences", "{first} {second}")
        joined = ""
        for sentence in sentences:
            joined = template.format(first=joined, second=sentence) if joined else sentence
        return joined


def _compile(language: str) -> gettext.GNUTranslations:
    """Read ``<language>.po`` with babel and compile it in memory, as ``msgfmt`` would."""
    # On first use: babel's message tools cost a light package import more than they save.
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    source = _catalog_files() / f"{language}.po"
    with source.open("rb") as po:
        catalog = read_po(po, locale=language, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@functools.cache
def _words(language: str) -> Words:
    return Words(language, _compile(language))


def _candidates(locale: Locale) -> list[str]:
    """``zh_Hant_TW`` -> ``zh_Hant_TW``, ``zh_Hant``, ``zh``: the most specific catalog first."""
    parts = str(locale).split("_")
    return ["_".join(parts[:end]) for end in range(len(parts), 0, -1)]


def words_for(locale: Locale) -> Words:
    """The catalog for ``locale``: its own, its language's, or else English (the fallback).

    Compiled on first use and cached; loading no catalog at import keeps the import light.
    """
    available = catalog_languages()
    for candidate in _candidates(locale):
        if candidate in available:
            return _words(candidate)
    return _words(FALLBACK_LANGUAGE)

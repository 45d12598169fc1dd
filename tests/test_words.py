"""Tests for our word catalogs: complete, consistent with CLDR's plural rules, and in sync."""

from __future__ import annotations

import gettext
from importlib import resources
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po

import lifesci_partners
from lifesci_partners._text._words import (
    FALLBACK_LANGUAGE,
    catalog_languages,
    placeholders,
    words_for,
)

SUPPORTED = ("en", "fr", "ja", "de")
LOCALE_DIR = resources.files("lifesci_partners") / "locale"
SOURCE_DIR = Path(lifesci_partners.__file__).parent
# Numbers whose CLDR plural category a catalog must get right: small counts, and whole millions
# for French "many".
SAMPLE_COUNTS = [*range(202), 1000, 10_000, 100_000, 10**6, 2 * 10**6, 10**7, 10**9, 10**6 + 1]


def _read(name: str, locale: str | None = None) -> Catalog:
    with (LOCALE_DIR / name).open("rb") as po:
        return read_po(po, locale=locale)


def _template() -> Catalog:
    return _read("messages.pot")


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def _messages(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {_key(m): m for m in catalog if m.id}


def _optional(message: Message) -> frozenset[str]:
    names: set[str] = set()
    for comment in message.auto_comments:
        if comment.startswith("Optional:"):
            names |= placeholders(" ".join(comment.removeprefix("Optional:").split()))
    return frozenset(names)


def _forms(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, str):
        return (message.string,)
    return tuple(message.string or ())


class TestCatalogs:
    def test_supported_languages_have_catalogs(self) -> None:
        """English, French, Japanese and German each have a catalog, and English is the fallback."""
        assert set(SUPPORTED) <= catalog_languages()
        assert FALLBACK_LANGUAGE in catalog_languages()

    def test_template_lists_exactly_what_the_code_uses(self) -> None:
        """messages.pot has every message that the source looks up, and no other."""
        keywords = {**DEFAULT_KEYWORDS, "_message": ((1, "c"), 2)}
        used = set()
        for path in sorted(SOURCE_DIR.rglob("*.py")):
            for _, msgid, _, context in extract_from_file("python", path, keywords=keywords):
                used.add((context, msgid if isinstance(msgid, str) else msgid[0]))
        assert used == set(_messages(_template()))

    @pytest.mark.parametrize("language", sorted(catalog_languages()))
    def test_every_message_is_translated(self, language: str) -> None:
        """Each catalog translates every template message, in every plural form, and no more."""
        template = _messages(_template())
        catalog = _read(f"{language}.po", language)
        messages = _messages(catalog)
        assert set(messages) == set(template), "run the update step in docs/formatting.md"
        untranslated = [
            key
            for key, message in messages.items()
            if message.fuzzy
            or (message.pluralizable and len(_forms(message)) != catalog.num_plurals)
            or not all(form.strip() for form in _forms(message))
        ]
        assert untranslated == []

    @pytest.mark.parametrize("language", sorted(catalog_languages()))
    def test_placeholders_are_kept(self, language: str) -> None:
        """Translations keep the msgid's placeholders and use no unknown one."""
        template = _messages(_template())
        problems = []
        for key, message in _messages(_read(f"{language}.po", language)).items():
            original = template[key]
            ids = (original.id,) if isinstance(original.id, str) else original.id
            allowed = frozenset().union(*map(placeholders, ids)) | _optional(original)
            required = allowed - _optional(original)
            for form in _forms(message):
                found = placeholders(form)
                if not required <= found <= allowed:
                    problems.append((key, form))
        assert problems == []

    @pytest.mark.parametrize("language", sorted(catalog_languages()))
    def test_plural_forms_follow_cldr(self, language: str) -> None:
        """The catalog's Plural-Forms picks one form per CLDR plural category, for whole numbers."""
        catalog = _read(f"{language}.po", language)
        rule = Locale.parse(language).plural_form
        choose = gettext.c2py(catalog.plural_expr)
        form_of: dict[str, set[int]] = {}
        for n in SAMPLE_COUNTS:
            form_of.setdefault(rule(n), set()).add(choose(n))
        assert all(len(forms) == 1 for forms in form_of.values()), form_of
        assert len({next(iter(f)) for f in form_of.values()}) == len(form_of) == catalog.num_plurals

    def test_french_has_the_many_form(self) -> None:
        """French terms have three forms, and a whole million takes the "many" one."""
        words = words_for(Locale.parse("fr"))
        catalog = _read("fr.po", "fr")
        assert catalog.num_plurals == 3
        assert gettext.c2py(catalog.plural_expr)(10**6) == 1
        assert words.npgettext("term", "{n} year", "{n} years", 10**6) == "{n}\u00a0ans"

    @pytest.mark.parametrize("language", sorted(catalog_languages()))
    def test_babel_finds_no_errors(self, language: str) -> None:
        """The catalog checks of babel itself pass."""
        catalog = _read(f"{language}.po", language)
        assert [(m.id, errors) for m, errors in catalog.check()] == []

    @pytest.mark.parametrize("language", sorted(catalog_languages()))
    def test_term_list_style_is_a_cldr_style(self, language: str) -> None:
        """The list style setting names a CLDR list style that babel knows."""
        style = words_for(Locale.parse(language)).pgettext("term", "list style")
        assert style in Locale.parse(language).list_patterns


class TestWordsFor:
    @pytest.mark.parametrize(
        ("locale", "language"),
        [("fr_CA", "fr"), ("ja_JP", "ja"), ("de_CH", "de"), ("en_GB", "en"), ("es", "en")],
    )
    def test_best_catalog(self, locale: str, language: str) -> None:
        """A locale uses its language's catalog, or English when there is none."""
        assert words_for(Locale.parse(locale)).language == language

    def test_no_compiled_catalogs_shipped(self) -> None:
        """Only .po sources are shipped; catalogs are compiled in memory."""
        names = [entry.name for entry in LOCALE_DIR.iterdir()]
        assert not [n for n in names if n.endswith(".mo")]
        assert {f"{language}.po" for language in SUPPORTED} <= set(names)


class TestPlaceholders:
    def test_names(self) -> None:
        """Placeholders are the named fields; doubled braces are literal."""
        assert placeholders("{a} and {b} {{c}}") == {"a", "b"}

"""Tests for LocalizedText."""

from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Mapping
from typing import Any

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from lifesci_partners import LocalizedText, ValidationError, json_schema
from lifesci_partners import strategies as lst
from lifesci_partners._locales import LOCALE_PATTERN, locale_key
from lifesci_partners._localized import parsed_reader


class TestConstruction:
    def test_keys_are_normalised_to_babel_form(self) -> None:
        """ja-JP and ja_JP name the same key, stored as ja_JP."""
        text = LocalizedText({"ja-JP": "東京"})
        assert list(text) == ["ja_JP"]
        assert text["ja-JP"] == text["ja_JP"] == "東京"

    @pytest.mark.parametrize(("tag", "key"), [("ja-Latn", "ja_Latn"), ("zh-TW", "zh_TW")])
    def test_subtags_are_kept_as_given(self, tag: str, key: str) -> None:
        """No likely subtags are added or dropped: romanised Japanese stays ja_Latn."""
        assert list(LocalizedText({tag: "x"})) == [key]

    @pytest.mark.parametrize(("tag", "key"), [("und", "und"), ("und-JP", "und_JP")])
    def test_undetermined_language_is_kept_as_und(self, tag: str, key: str) -> None:
        """'und' is a key of its own, never turned into en_US."""
        assert list(LocalizedText({tag: "x"})) == [key]

    @pytest.mark.parametrize(("tag", "key"), [("oj", "oj"), ("sh", "sh"), ("kr", "kr")])
    def test_language_without_cldr_data_is_a_key(self, tag: str, key: str) -> None:
        """A well-formed tag CLDR has no data for is stored: CLDR decides formatting only."""
        assert LocalizedText({tag: "x"})[key] == "x"

    @pytest.mark.parametrize(
        ("tag", "key"),
        [("sr-latn-rs", "sr_Latn_RS"), ("es-419", "es_419"), ("en-US-x-twain", "en_US_x_twain")],
    )
    def test_key_case_is_canonical(self, tag: str, key: str) -> None:
        """Script in title case, region in upper case, private use in lower case."""
        assert list(LocalizedText({tag: "x"})) == [key]

    @pytest.mark.parametrize("tag", ["C", "en_US.UTF-8", "en@calendar=hebrew", "en-"])
    def test_posix_names_are_refused_with_their_path(self, tag: str) -> None:
        """A POSIX locale name is no BCP 47 tag: refused, not rewritten."""
        with pytest.raises(ValidationError, match=r"\$\[.*\]: malformed locale"):
            LocalizedText({tag: "?"})

    def test_und_is_a_fallback_like_any_other_text(self) -> None:
        """A best match falls back to the undetermined text when it is the default."""
        text = LocalizedText({"und": "Kyoto University", "ja": "京都大学"})
        assert (text.best("fr"), text.best("ja-JP")) == ("Kyoto University", "京都大学")

    def test_malformed_locale_is_refused(self) -> None:
        """A tag that is not a locale identifier at all is refused."""
        with pytest.raises(ValidationError, match="malformed locale"):
            LocalizedText({"en US!": "x"})

    def test_empty_mapping_is_refused(self) -> None:
        """No texts at all is refused."""
        with pytest.raises(ValidationError, match="at least one text"):
            LocalizedText({})

    @pytest.mark.parametrize("blank", ["", "   ", "\n"])
    def test_blank_text_is_refused(self, blank: str) -> None:
        """Empty or white-space-only text is refused."""
        with pytest.raises(ValidationError, match="empty"):
            LocalizedText({"en": blank})

    def test_same_locale_twice_is_refused(self) -> None:
        """Two spellings of one locale are a duplicate."""
        with pytest.raises(ValidationError, match="same locale"):
            LocalizedText({"ja-JP": "a", "ja_JP": "b"})

    def test_non_text_value_is_refused(self) -> None:
        """A value that is not a string is refused."""
        with pytest.raises(ValidationError, match="expected text"):
            LocalizedText({"en": 5})  # type: ignore[dict-item]

    @pytest.mark.parametrize(
        ("value", "got"),
        [(None, "None"), (5, "int"), (1.5, "a number with a fraction (1.5)")],
    )
    def test_non_text_is_named_in_our_words(self, value: object, got: str) -> None:
        """The message names what was given as a reader knows it, never NoneType or JsonFloat."""
        with pytest.raises(ValidationError) as info:
            LocalizedText({"en": value})  # type: ignore[dict-item]
        assert info.value.errors == (f"$['en']: expected text (a string), got {got}",)

    def test_all_problems_are_reported(self) -> None:
        """Every bad entry appears in one error."""
        with pytest.raises(ValidationError) as info:
            LocalizedText({"C": "a", "en": ""})
        assert len(info.value.errors) == 2

    def test_not_a_mapping_is_refused(self) -> None:
        """A list is not a LocalizedText."""
        with pytest.raises(ValidationError, match="mapping"):
            LocalizedText(["en"])  # type: ignore[arg-type]


class TestLookup:
    text = LocalizedText({"fr": "Bonjour", "en": "Hello", "ja_JP": "こんにちは"})

    def test_exact(self) -> None:
        """An exact key wins."""
        assert self.text.best("fr") == "Bonjour"

    def test_same_language_other_region(self) -> None:
        """fr_CA falls back to fr."""
        assert self.text.best("fr-CA") == "Bonjour"

    def test_language_only_finds_regional_key(self) -> None:
        """Ja finds ja_JP."""
        assert self.text.best("ja") == "こんにちは"

    def test_other_language_gives_english(self) -> None:
        """A language with no text gives the English default."""
        assert self.text.best("de") == "Hello"

    def test_babel_locale_is_accepted(self) -> None:
        """A babel Locale works like its tag."""
        assert self.text.best(Locale.parse("ja_JP")) == "こんにちは"

    def test_default_without_english_is_first(self) -> None:
        """With no English, the first entry is the default."""
        assert LocalizedText({"ja": "東京", "fr": "Tokyo"}).default == "東京"

    def test_different_script_does_not_match(self) -> None:
        """zh_Hans is not offered for zh_Hant."""
        text = LocalizedText({"zh_Hans": "简体", "en": "Simplified"})
        assert text.best("zh_Hant") == "Simplified"

    def test_other_script_of_the_language_is_not_a_match(self) -> None:
        """A request for ja (written in Jpan) does not take the romanised ja_Latn text."""
        text = LocalizedText({"en": "Tokyo", "ja_Latn": "Toukyou"})
        assert text.best("ja") == "Tokyo"
        assert text.best("ja-Latn-JP") == "Toukyou"

    def test_region_implies_script(self) -> None:
        """A request for zh_TW (Hant) matches zh_Hant, not zh_Hans."""
        text = LocalizedText({"en": "x", "zh_Hans": "简", "zh_Hant": "繁"})
        assert text.best("zh-TW") == "繁"

    def test_getitem_missing_raises_key_error(self) -> None:
        """Exact lookup of an absent locale is a KeyError, as for any mapping."""
        with pytest.raises(KeyError):
            self.text["de"]

    def test_contains_accepts_both_forms(self) -> None:
        """'ja-JP' in text is true when ja_JP is a key."""
        assert "ja-JP" in self.text
        assert "de" not in self.text
        assert 5 not in self.text  # type: ignore[comparison-overlap]  # mappings accept any key


class TestMappingContract:
    text = LocalizedText({"en": "Hello", "fr": "Bonjour"})

    def test_get_missing_is_none(self) -> None:
        """get() of an absent locale is None, as Mapping.get says, never another language."""
        assert self.text.get("de") is None

    def test_get_missing_gives_the_default(self) -> None:
        """get() takes a default, positionally or by name, like Mapping.get."""
        assert (self.text.get("de", "-"), self.text.get("de", default="-")) == ("-", "-")

    def test_get_accepts_both_tag_forms(self) -> None:
        """get() finds a key in either tag form, as [] does."""
        assert LocalizedText({"ja_JP": "東京"}).get("ja-JP") == "東京"

    def test_get_is_mapping_get(self) -> None:
        """get() agrees with the Mapping mixin's get on present, absent and odd keys."""
        keys: list[Any] = ["en", "fr-CA", "de", "not a tag", 5]
        for key in keys:
            assert self.text.get(key) == Mapping.get(self.text, key)

    def test_best_never_misses(self) -> None:
        """best() is the best match: another language falls back to the default text."""
        assert self.text.best("de") == "Hello"


class TestCopies:
    @given(lst.localized_texts())
    def test_pickle(self, text: LocalizedText) -> None:
        """A text pickles to an equal text, whether or not its hash was computed."""
        hash(text)
        assert pickle.loads(pickle.dumps(text)) == text  # noqa: S301  # our own data

    @given(lst.localized_texts())
    def test_copy_and_deepcopy(self, text: LocalizedText) -> None:
        """copy() and deepcopy() give an equal text with the same hash."""
        hash(text)
        for copied in (copy.copy(text), copy.deepcopy(text)):
            assert copied == text
            assert hash(copied) == hash(text)


class TestValueSemantics:
    def test_immutable(self) -> None:
        """Attributes cannot be set."""
        text = LocalizedText({"en": "x"})
        with pytest.raises(AttributeError, match="immutable"):
            text._texts = {}

    @given(lst.localized_texts())
    def test_equal_copies_hash_equal(self, text: LocalizedText) -> None:
        """A copy is equal and hashes the same."""
        copy = LocalizedText(text.to_dict())
        assert copy == text
        assert hash(copy) == hash(text)

    def test_not_equal_to_plain_dict(self) -> None:
        """Equality is between LocalizedTexts only."""
        assert LocalizedText({"en": "x"}) != {"en": "x"}

    def test_repr(self) -> None:
        """The repr shows the texts."""
        assert repr(LocalizedText({"en": "x"})) == "LocalizedText({'en': 'x'})"


def _accepted(tag: str) -> bool:
    try:
        locale_key(tag)
    except ValueError:
        return False
    return True


_KEYS = Draft202012Validator(json_schema(LocalizedText))
_TAG_LIKE = st.text(alphabet="aenxzAEXZ019-_.@ ", max_size=20)


class TestKeysAndSchema:
    @given(st.from_regex(re.compile(LOCALE_PATTERN), fullmatch=True).filter(lambda t: len(t) <= 64))
    def test_every_well_formed_tag_is_a_key(self, tag: str) -> None:
        """Every tag the published pattern matches is a key of a LocalizedText."""
        assert LocalizedText({tag: "x"})

    @given(st.one_of(_TAG_LIKE, st.from_regex(re.compile(LOCALE_PATTERN), fullmatch=True)))
    def test_schema_accepts_exactly_the_same_keys(self, tag: str) -> None:
        """The JSON Schema accepts a key exactly when the library does."""
        assert _KEYS.is_valid({tag: "x"}) == _accepted(tag)


def _made(make: Any) -> tuple[str, Any]:
    """What ``make()`` gives: the text's entries in order, or the error's type and lines."""
    try:
        return ("ok", list(make().items()))
    except ValidationError as exc:
        return (type(exc).__name__, exc.errors)


# Tags in both forms, known or not yet seen, malformed ones, and keys that are no string.
_TAGS = st.sampled_from(
    ["en", "fr", "ja-JP", "ja_JP", "und", "en-GB", "x", "C", "en_US.UTF-8", "", 5, None]
) | st.text(alphabet="abcdefgzAZ-_", max_size=9)
_TEXTS = st.sampled_from(["", " ", "\n", "a\tb", "a\nb", "\x1b[31m", "\u202e", "Tokyo", 5, None])
_TEXTS = _TEXTS | st.text(max_size=6)


class TestParsedReader:
    """The converter's hook for a dict that a JSON reader made: LocalizedText() in less time."""

    read = staticmethod(parsed_reader(lambda value: TypeError(f"not an object: {value!r}")))

    @given(st.dictionaries(_TAGS, _TEXTS, max_size=4))
    def test_same_as_init(self, texts: dict[Any, Any]) -> None:
        """Any dict gives the text, or the error of the same type and lines, that __init__ gives."""
        assert _made(lambda: self.read(texts, LocalizedText)) == _made(lambda: LocalizedText(texts))

    @given(lst.localized_texts())
    def test_valid_texts(self, text: LocalizedText) -> None:
        """A valid text is read equal to itself, twice (tags seen and not yet seen)."""
        for _ in range(2):
            assert self.read(text.to_dict(), LocalizedText) == text

    def test_not_an_object(self) -> None:
        """A value that is not a dict raises the hook's own error."""
        with pytest.raises(TypeError, match=r"not an object: \['en'\]"):
            self.read(["en"], LocalizedText)

    def test_keeps_no_reference_to_the_dict(self) -> None:
        """The dict it was given may change afterwards: the text does not."""
        texts = {"en": "Tokyo"}
        text = self.read(texts, LocalizedText)
        texts["en"] = "Kyoto"
        assert text["en"] == "Tokyo"

"""``LocalizedText``: one piece of human-language text in several languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

from lifesci_partners._free_text import FORBIDDEN_IN_TEXT, forbidden_in
from lifesci_partners._locales import known_key, locale_key, locale_parts
from lifesci_partners._shown import SHOWN_IN_JSON as _SHOWN
from lifesci_partners._shown import kind_of
from lifesci_partners.exceptions import ValidationError, WrongTypeValidationError

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["LocalizedText", "checked_text", "parsed_reader"]

T = TypeVar("T")

_DEFAULT_LANGUAGE = "en"


def _path(raw_key: object) -> str:
    """Where a bad entry is, as an error message shows it (a long key cut short)."""
    shown = (
        raw_key
        if not isinstance(raw_key, str) or len(raw_key) <= _SHOWN
        else raw_key[:_SHOWN] + "..."
    )
    return f"$[{shown!r}]"


def _text_problem(text: str) -> str | None:
    """What is wrong with one text: blank, or holding a character that text may not hold."""
    if not text or text.isspace():
        return "the text is empty; leave the locale out instead"
    # Printable text (the usual case, checked in one fast call) holds no forbidden character.
    if not text.isprintable() and FORBIDDEN_IN_TEXT.search(text) is not None:
        return forbidden_in(text)
    return None


def _not_a_mapping(texts: object) -> WrongTypeValidationError:
    msg = f"$: expected a mapping of locale to text, got {kind_of(texts)}"
    if isinstance(texts, str):
        shown = repr(texts) if len(texts) <= _SHOWN else "..."
        msg += f"; use LocalizedText.of({shown}, locale), 'und' for a locale not known"
    return WrongTypeValidationError([msg])


def _read(texts: Mapping[Any, object]) -> tuple[dict[str, str], list[str], bool]:
    """The texts by locale key, the problems, and whether a key or a text is of a wrong type."""
    errors: list[str] = []
    wrong_type = False
    result: dict[str, str] = {}
    for raw_key, text in texts.items():
        try:
            key = locale_key(raw_key)
        except (ValueError, TypeError) as exc:
            errors.append(f"{_path(raw_key)}: {exc}")
            wrong_type = wrong_type or not isinstance(raw_key, str)
            continue
        if key in result:
            errors.append(f"{_path(raw_key)}: the same locale as another key ({key!r})")
        if not isinstance(text, str):
            errors.append(f"{_path(raw_key)}: expected text (a string), got {kind_of(text)}")
            wrong_type = True
        else:
            problem = _text_problem(text)
            if problem is None:
                result[key] = text
            else:
                errors.append(f"{_path(raw_key)}: {problem}")
    if not texts:
        errors.append("$: needs at least one text; use None for 'no text'")
    return result, errors, wrong_type


class LocalizedText(Mapping[str, str]):
    """An immutable mapping from locale identifiers to text: the same words in several languages.

    Keys are BCP 47 language tags (RFC 5646), normalised to babel's form, so ``"ja-JP"`` and
    ``"ja_JP"`` are the same key. Any well-formed tag is a key, also one that CLDR has no data
    for (``"oj"``, Ojibwa); text whose language is not stated goes under ``"und"``
    (undetermined), never under a guessed language. Which locales can *format* is CLDR's
    business, not which text can be stored. Empty mappings, empty or blank texts and keys that
    are no language tag (POSIX names such as ``"en_US.UTF-8"``) are refused with a
    :class:`~lifesci_partners.exceptions.ValidationError`, and so is text holding a character
    that is a command rather than text where it is shown: a control character other than a line
    feed or a tab (NUL, BEL, ESC, CR, ...), a lone surrogate or a bidirectional override or
    isolate (see "Free text" in :doc:`/format`). Insertion order is kept.

    Args:
        texts: Locale identifier to text.

    Raises:
        WrongTypeValidationError: ``texts`` is not a mapping, or a key or a text is not a
            string (a ``TypeError``).
        ValidationError: A key is not a BCP 47 language tag, a text is empty, or there is no
            entry.

    Example:
        >>> from lifesci_partners import LocalizedText
        >>> name = LocalizedText({"en": "Life Science Innovation Network Japan", "ja-JP": "LINK-J"})
        >>> list(name)
        ['en', 'ja_JP']
        >>> name["ja-JP"]
        'LINK-J'
        >>> name.best("fr")  # no French: the best match is the default text, English
        'Life Science Innovation Network Japan'
        >>> name.get("fr") is None, name.get("fr", "-")  # a Mapping: only exact keys
        (True, '-')
        >>> kyoto = LocalizedText({"und": "Kyoto University", "ja": "京都大学"})
        >>> kyoto.best("en"), kyoto.best("ja-JP")
        ('Kyoto University', '京都大学')

    A text pickles, copies and deep-copies to an equal text (copies are the text itself, which
    is immutable).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       :meth:`get` follows :class:`~collections.abc.Mapping` (exact keys, a default); the
       best-match lookup is :meth:`best`.
    """

    __slots__ = ("_hash", "_texts")

    _texts: dict[str, str]
    _hash: int | None

    def __init__(self, texts: Mapping[str, str]) -> None:
        if isinstance(texts, LocalizedText):
            object.__setattr__(self, "_texts", texts._texts)  # noqa: SLF001  # same class
            object.__setattr__(self, "_hash", texts._hash)  # noqa: SLF001  # same class
            return
        if type(texts) is not dict and not isinstance(texts, Mapping):
            raise _not_a_mapping(texts)
        result, errors, wrong_type = _read(texts)
        if errors:
            raise (WrongTypeValidationError if wrong_type else ValidationError)(errors)
        object.__setattr__(self, "_texts", result)
        object.__setattr__(self, "_hash", None)

    @classmethod
    def of(cls, text: str, locale: str = _DEFAULT_LANGUAGE) -> LocalizedText:
        """Build a text in one language.

        Example:
            >>> LocalizedText.of("Paris", "fr")
            LocalizedText({'fr': 'Paris'})
        """
        return cls({locale: text})

    def __getitem__(self, locale: str) -> str:
        """The text for exactly this locale (either tag form); ``KeyError`` if there is none."""
        try:
            return self._texts[locale]
        except KeyError:
            pass
        try:
            key = locale_key(locale)
        except (ValueError, TypeError):
            raise KeyError(locale) from None
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __contains__(self, locale: object) -> bool:
        if not isinstance(locale, str):
            return False
        try:
            self[locale]
        except KeyError:
            return False
        return True

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalizedText):
            return self._texts == other._texts
        return NotImplemented

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = hash(frozenset(self._texts.items()))
            object.__setattr__(self, "_hash", h)
        return h

    def __repr__(self) -> str:
        return f"LocalizedText({self._texts!r})"

    def __reduce__(self) -> tuple[type[LocalizedText], tuple[dict[str, str]]]:
        # Pickled as its texts (the cached hash is not state): unpickling checks them again.
        return (type(self), (dict(self._texts),))

    def __copy__(self) -> LocalizedText:
        return self  # immutable, and holds only strings

    def __deepcopy__(self, memo: object) -> LocalizedText:
        return self

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"LocalizedText is immutable; cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"LocalizedText is immutable; cannot delete {name!r}"
        raise AttributeError(msg)

    @property
    def default_locale(self) -> str:
        """The locale of the default text, English where present, else the first entry.

        Example:
            >>> LocalizedText({"fr": "Paris", "en": "Paris"}).default_locale
            'en'
        """
        for key in self._texts:
            if key == _DEFAULT_LANGUAGE:
                return key
        for key in self._texts:
            if key.split("_", 1)[0] == _DEFAULT_LANGUAGE:
                return key
        return next(iter(self._texts))

    @property
    def default(self) -> str:
        """The default text (see :attr:`default_locale`)."""
        return self._texts[self.default_locale]

    def best_locale(self, locale: str | Locale | None = None) -> str:
        """Return the key that :meth:`best` would use for ``locale``.

        Matching: the exact locale; then a key of the same language and script, preferring the
        bare language (``fr`` for ``fr_CA``); then the default locale.

        Raises:
            ValueError: ``locale`` is not a BCP 47 language tag.

        Example:
            >>> LocalizedText({"en": "Paris", "fr": "Paris"}).best_locale("fr-CA")
            'fr'
        """
        if locale is None:
            return self.default_locale
        key = locale_key(locale)
        if key in self._texts:
            return key
        language, script, _ = locale_parts(key)
        candidates: list[tuple[int, str]] = []
        for existing in self._texts:
            have_language, have_script, _ = locale_parts(existing)
            if have_language != language:
                continue
            if have_script and script and have_script != script:
                continue
            rank = 0 if existing == language else 1
            candidates.append((rank, existing))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
        return self.default_locale

    @overload
    def get(self, locale: str, /) -> str | None: ...
    @overload
    def get(self, locale: str, /, default: str | T) -> str | T: ...
    def get(self, locale: str, /, default: object = None) -> object:
        """Return the text for exactly this locale (either tag form), else ``default``.

        This is ``Mapping.get`` (:class:`collections.abc.Mapping`): it never falls back to
        another language. For the text that best fits a reader's locale, use :meth:`best`.

        Example:
            >>> t = LocalizedText({"en": "Tokyo", "ja": "東京"})
            >>> t.get("ja"), t.get("de"), t.get("de", "fallback")
            ('東京', None, 'fallback')
        """
        try:
            return self[locale]
        except KeyError:
            return default

    def best(self, locale: str | Locale | None = None) -> str:
        """Return the text that best fits ``locale`` (either tag form, or a babel ``Locale``).

        It never misses: it falls back to the same language, then to the default text (see
        :meth:`best_locale`). ``None`` asks for the default text.

        Raises:
            ValueError: ``locale`` is not a BCP 47 language tag.

        Example:
            >>> t = LocalizedText({"en": "Tokyo", "ja": "東京"})
            >>> t.best("ja_JP"), t.best("de"), t.best()
            ('東京', 'Tokyo', 'Tokyo')

        .. versionadded:: 0.2.0
        """
        return self._texts[self.best_locale(locale)]

    def to_dict(self) -> dict[str, str]:
        """Return a new plain ``dict`` of the texts, in order."""
        return dict(self._texts)


# Each slot set by its own descriptor: what object.__setattr__ finds on every call.
_new = object.__new__
_set_texts = vars(LocalizedText)["_texts"].__set__
_set_hash = vars(LocalizedText)["_hash"].__set__


def checked_text(texts: dict[str, str]) -> LocalizedText:
    """Texts that a reader has already checked: keys from ``locale_key``, one-line texts.

    For the readers, which check each text as they read it; never for a caller's data.
    """
    made = _new(LocalizedText)
    _set_texts(made, texts)
    _set_hash(made, None)
    return made


def parsed_reader(
    not_an_object: Callable[[object], Exception],
) -> Callable[[Any, Any], LocalizedText]:
    """A converter's hook: ``LocalizedText(texts)`` of a dict that a JSON reader made.

    The same text, or the same error, as ``LocalizedText(texts)``; a value that is not a dict
    raises ``not_an_object(value)``. An entry whose tag :func:`locale_key` has already accepted
    and whose text is printable and not blank (what ``__init__`` would accept, in a lookup and
    three string tests) is taken as it is; for anything else ``__init__`` reads ``texts`` and
    says what is wrong.
    """

    def read(texts: Any, _: Any) -> LocalizedText:
        if type(texts) is not dict:
            raise not_an_object(texts)
        result: dict[str, str] = {}
        for raw_key, text in texts.items():
            key = known_key(raw_key)
            if key is None or type(text) is not str or not text or text.isspace():
                return LocalizedText(texts)
            if not text.isprintable():
                return LocalizedText(texts)
            result[key] = text
        if not result or len(result) != len(texts):  # empty, or two tags of one locale
            return LocalizedText(texts)
        return checked_text(result)

    return read

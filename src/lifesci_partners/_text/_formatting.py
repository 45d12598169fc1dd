"""``Formatter``: every model in the user's language, with CLDR's numbers, dates and lists."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_interval, match_skeleton
from babel.lists import format_list
from babel.numbers import get_currency_name, get_currency_symbol, get_minus_sign_symbol

from lifesci_partners._agreement import Agreement, AgreementKind, AgreementStatus
from lifesci_partners._announcement import Announcement
from lifesci_partners._arguments import an_instance
from lifesci_partners._business_days import AdjustedDate, DayOffKind
from lifesci_partners._dates import PartialDate
from lifesci_partners._directory import Directory
from lifesci_partners._figures import Figure, FigureValue, Qualifier
from lifesci_partners._locales import locale_key, parse_locale
from lifesci_partners._money import Money
from lifesci_partners._organization import Address, Organization
from lifesci_partners._shown import describe
from lifesci_partners._terms import Period, Term
from lifesci_partners._text._agreement_text import AgreementText
from lifesci_partners._text._cldr import currency_formatter, date_formatter, wide_context
from lifesci_partners._text._compact import CompactNumber, compact
from lifesci_partners._text._markdown import Markdown
from lifesci_partners._text._words import Words, words_for
from lifesci_partners._text._words import message as _message
from lifesci_partners.exceptions import InvalidArgumentError, WrongTypeError

__all__ = ["Compact", "DateFormat", "Formatter"]

Compact = Literal["short", "long"]
"""A compact style: ``"short"`` (``€864M``) or ``"long"`` (``€864 million``)."""

DateFormat = Literal["full", "long", "medium", "short"]
"""A CLDR date format length."""

_DATE_FORMATS = ("full", "long", "medium", "short")
_INTERVAL_SKELETONS = {"medium": "yMMMd", "short": "yMd"}
# CLDR skeletons for a date known to the month, by format; a year alone is skeleton "y".
_MONTH_SKELETONS = {"full": "yMMMM", "long": "yMMMM", "medium": "yMMM", "short": "yM"}
_LIST_STYLES = frozenset(
    {"standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"}
)
_MILLION = 10**6
# Where French elides "de" to "d'": a currency name that begins with a vowel sound.
_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæ")


_STATUS_WORDS = {
    AgreementStatus.DRAFT: _message("status", "draft"),
    AgreementStatus.SIGNED: _message("status", "signed"),
    AgreementStatus.IN_FORCE: _message("status", "in force"),
    AgreementStatus.EXPIRED: _message("status", "expired"),
    AgreementStatus.TERMINATED: _message("status", "terminated"),
}
_KIND_WORDS = {
    AgreementKind.MOU: _message("agreement kind", "memorandum of understanding"),
    AgreementKind.COOPERATION: _message("agreement kind", "cooperation agreement"),
    AgreementKind.MEMBERSHIP: _message("agreement kind", "membership agreement"),
    AgreementKind.FUNDING: _message("agreement kind", "funding agreement"),
    AgreementKind.RESEARCH: _message("agreement kind", "research agreement"),
    AgreementKind.LICENSE: _message("agreement kind", "license agreement"),
    AgreementKind.NDA: _message("agreement kind", "confidentiality agreement"),
    AgreementKind.OTHER: _message("agreement kind", "agreement"),
}
# EXACT needs no words, and BETWEEN has its own message with two values.
_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATELY: _message("figure", "about {value}"),
    Qualifier.NEARLY: _message("figure", "nearly {value}"),
    Qualifier.OVER: _message("figure", "over {value}"),
    Qualifier.AT_LEAST: _message("figure", "at least {value}"),
    Qualifier.UP_TO: _message("figure", "up to {value}"),
}


class _LocaleData:
    """What a locale's formatters share: babel's parsed data and our prepared patterns.

    Entries are prepared on first use under a lock and never change afterwards, so formatters
    of one locale share them safely across threads.
    """

    __slots__ = ("_currencies", "_dates", "_lock", "_words", "locale")

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        self._lock = threading.Lock()
        self._currencies: dict[str, Callable[[Decimal], str]] = {}
        self._dates: dict[str, Callable[[dt.date], str]] = {}
        self._words: Words | None = None

    @property
    def words(self) -> Words:
        words = self._words
        if words is None:
            with self._lock:
                words = self._words = words_for(self.locale)
        return words

    def known_currency(self, code: object) -> Callable[[Decimal], str] | None:
        """The prepared formatter of a currency already seen, else ``None``."""
        return self._currencies.get(code) if type(code) is str else None

    def currency(self, code: str) -> Callable[[Decimal], str]:
        found = self._currencies.get(code)
        if found is None:
            with self._lock:
                found = self._currencies.get(code)
                if found is None:
                    found = self._currencies[code] = currency_formatter(self.locale, code)
        return found

    def skeleton(self, skeleton: str) -> Callable[[dt.date], str]:
        """The prepared date pattern that CLDR gives for a skeleton (``"yMMMM"``: January 2005)."""
        key = f"skeleton:{skeleton}"
        found = self._dates.get(key)
        if found is None:
            skeletons = self.locale.datetime_skeletons
            best = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
            pattern = str(skeletons[best]) if best else skeleton
            with self._lock:
                found = self._dates[key] = date_formatter(self.locale, pattern)
        return found

    def date(self, format: str) -> Callable[[dt.date], str]:  # noqa: A002  # babel's name
        found = self._dates.get(format)
        if found is None:
            with self._lock:
                found = self._dates.get(format)
                if found is None:
                    found = self._dates[format] = date_formatter(self.locale, format)
        return found


@functools.lru_cache(maxsize=256)
def _locale_data(key: str) -> _LocaleData:
    return _LocaleData(parse_locale(key))


def _check_number(value: object) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        hint = "; use decimal.Decimal(str(x)) for a float" if isinstance(value, float) else ""
        msg = f"expected an int or a Decimal, got {describe(value)}{hint}"
        raise WrongTypeError(msg)
    if isinstance(value, Decimal) and not value.is_finite():
        msg = f"cannot format {value!r}: not a finite number"
        raise InvalidArgumentError(msg)
    return value


def _check_compact(compact: object) -> Compact | None:
    if compact is None or compact == "short" or compact == "long":  # noqa: PLR1714  # narrows the type
        return compact
    msg = f"compact must be None, 'short' or 'long', got {describe(compact)}"
    raise InvalidArgumentError(msg)


class Formatter:
    """Formats numbers, money, dates, terms, statuses and whole models for one locale.

    Numbers, currencies, dates and lists come from CLDR through babel; the words that are ours
    ("nearly", "in force", "5 years") come from the library's catalogs for English, French,
    Japanese and German. A locale of another language gets CLDR's numbers and dates with
    English words (see :attr:`words_language`). A formatter prepares what babel would otherwise
    parse on every call and shares it with every formatter of the same locale; it is immutable
    and safe to use from several threads.

    Args:
        locale: A locale tag, ``"ja_JP"`` or ``"ja-JP"`` alike, or a babel ``Locale``.

    Raises:
        UnknownLocaleError: The tag is malformed or names no locale that CLDR knows.

    Example:
        >>> import datetime as dt
        >>> from lifesci_partners import Formatter, Term
        >>> fr = Formatter("fr-FR")
        >>> fr.date(dt.date(2020, 2, 5))
        '5 février 2020'
        >>> Formatter("ja").term(Term(years=5))
        '5年間'

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_data",)

    _data: _LocaleData

    def __init__(self, locale: str | Locale) -> None:
        parse_locale(locale)  # a locale to format in, or an error naming the tag as given
        key = locale_key(locale)
        object.__setattr__(self, "_data", _locale_data(key))

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"Formatter is immutable; cannot set {name!r}"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        return f"Formatter({str(self.locale)!r})"

    def __reduce__(self) -> tuple[type[Formatter], tuple[str]]:
        return (type(self), (str(self.locale),))

    def __eq__(self, other: object) -> bool:
        # What defines a formatter is its locale, not which cached data object it holds (the
        # cache may have dropped and rebuilt it since).
        if isinstance(other, Formatter):
            return str(self.locale) == str(other.locale)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self.locale))

    @property
    def locale(self) -> Locale:
        """The babel ``Locale`` of this formatter."""
        return self._data.locale

    @property
    def words_language(self) -> str:
        """Which catalog our own words come from (``"fr"`` for ``fr_CA``; ``"en"`` if none fits).

        Example:
            >>> Formatter("fr-CA").words_language, Formatter("es").words_language
            ('fr', 'en')
        """
        return self._data.words.language

    @property
    def _words(self) -> Words:
        return self._data.words

    # Numbers and money

    def number(self, value: int | Decimal, compact: Compact | None = None) -> str:
        """Format a count or a decimal number, in full or compact; never rounded beyond the rule.

        In full, every digit of ``value`` is shown. Compact forms keep three significant digits
        (all of them if there are fewer); below the first compact size of the locale the number
        is shown in full.

        Args:
            value: An ``int`` or a ``Decimal``.
            compact: ``None`` for the full number, ``"short"`` or ``"long"``.

        Example:
            >>> from decimal import Decimal
            >>> en = Formatter("en")
            >>> en.number(1234567), en.number(Decimal("1234.5678"))
            ('1,234,567', '1,234.5678')
            >>> en.number(1500000, compact="short"), Formatter("ja").number(864000000, "long")
            ('1.5M', '8.64億')
        """
        value = _check_number(value)
        style = _check_compact(compact)
        locale = self.locale
        if style is not None:
            found = _compact_or_none(value, locale, locale.compact_decimal_formats[style])
            if found is not None:
                return self._signed(value, found.text)
        pattern = locale.decimal_formats[None]
        with decimal.localcontext(wide_context()):
            return str(pattern.apply(value, locale, decimal_quantization=False))

    def money(self, money: Money, compact: Compact | None = None) -> str:
        """Format an amount of money, in full or compact.

        In full, the text is babel's ``format_currency`` for the locale, and no digit is ever
        rounded away (an amount more precise than the currency's minor unit shows every digit).
        Compact forms keep three significant digits of the amount: EUR 864 million is
        ``€864M``, ``864 M €``, ``€8.64億`` (babel alone rounds it to ``€9億``). An amount too
        small for a compact form in the locale is shown in full.

        Args:
            money: The amount.
            compact: ``None``, ``"short"`` (``€864M``) or ``"long"`` (``€864 million``,
                ``864 millions d’euros``, ``8.64億ユーロ``, ``864 Millionen Euro``). Long forms
                start at a million; smaller amounts are written in full.

        Raises:
            WrongTypeError: ``money`` is not a :class:`~lifesci_partners.Money`.
            InvalidArgumentError: ``compact`` is not one of the three.

        Example:
            >>> from lifesci_partners import Money
            >>> funding = Money("864000000", "EUR")
            >>> [Formatter("ja").money(funding, c) for c in (None, "short", "long")]
            ['€864,000,000.00', '€8.64億', '8.64億ユーロ']
        """
        if compact is None and type(money) is Money:  # the common case, kept short
            known = self._data.known_currency(money.currency)
            if known is not None:
                return known(money.amount)
        if not isinstance(money, Money):
            msg = f"expected a Money, got {describe(money)}"
            raise WrongTypeError(msg)
        amount, code = money.amount, money.currency
        style = _check_compact(compact)
        if style == "short":
            locale = self.locale
            patterns = locale.compact_currency_formats["short"]
            found = _compact_or_none(amount, locale, patterns, currency=code)
            if found is not None and get_currency_symbol(code, locale) in found.text:
                return self._signed(amount, found.text)
        elif style == "long":
            text = self._long_money(amount, code)
            if text is not None:
                return self._signed(amount, text)
        return self._data.currency(code)(amount)

    def _long_money(self, amount: Decimal, code: str) -> str | None:
        locale = self.locale
        found = _compact_or_none(amount, locale, locale.compact_decimal_formats["long"])
        if found is None or found.magnitude < _MILLION:
            return None
        with decimal.localcontext(wide_context()):  # plural rules take a modulo of the count
            name = get_currency_name(code, count=found.value, locale=locale)
        w = self._words
        if name[:1].lower() in _VOWELS:
            template = w.pgettext("money, long, vowel", "{symbol}{amount}")
        else:
            template = w.pgettext("money, long", "{symbol}{amount}")
        return template.format(
            amount=found.text,
            symbol=get_currency_symbol(code, locale),
            name=name,
            code=code,
        )

    def _signed(self, value: int | Decimal, text: str) -> str:
        if value < 0 or (isinstance(value, Decimal) and value.is_signed() and value):
            return get_minus_sign_symbol(self.locale) + text
        return text

    def _value(self, value: FigureValue, compact: Compact | None) -> str:
        if isinstance(value, Money):
            return self.money(value, compact)
        return self.number(value, compact)

    def figure(self, figure: Figure, compact: Compact | None = None) -> str:
        """Format a figure with its qualifier, in the language's words and word order.

        Args:
            figure: The figure: a count, a ``Decimal`` or a ``Money``, with its qualifier.
            compact: How to write the values (see :meth:`money` and :meth:`number`).

        Raises:
            WrongTypeError: ``figure`` is not a :class:`~lifesci_partners.Figure`.

        Example:
            >>> from lifesci_partners import Figure, Money, Qualifier
            >>> investments = Figure(Money("21000000000", "EUR"), Qualifier.NEARLY)
            >>> [Formatter(t).figure(investments, "long") for t in ("en", "ja", "de")]
            ['nearly €21 billion', '210億ユーロ近く', 'fast 21 Milliarden Euro']
            >>> Formatter("en").figure(Figure(430, Qualifier.BETWEEN, upper=500))
            'between 430 and 500'
        """
        if not isinstance(figure, Figure):
            msg = f"expected a Figure, got {describe(figure)}"
            raise WrongTypeError(msg)
        style = _check_compact(compact)
        value = self._value(figure.value, style)
        w = self._words
        if figure.qualifier is Qualifier.BETWEEN and figure.upper is not None:
            upper = self._value(figure.upper, style)
            text = w.pgettext("figure", "between {value} and {upper}")
            return text.format(value=value, upper=upper)
        words = _QUALIFIER_WORDS.get(figure.qualifier)
        if words is None:  # EXACT, or a qualifier newer than our catalogs
            return value
        return w.pgettext(*words).format(value=value)

    # Dates, periods and terms

    def date(self, day: dt.date | PartialDate, format: DateFormat = "long") -> str:  # noqa: A002  # babel's name
        """Format a date with a CLDR format: ``"full"``, ``"long"``, ``"medium"`` or ``"short"``.

        For a ``datetime.date``, the text is babel's ``format_date`` for the locale. A
        :class:`~lifesci_partners.PartialDate` shows only what is known: to the day, it reads
        like a date; to the month or the year, it takes CLDR's pattern for a month of a year
        (``January 2005``, ``2005年1月``) or for a year (``2005``, ``2005年``).

        Raises:
            InvalidArgumentError: ``format`` is not one of the four.
            WrongTypeError: ``day`` is not a date.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import PartialDate
            >>> [Formatter(t).date(dt.date(2020, 2, 5)) for t in ("en", "ja", "de")]
            ['February 5, 2020', '2020年2月5日', '5. Februar 2020']
            >>> Formatter("fr").date(dt.date(2020, 2, 5), "short")
            '05/02/2020'
            >>> [Formatter(t).date(PartialDate(2005, 1)) for t in ("en", "fr", "ja", "de")]
            ['January 2005', 'janvier 2005', '2005年1月', 'Januar 2005']
            >>> Formatter("en").date(PartialDate(2005)), Formatter("ja").date(PartialDate(2005))
            ('2005', '2005年')
        """
        if format not in _DATE_FORMATS:
            msg = f"format must be one of {', '.join(_DATE_FORMATS)}, got {describe(format)}"
            raise InvalidArgumentError(msg)
        if isinstance(day, dt.date):
            return self._data.date(format)(day)
        if not isinstance(day, PartialDate):
            msg = f"expected a datetime.date or a PartialDate, got {describe(day)}"
            raise WrongTypeError(msg)
        if day.month is None:
            return self._data.skeleton("y")(dt.date(day.year, 1, 1))
        if day.day is None:
            return self._data.skeleton(_MONTH_SKELETONS[format])(dt.date(day.year, day.month, 1))
        return self._data.date(format)(dt.date(day.year, day.month, day.day))

    def period(self, period: Period, format: DateFormat = "long") -> str:  # noqa: A002  # babel's name
        r"""Format a period as a CLDR date interval, from its first to its last day (inclusive).

        ``"long"`` and ``"full"`` join two dates with CLDR's interval pattern; ``"medium"`` and
        ``"short"`` use CLDR's interval formats, which leave out what both ends share. An
        open-ended period reads "from <start>".

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Period
            >>> mou = Period(dt.date(2020, 2, 5), dt.date(2025, 2, 5))
            >>> Formatter("ja").period(mou)
            '2020年2月5日～2025年2月4日'
            >>> Formatter("en").period(Period(dt.date(2020, 2, 5), dt.date(2020, 3, 5)), "medium")
            'Feb 5\u2009–\u2009Mar 4, 2020'
        """
        if not isinstance(period, Period):
            msg = f"expected a Period, got {describe(period)}"
            raise WrongTypeError(msg)
        start = self.date(period.start, format)
        last = period.last_day
        if last is None:
            return self._words.pgettext("period", "from {start}").format(start=start)
        if last == period.start:
            return start
        skeleton = _INTERVAL_SKELETONS.get(format)
        if skeleton is not None:
            return format_interval(period.start, last, skeleton, locale=self.locale)
        fallback = self.locale.interval_formats.get(None, "{0} – {1}")
        return str(fallback).format(start, self.date(last, format))

    def term(self, term: Term) -> str:
        """Format a term in words: ``5 years``, ``1 year and 6 months``, ``5 ans``, ``5年間``.

        Example:
            >>> from lifesci_partners import Term
            >>> [Formatter(t).term(Term(years=1, months=6)) for t in ("en", "de", "ja")]
            ['1 year and 6 months', '1 Jahr und 6 Monate', '1年6か月間']
        """
        return self._words.pgettext("term", "{term}").format(term=self.duration(term))

    def duration(self, term: Term) -> str:
        """Format a term as a length inside a phrase: ``3 months`` (before the end), ``3か月``.

        The same as :meth:`term` in most languages; Japanese leaves out the 間 that makes a
        length a duration (``3か月前``, three months before, not ``3か月間前``).

        Example:
            >>> from lifesci_partners import Term
            >>> ja = Formatter("ja")
            >>> ja.term(Term(months=3)), ja.duration(Term(months=3))
            ('3か月間', '3か月')
        """
        if not isinstance(term, Term):
            msg = f"expected a Term, got {describe(term)}"
            raise WrongTypeError(msg)
        w = self._words
        parts = []
        if term.years:
            text = w.npgettext("term", "{n} year", "{n} years", term.years)
            parts.append(text.format(n=self.number(term.years)))
        if term.months:
            text = w.npgettext("term", "{n} month", "{n} months", term.months)
            parts.append(text.format(n=self.number(term.months)))
        if term.days:
            text = w.npgettext("term", "{n} day", "{n} days", term.days)
            parts.append(text.format(n=self.number(term.days)))
        style = w.pgettext("term", "list style")
        return w.list(parts, style=style if style in _LIST_STYLES else "standard")

    # Words for the models

    def status(self, status: AgreementStatus) -> str:
        """The label of an agreement status: ``in force``, ``en vigueur``, ``有効``, ``in Kraft``.

        Example:
            >>> from lifesci_partners import AgreementStatus
            >>> [Formatter(t).status(AgreementStatus.EXPIRED) for t in ("en", "fr", "ja", "de")]
            ['expired', 'expiré', '期間満了', 'abgelaufen']
        """
        words = _STATUS_WORDS.get(status)
        if words is None:
            if isinstance(status, AgreementStatus):  # a status newer than our catalogs
                return status.value.replace("_", " ")
            msg = f"expected an AgreementStatus, got {describe(status)}"
            raise WrongTypeError(msg)
        return self._words.pgettext(*words)

    def adjusted_date(self, adjusted: AdjustedDate, format: DateFormat = "long") -> str:  # noqa: A002  # babel's name
        """A deadline after business-day adjustment, saying where it moved from and why.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import AdjustedDate, DayOff, DayOffKind, DeadlineRule
            >>> labour_day = DayOff(dt.date(2025, 5, 1), DayOffKind.PUBLIC_HOLIDAY, "Labour Day")
            >>> moved = AdjustedDate(
            ...     dt.date(2025, 5, 2), dt.date(2025, 5, 1), DeadlineRule.DE_BGB_193, labour_day
            ... )
            >>> Formatter("en").adjusted_date(moved)
            'May 2, 2025 (adjusted from May 1, 2025: public holiday (Labour Day))'
            >>> Formatter("fr").adjusted_date(moved)
            '2 mai 2025 (reporté du 1 mai 2025 : jour férié (Labour Day))'
            >>> Formatter("ja").adjusted_date(moved)
            '2025年5月2日（2025年5月1日から繰り延べ：祝日（Labour Day））'
            >>> Formatter("de").adjusted_date(moved)
            '2. Mai 2025 (verschoben vom 1. Mai 2025: gesetzlicher Feiertag (Labour Day))'
        """
        if not isinstance(adjusted, AdjustedDate):
            msg = f"expected an AdjustedDate, got {describe(adjusted)}"
            raise WrongTypeError(msg)
        day = self.date(adjusted.day, format)
        if not adjusted.moved or adjusted.reason is None:
            return day
        w = self._words
        off = adjusted.reason
        if off.kind is DayOffKind.PUBLIC_HOLIDAY and off.name:
            reason = w.pgettext("day off", "public holiday ({name})").format(name=off.name)
        elif off.kind is DayOffKind.PUBLIC_HOLIDAY:
            reason = w.pgettext("day off", "public holiday")
        else:
            weekday = date_formatter(self.locale, "EEEE")(off.day)
            reason = w.pgettext("day off", "weekend ({weekday})").format(weekday=weekday)
        template = w.pgettext("adjusted date", "{date} (adjusted from {original}: {reason})")
        return template.format(
            date=day, original=self.date(adjusted.unadjusted, format), reason=reason
        )

    def agreement_kind(self, kind: AgreementKind) -> str:
        """The name of a kind of agreement, in lower case as inside a sentence.

        Example:
            >>> from lifesci_partners import AgreementKind
            >>> [Formatter(t).agreement_kind(AgreementKind.MOU) for t in ("en", "fr", "ja")]
            ['memorandum of understanding', 'protocole d’accord', '覚書']
        """
        words = _KIND_WORDS.get(kind)
        if words is None:
            if not isinstance(kind, AgreementKind):
                msg = f"expected an AgreementKind, got {describe(kind)}"
                raise WrongTypeError(msg)
            words = _KIND_WORDS[AgreementKind.OTHER]  # a kind newer than our catalogs
        return self._words.pgettext(*words)

    def agreement(
        self,
        agreement: Agreement,
        directory: Directory | None = None,
        on: dt.date | None = None,
    ) -> str:
        """Summarise an agreement in a few sentences.

        Who, what kind, effective when, for how long and the last day; then, for an agreement
        that renews, the renewal clause (automatic or by the parties' consent, for how long,
        how many times, the notice of non-renewal) and any outer limit; the notices given and
        the termination with its reason; and with ``on``, the status on that date, with the
        running period and its renewal number for a renewable agreement, and the next deadline
        to give notice of non-renewal.

        Args:
            agreement: The agreement.
            directory: Where to find the parties' names (acronyms first); without it, parties
                are shown by id.
            on: The date for the status; ``None`` leaves the status out.

        Raises:
            WrongTypeError: ``agreement`` is not an :class:`~lifesci_partners.Agreement`.
            NotFoundError: A party is not in ``directory``.

        Example:
            >>> import datetime as dt
            >>> from lifesci_partners import Agreement, AgreementKind, Party, Renewal, Term
            >>> from lifesci_partners import examples
            >>> d = examples.link_j_mpr()
            >>> mou = d.agreement("mou-link-j-mpr-2020")
            >>> print(Formatter("en").agreement(mou, d, on=dt.date(2026, 11, 26)))
            Memorandum of understanding between LINK-J and MPR, in force from February 5, 2020
            for 5 years, last day February 4, 2025. Status on November 26, 2026: expired.
            >>> renewing = Agreement(
            ...     id="a",
            ...     kind=AgreementKind.COOPERATION,
            ...     parties=[Party("link-j"), Party("mpr")],
            ...     effective_on=dt.date(2020, 3, 1),
            ...     term=Term(years=1),
            ...     renewal=Renewal(Term(years=1), max_renewals=3, notice=Term(months=3)),
            ... )
            >>> print(Formatter("ja").agreement(renewing, d, on=dt.date(2021, 6, 1)))
            LINK-J、MPR間の協力協定（2020年3月1日発効、当初期間1年間、当初期間の最終日2021年2月28日）。期間満了後は1年ずつ自動更新（最大3回）。更新拒絶の通知：各期間満了の3か月前まで。更新を含めた効力の最終日：2024年2月29日。2021年6月1日時点の状況：有効（第1回更新期間、2021年3月1日～2022年2月28日）。次回の更新拒絶通知期限：2021年12月1日。
        """
        if not isinstance(agreement, Agreement):
            msg = f"expected an Agreement, got {describe(agreement)}"
            raise WrongTypeError(msg)
        an_instance(
            directory, (Directory, type(None)), "agreement", "directory=Directory(...) or None"
        )
        return AgreementText(self, self._words, directory).summary(agreement, on)

    def organization_name(self, organization: Organization) -> str:
        """The organization's name in this locale (best match), with its acronym.

        Example:
            >>> from lifesci_partners import examples
            >>> link_j = examples.link_j_mpr().organization("link-j")
            >>> Formatter("ja").organization_name(link_j)
            '一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン（LINK-J）'
        """
        if not isinstance(organization, Organization):
            msg = f"expected an Organization, got {describe(organization)}"
            raise WrongTypeError(msg)
        name = organization.name.best(self.locale)
        if not organization.acronym or organization.acronym == name:
            return name
        template = self._words.pgettext("organization", "{name} ({acronym})")
        return template.format(name=name, acronym=organization.acronym)

    def address(self, address: Address) -> str:
        """An address on one line, in the order and with the country name of the locale.

        Example:
            >>> from lifesci_partners import examples
            >>> hq = examples.link_j_mpr().organization("mpr").headquarters
            >>> Formatter("fr").address(hq), Formatter("ja").address(hq)
            ('Paris, France', 'フランス、Paris')
        """
        if not isinstance(address, Address):
            msg = f"expected an Address, got {describe(address)}"
            raise WrongTypeError(msg)
        parts = [
            part.best(self.locale)
            for part in (address.street, address.district, address.locality, address.region)
            if part is not None
        ]
        country = address.country_name(str(self.locale))
        if country is not None:
            parts.append(country)
        if not parts:  # only codes and coordinates
            parts.append(address.subdivision or "")
        template = self._words.pgettext("address", "{smaller}, {larger}")
        text = parts[-1]
        for part in reversed(parts[:-1]):
            text = template.format(smaller=part, larger=text)
        return text

    def organization(self, organization: Organization, directory: Directory | None = None) -> str:
        """Render an organization as Markdown: its name as a heading, then what is known of it.

        After the heading come its description, then one item per fact the data holds: kind,
        legal form, founding and dissolution dates (of any precision), status, headquarters and
        other sites, website, founders, people in their roles, other names (with their language
        when it is not the locale's), internet domains, registry identifiers, relationships and
        links; for a
        :class:`~lifesci_partners.Cluster`, its members by category with their qualified
        figures, its key areas and its achievements ("since 2005"). Names, roles, legal forms,
        descriptions and categories are the data's own text in the best language it has; the
        labels are ours.

        Args:
            organization: The organization.
            directory: Where to find the names of founders and related organizations given by
                id; without it, they are shown as the data names them.

        Raises:
            WrongTypeError: ``organization`` is not an :class:`~lifesci_partners.Organization`.

        Example:
            >>> from lifesci_partners import examples
            >>> link_j = examples.link_j_mpr().organization("link-j")
            >>> print(Formatter("en").organization(link_j))
            ## Life Science Innovation Network Japan (LINK-J)
            <BLANKLINE>
            A general incorporated association based in Nihonbashi, Tokyo, that supports the
            commercialization of seeds and ideas in the field of life science by promoting human
            and technology exchange.
            <BLANKLINE>
            - Type: association
            - Legal form: general incorporated association
            - Headquarters: Nihonbashi-Muromachi, Chuo-ku, Tokyo, Japan
            - Website: <https://www.link-j.org/>
            - Founders: Mitsui Fudosan and volunteers from academic circles
            - Key people: Hideyuki Okano (Chairman of the Board) and Akihiko Soyama (President and
              CEO)
            - Other names: 一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン
              (Japanese) and Life Science Innovation Network Japan, Inc.
        """
        if not isinstance(organization, Organization):
            msg = f"expected an Organization, got {describe(organization)}"
            raise WrongTypeError(msg)
        an_instance(
            directory, (Directory, type(None)), "organization", "directory=Directory(...) or None"
        )
        return Markdown(self, self._words, directory).organization_page(organization)

    def announcement(self, announcement: Announcement, directory: Directory | None = None) -> str:
        """Render an announcement as Markdown: a news release as its readers would see it.

        The headline as a heading, the subheadline, the dateline (the publisher, and the date
        when it is known), the body's paragraphs, the quotes with the speaker's name, role and
        organization, the photo captions, the agreements it announces, and the figures it
        states about partnerships. With a directory, names are looked up (publisher, speakers,
        parties) and each stated figure shows what the directory's data says of it
        (:meth:`Directory.check_claims <lifesci_partners.Directory.check_claims>`). The texts
        are the announcement's own, in the best language it has for the locale.

        Args:
            announcement: The announcement.
            directory: Where to find names, agreements and the data to check figures against;
                without it, ids are shown and figures are not checked.

        Raises:
            WrongTypeError: ``announcement`` is not an :class:`~lifesci_partners.Announcement`.

        Example:
            >>> from lifesci_partners import examples
            >>> d = examples.link_j_mpr()
            >>> text = Formatter("ja").announcement(d.announcements[0], d)
            >>> print(text.splitlines()[0])
            ## LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)
        """
        if not isinstance(announcement, Announcement):
            msg = f"expected an Announcement, got {describe(announcement)}"
            raise WrongTypeError(msg)
        an_instance(
            directory, (Directory, type(None)), "announcement", "directory=Directory(...) or None"
        )
        return Markdown(self, self._words, directory).announcement_page(announcement)

    def directory(self, directory: Directory, on: dt.date | None = None) -> str:
        """Render a whole directory as Markdown: its organizations, agreements and announcements.

        Args:
            directory: The directory.
            on: The date for the agreements' statuses; ``None`` leaves them out.

        Raises:
            WrongTypeError: ``directory`` is not a :class:`~lifesci_partners.Directory`.
        """
        if not isinstance(directory, Directory):
            msg = f"expected a Directory, got {describe(directory)}"
            raise WrongTypeError(msg)
        return Markdown(self, self._words, directory).directory_page(directory, on)

    def list(self, items: Iterable[str], style: str = "standard") -> str:
        """Join items with the locale's conjunction (CLDR list patterns).

        Args:
            items: The texts to join.
            style: A CLDR list style: ``"standard"`` (and), ``"or"``, ``"unit"``, and their
                ``-short`` and ``-narrow`` variants.

        Example:
            >>> [Formatter(t).list(["LINK-J", "MPR"]) for t in ("en", "fr", "ja", "de")]
            ['LINK-J and MPR', 'LINK-J et MPR', 'LINK-J、MPR', 'LINK-J und MPR']
        """
        texts = tuple(items) if isinstance(items, Iterable) else None
        if texts is None or not all(isinstance(text, str) for text in texts):
            msg = f"expected texts to join, got {describe(items)}"
            raise WrongTypeError(msg)
        if style not in _LIST_STYLES:
            styles = ", ".join(sorted(_LIST_STYLES))
            msg = f"unknown list style {describe(style)}; use one of {styles}"
            raise InvalidArgumentError(msg)
        return format_list(texts, style=style, locale=self.locale)  # type: ignore[arg-type]  # checked


def _compact_or_none(
    value: int | Decimal,
    locale: Locale,
    patterns: object,
    currency: str | None = None,
) -> CompactNumber | None:
    return compact(Decimal(value), locale, patterns, currency)  # type: ignore[arg-type]  # babel's LocaleDataDict is a Mapping

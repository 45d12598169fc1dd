"""Tests for ``Formatter``: the seed's facts in four languages, and the rules behind them.

Expected strings are compared as ``ascii()`` so that a failure shows code points: French uses
U+202F (narrow no-break space) between digit groups and U+00A0 (no-break space) before units,
currency symbols and colons.
"""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
import threading
from decimal import Decimal
from enum import Enum

import pytest
from babel import Locale
from babel.numbers import format_currency, get_currency_precision, get_minus_sign_symbol
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Achievement,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Announcement,
    Cluster,
    DatePrecision,
    Directory,
    Figure,
    Formatter,
    Founder,
    FounderKind,
    Identifier,
    Link,
    LinkKind,
    LocalizedText,
    MemberCount,
    Money,
    NameKind,
    NonRenewalNotice,
    Organization,
    OrganizationKind,
    OrganizationName,
    OrganizationStatus,
    PartialDate,
    PartnerCount,
    PartnerScope,
    Party,
    Period,
    Person,
    Position,
    Qualifier,
    Quote,
    Relationship,
    RelationshipKind,
    Renewal,
    Term,
    Termination,
    UnknownLocaleError,
    Verdict,
    examples,
    strategies,
)
from lifesci_partners._text import _markdown
from lifesci_partners._text._formatting import (
    _KIND_WORDS,
    _QUALIFIER_WORDS,
    _STATUS_WORDS,
    DateFormat,
    _locale_data,
)
from lifesci_partners._text._markdown import escape_markdown

from .test_compact import parse_back

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space
SUPPORTED = ("en", "fr", "ja", "de")


def eur(amount: str) -> Money:
    return Money(Decimal(amount), "EUR")


def figure(
    value: int | Decimal | Money, qualifier: str = "exact", upper: int | None = None
) -> Figure:
    return Figure(value, Qualifier(qualifier), upper=upper)


def same(actual: str, expected: str) -> None:
    """Compare code point by code point, showing invisible spaces on failure."""
    assert ascii(actual) == ascii(expected)


# The seed release's figures, dates, term and statuses, in each language.
SEED = {
    "en": {
        "investments": "nearly €21 billion",
        "investments short": "nearly €21B",
        "public funding": "€864 million",
        "public funding short": "€864M",
        "public funding full": "€864,000,000.00",
        "members": "over 430",
        "startups": "about 500",
        "large corporations": "40",
        "effective": "February 5, 2020",
        "founded": "January 3, 2005",
        "last day": "February 4, 2025",
        "term": "5 years",
        "in force": "in force",
        "expired": "expired",
    },
    "fr": {
        "investments": "près de 21 milliards d’euros",
        "investments short": f"près de 21{NBSP}Md{NBSP}€",
        "public funding": "864 millions d’euros",
        "public funding short": f"864{NBSP}M{NBSP}€",
        "public funding full": f"864{NNBSP}000{NNBSP}000,00{NBSP}€",
        "members": "plus de 430",
        "startups": "environ 500",
        "large corporations": "40",
        "effective": "5 février 2020",
        "founded": "3 janvier 2005",
        "last day": "4 février 2025",
        "term": f"5{NBSP}ans",
        "in force": "en vigueur",
        "expired": "expiré",
    },
    "ja": {
        "investments": "210億ユーロ近く",
        "investments short": "€210億近く",
        "public funding": "8.64億ユーロ",
        "public funding short": "€8.64億",
        "public funding full": "€864,000,000.00",
        "members": "430超",
        "startups": "約500",
        "large corporations": "40",
        "effective": "2020年2月5日",
        "founded": "2005年1月3日",
        "last day": "2025年2月4日",
        "term": "5年間",
        "in force": "有効",
        "expired": "期間満了",
    },
    "de": {
        "investments": "fast 21 Milliarden Euro",
        "investments short": f"fast 21{NBSP}Mrd.{NBSP}€",
        "public funding": "864 Millionen Euro",
        "public funding short": f"864{NBSP}Mio.{NBSP}€",
        "public funding full": f"864.000.000,00{NBSP}€",
        "members": "über 430",
        "startups": "etwa 500",
        "large corporations": "40",
        "effective": "5. Februar 2020",
        "founded": "3. Januar 2005",
        "last day": "4. Februar 2025",
        "term": "5 Jahre",
        "in force": "in Kraft",
        "expired": "abgelaufen",
    },
}


def _seed_facts(f: Formatter) -> dict[str, str]:
    mou = examples.link_j_mpr().agreement("mou-link-j-mpr-2020")
    founded = examples.link_j_mpr().organization("mpr").founded_on
    assert mou.term is not None
    assert mou.effective_on is not None
    assert mou.last_day is not None
    assert founded is not None
    return {
        "investments": f.figure(figure(eur("21000000000"), "nearly"), compact="long"),
        "investments short": f.figure(figure(eur("21000000000"), "nearly"), compact="short"),
        "public funding": f.money(eur("864000000"), compact="long"),
        "public funding short": f.money(eur("864000000"), compact="short"),
        "public funding full": f.money(eur("864000000")),
        "members": f.figure(figure(430, "over")),
        "startups": f.figure(figure(500, "approximately")),
        "large corporations": f.figure(figure(40)),
        "effective": f.date(mou.effective_on),
        "founded": f.date(founded),
        "last day": f.date(mou.last_day),
        "term": f.term(mou.term),
        "in force": f.status(mou.status_on(dt.date(2022, 1, 1))),
        "expired": f.status(mou.status_on(dt.date(2026, 11, 26))),
    }


class TestSeed:
    @pytest.mark.parametrize("locale", SUPPORTED)
    @pytest.mark.parametrize("fact", sorted(SEED["en"]))
    def test_seed_fact(self, locale: str, fact: str) -> None:
        """Each of the seed's figures, dates, terms and statuses reads exactly as expected."""
        same(_seed_facts(Formatter(locale))[fact], SEED[locale][fact])


class TestConstruction:
    @pytest.mark.parametrize("tag", ["ja_JP", "ja-JP", "ja", Locale.parse("ja_JP")])
    def test_tag_forms(self, tag: str | Locale) -> None:
        """Underscore and hyphen tags, bare languages and babel Locales all work."""
        assert Formatter(tag).term(Term(years=5)) == "5年間"

    def test_same_locale_shares_data(self) -> None:
        """Two formatters for one locale, in either tag form, are equal."""
        assert Formatter("ja_JP") == Formatter("ja-JP")
        assert Formatter("ja") != Formatter("ja_JP")

    @pytest.mark.parametrize("tag", ["xx", "xx-YY", "", " en", "en_ZZZ9"])
    def test_unknown_locale(self, tag: str) -> None:
        """A tag CLDR does not know is an UnknownLocaleError (a ValueError) naming the tag."""
        with pytest.raises(UnknownLocaleError, match="locale") as info:
            Formatter(tag)
        assert info.value.identifier == tag
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize(("tag", "language"), [("jp", "ja"), ("jp-JP", "ja"), ("dk", "da")])
    def test_country_code_suggests_the_language(self, tag: str, language: str) -> None:
        """A country code given as a language suggests that country's language."""
        with pytest.raises(
            UnknownLocaleError, match=rf"did you mean its language, '{language}'\?$"
        ):
            Formatter(tag)

    def test_not_a_tag(self) -> None:
        """A value that is not a tag at all is a TypeError."""
        with pytest.raises(TypeError, match="locale must be a string"):
            Formatter(42)  # type: ignore[arg-type]

    def test_immutable(self) -> None:
        """A formatter cannot be changed."""
        with pytest.raises(AttributeError, match="immutable"):
            Formatter("en").x = 1

    def test_pickle(self) -> None:
        """A formatter pickles as its locale (for multiprocessing users)."""
        f = Formatter("ja_JP")
        assert pickle.loads(pickle.dumps(f)) == f  # noqa: S301  # our own data

    def test_repr(self) -> None:
        """The repr names the locale."""
        assert repr(Formatter("fr-CA")) == "Formatter('fr_CA')"

    def test_equal_after_the_cache_moved_on(self) -> None:
        """Two formatters of one locale are equal even when the shared data was rebuilt."""
        before = Formatter("en")
        _locale_data.cache_clear()  # as when 256 other locales were used since
        after = Formatter("en")
        assert (after == before, hash(after) == hash(before)) == (True, True)

    def test_different_locales_differ(self) -> None:
        """Formatters of two locales are not equal; both tag forms of one locale are."""
        assert (
            Formatter("fr") == Formatter("fr-CA"),
            Formatter("fr-CA") == Formatter("fr_CA"),
        ) == (
            False,
            True,
        )

    def test_import_loads_no_locale_data(self) -> None:
        """Importing the package compiles no catalog and parses no locale."""
        code = (
            "import lifesci_partners, lifesci_partners._text._formatting as f,"
            " lifesci_partners._text._words"
            " as w; print(f._locale_data.cache_info().currsize, w._words.cache_info().currsize)"
        )
        result = subprocess.run(  # noqa: S603  # our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.split() == ["0", "0"]


class TestFallback:
    def test_other_language_uses_english_words(self) -> None:
        """Spanish has no catalog: English words, Spanish dates and numbers."""
        es = Formatter("es")
        assert es.words_language == "en"
        assert es.term(Term(years=1, months=6)) == "1 year and 6 months"
        assert es.date(dt.date(2020, 2, 5)) == "5 de febrero de 2020"
        same(es.money(eur("1234.5")), f"1.234,50{NBSP}€")

    def test_region_uses_its_language(self) -> None:
        """Canadian French uses the French words."""
        assert Formatter("fr_CA").words_language == "fr"
        same(Formatter("fr_CA").term(Term(years=2)), f"2{NBSP}ans")


money_amounts = st.sampled_from(["EUR", "USD", "JPY", "GBP", "CHF", "KWD", "INR"]).flatmap(
    lambda code: st.builds(
        lambda n: Money(Decimal(n).scaleb(-get_currency_precision(code)), code),
        st.integers(min_value=-(10**18), max_value=10**18),
    )
)
LOCALES = (*SUPPORTED, "en_IN", "de_CH", "fr_CA", "es", "ar", "zh_Hant")


class TestMoney:
    @given(money_amounts, st.sampled_from(LOCALES))
    def test_equals_babel(self, money: Money, locale: str) -> None:
        """In full, the text is babel's format_currency for the same locale."""
        expected = format_currency(money.amount, money.currency, locale=locale)
        assert Formatter(locale).money(money) == expected

    @given(money_amounts, st.sampled_from(LOCALES))
    def test_short_parses_back(self, money: Money, locale: str) -> None:
        """Short compact money read back is within rounding at the third significant digit."""
        f = Formatter(locale)
        text = f.money(money, compact="short")
        if text == f.money(money):
            return  # too small for a compact form here
        amount = money.amount.copy_abs()
        patterns = f.locale.compact_currency_formats["short"]
        unsigned = text.removeprefix(get_minus_sign_symbol(f.locale))
        back = parse_back(unsigned, f.locale, patterns, money.currency)
        assert abs(back - amount) <= Decimal(5).scaleb(amount.adjusted() - 3)

    def test_jpy_has_no_decimals(self) -> None:
        """Yen have no minor unit: no decimals in full."""
        assert Formatter("en").money(Money(Decimal(864000000), "JPY")) == "¥864,000,000"

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "€1.5M"),
            ("ja", "€150万"),
            ("fr", f"1,5{NBSP}M{NBSP}€"),
        ],
    )
    def test_short_keeps_digits(self, locale: str, expected: str) -> None:
        """1.5 million is 1.5M, not babel's 2M."""
        same(Formatter(locale).money(eur("1500000"), compact="short"), expected)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "$1.5 million"),
            ("fr", "1,5 million de dollars des États-Unis"),
            ("ja", "150万米ドル"),
            ("de", "1,5 Millionen US-Dollar"),
        ],
    )
    def test_long_words(self, locale: str, expected: str) -> None:
        """Long forms use the currency's name where the language does (French with "de")."""
        same(Formatter(locale).money(Money(Decimal(1500000), "USD"), compact="long"), expected)

    @pytest.mark.parametrize("locale", ["ar", "ro", "lt", "ru", "pl"])
    @pytest.mark.parametrize(
        "amount", ["999999999999999999999999999999", "123456789012345678901234567890"]
    )
    def test_long_thirty_digits_where_plurals_take_a_modulo(self, locale: str, amount: str) -> None:
        """A 30-digit amount has a long form in locales whose plural rules compute n % 100."""
        text = Formatter(locale).money(eur(amount), compact="long")
        assert text != Formatter(locale).money(eur(amount))  # compact, not the full fallback

    def test_long_below_a_million_is_full(self) -> None:
        """Long forms start at a million; smaller amounts are written in full."""
        assert Formatter("en").money(eur("5000"), compact="long") == "€5,000.00"

    def test_negative_compact(self) -> None:
        """The minus sign goes before the whole compact amount."""
        assert Formatter("en").money(eur("-864000000"), compact="long") == "-€864 million"
        assert Formatter("en").money(eur("-1500000"), compact="short") == "-€1.5M"

    def test_not_money(self) -> None:
        """Something that is not a Money is a TypeError."""
        with pytest.raises(TypeError, match="expected a Money"):
            Formatter("en").money(Decimal(1))  # type: ignore[arg-type]

    def test_bad_compact(self) -> None:
        """An unknown compact style is a ValueError that lists the choices."""
        with pytest.raises(ValueError, match="'short' or 'long'"):
            Formatter("en").money(eur("1"), compact="tiny")  # type: ignore[arg-type]


class TestNumber:
    def test_full_never_rounds(self) -> None:
        """Every digit of a Decimal is shown (babel's default pattern keeps three)."""
        same(Formatter("fr").number(Decimal("1234.56789")), f"1{NNBSP}234,56789")

    def test_compact(self) -> None:
        """Counts have compact forms too."""
        assert Formatter("en").number(1500000, compact="long") == "1.5 million"

    def test_float_refused(self) -> None:
        """A float is refused with a hint to use Decimal."""
        with pytest.raises(TypeError, match="Decimal"):
            Formatter("en").number(1.5)  # type: ignore[arg-type]


class TestFigure:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "between 430 and 500"),
            ("fr", "entre 430 et 500"),
            ("ja", "430～500"),
            ("de", "zwischen 430 und 500"),
        ],
    )
    def test_between(self, locale: str, expected: str) -> None:
        """A range reads in the language's words."""
        assert Formatter(locale).figure(figure(430, "between", 500)) == expected

    @pytest.mark.parametrize(
        ("qualifier", "expected"),
        [("at_least", "mindestens 16"), ("up_to", "bis zu 16"), ("exact", "16")],
    )
    def test_qualifiers(self, qualifier: str, expected: str) -> None:
        """Every qualifier has its words."""
        assert Formatter("de").figure(figure(16, qualifier)) == expected

    def test_every_qualifier_has_words(self) -> None:
        """Each Qualifier but EXACT and BETWEEN (a message of its own) has a message."""
        expected = set(Qualifier) - {Qualifier.EXACT, Qualifier.BETWEEN}
        assert set(_QUALIFIER_WORDS) == expected

    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_qualifiers_differ(self, locale: str) -> None:
        """No two qualifiers read the same."""
        f = Formatter(locale)
        texts = {
            f.figure(Figure(16, q, upper=20 if q is Qualifier.BETWEEN else None)) for q in Qualifier
        }
        assert len(texts) == len(Qualifier)

    def test_decimal_figure(self) -> None:
        """A Decimal figure keeps its digits."""
        assert Formatter("en").figure(figure(Decimal("3.25"), "approximately")) == "about 3.25"

    def test_not_a_figure(self) -> None:
        """Something that is not a Figure is a TypeError."""
        with pytest.raises(TypeError, match="expected a Figure"):
            Formatter("en").figure(430)  # type: ignore[arg-type]


class TestDates:
    def test_formats(self) -> None:
        """The four CLDR lengths."""
        day = dt.date(2020, 2, 5)
        assert [Formatter("en").date(day, f) for f in ("full", "long", "medium", "short")] == [
            "Wednesday, February 5, 2020",
            "February 5, 2020",
            "Feb 5, 2020",
            "2/5/20",
        ]

    @pytest.mark.parametrize(
        ("locale", "month", "year"),
        [
            ("en", "January 2005", "2005"),
            ("fr", "janvier 2005", "2005"),
            ("ja", "2005年1月", "2005年"),
            ("de", "Januar 2005", "2005"),
        ],
    )
    def test_reduced_precision(self, locale: str, month: str, year: str) -> None:
        """A date known to the month or the year shows only that, in CLDR's pattern."""
        f = Formatter(locale)
        assert f.date(PartialDate(2005, 1)) == month
        assert f.date(PartialDate(2005)) == year

    def test_partial_date_to_the_day(self) -> None:
        """A partial date known to the day reads like a date."""
        assert Formatter("fr").date(PartialDate(2005, 1, 3)) == "3 janvier 2005"

    @pytest.mark.parametrize(
        ("format", "expected"),
        [
            ("full", "January 2005"),
            ("long", "January 2005"),
            ("medium", "Jan 2005"),
            ("short", "1/2005"),
        ],
    )
    def test_month_at_each_length(self, format: DateFormat, expected: str) -> None:  # noqa: A002  # the method's name
        """A month of a year follows the requested length with CLDR's skeletons."""
        assert Formatter("en").date(PartialDate(2005, 1), format) == expected

    @given(st.builds(PartialDate.from_date, st.dates()), st.sampled_from(LOCALES))
    def test_day_precision_reads_like_the_date(self, day: PartialDate, locale: str) -> None:
        """A PartialDate known to the day reads exactly like the same datetime.date."""
        f = Formatter(locale)
        assert f.date(day) == f.date(day.first_day)

    def test_bad_format(self) -> None:
        """An unknown format is a ValueError."""
        with pytest.raises(ValueError, match="format must be one of"):
            Formatter("en").date(dt.date(2020, 2, 5), "tiny")  # type: ignore[arg-type]

    def test_not_a_date(self) -> None:
        """A string is not a date."""
        with pytest.raises(TypeError, match=r"expected a datetime\.date or a PartialDate"):
            Formatter("en").date("2020-02-05")  # type: ignore[arg-type]


MOU_PERIOD = Period(dt.date(2020, 2, 5), dt.date(2025, 2, 5))


class TestPeriod:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "February 5, 2020 – February 4, 2025"),
            ("fr", "5 février 2020 – 4 février 2025"),
            ("ja", "2020年2月5日～2025年2月4日"),
            ("de", "5. Februar 2020 – 4. Februar 2025"),
        ],
    )
    def test_mou(self, locale: str, expected: str) -> None:
        """The MOU's period, first to last day inclusive, with CLDR's interval pattern."""
        same(Formatter(locale).period(MOU_PERIOD), expected.replace(" – ", "\u2009–\u2009"))

    def test_medium_shares_the_year(self) -> None:
        """Medium intervals leave out what both ends share."""
        period = Period(dt.date(2020, 2, 5), dt.date(2020, 3, 5))
        same(Formatter("en").period(period, "medium"), "Feb 5\u2009–\u2009Mar 4, 2020")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "from February 5, 2020"),
            ("fr", "à partir du 5 février 2020"),
            ("ja", "2020年2月5日から"),
            ("de", "ab 5. Februar 2020"),
        ],
    )
    def test_open_ended(self, locale: str, expected: str) -> None:
        """A period without an end reads "from <start>"."""
        assert Formatter(locale).period(Period(dt.date(2020, 2, 5))) == expected

    def test_one_day(self) -> None:
        """A one-day period is that day."""
        period = Period(dt.date(2020, 2, 5), dt.date(2020, 2, 6))
        assert Formatter("en").period(period) == "February 5, 2020"


class TestTerm:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "1 year and 6 months"),
            ("fr", f"1{NBSP}an et 6{NBSP}mois"),
            ("ja", "1年6か月間"),
            ("de", "1 Jahr und 6 Monate"),
        ],
    )
    def test_years_and_months(self, locale: str, expected: str) -> None:
        """Parts are joined with the language's conjunction (Japanese: counters side by side)."""
        same(Formatter(locale).term(Term(years=1, months=6)), expected)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "1 day"),
            ("fr", f"1{NBSP}jour"),
            ("ja", "1日間"),
            ("de", "1 Tag"),
        ],
    )
    def test_singular(self, locale: str, expected: str) -> None:
        """One of a unit takes the singular ("one") form."""
        same(Formatter(locale).term(Term(days=1)), expected)

    def test_french_many(self) -> None:
        """A whole million takes French's "many" form."""
        same(Formatter("fr").term(Term(years=10**6)), f"1{NNBSP}000{NNBSP}000{NBSP}ans")

    def test_not_a_term(self) -> None:
        """A string is not a term."""
        with pytest.raises(TypeError, match="expected a Term"):
            Formatter("en").term("P5Y")  # type: ignore[arg-type]


class TestWords:
    def test_every_status_has_words(self) -> None:
        """Each AgreementStatus has a message."""
        assert set(_STATUS_WORDS) == set(AgreementStatus)

    def test_every_kind_has_words(self) -> None:
        """Each AgreementKind has a message."""
        assert set(_KIND_WORDS) == set(AgreementKind)

    @pytest.mark.parametrize(
        ("table", "enum"),
        [
            (_markdown._ORGANIZATION_KIND_WORDS, OrganizationKind),
            (_markdown._ORGANIZATION_KINDS_PLURAL, OrganizationKind),
            (_markdown._STATUS_WORDS, OrganizationStatus),
            (_markdown._RELATIONSHIP_WORDS, RelationshipKind),
            (_markdown._SCOPE_WORDS, PartnerScope),
            (_markdown._VERDICT_WORDS, Verdict),
            (_markdown._FROM_WORDS, DatePrecision),
            (_markdown._UNTIL_WORDS, DatePrecision),
            (_markdown._SINCE_WORDS, DatePrecision),
        ],
    )
    def test_every_value_has_words(self, table: dict[object, object], enum: type[Enum]) -> None:
        """Each value of the enumerations that the Markdown renderings name has a message."""
        assert set(table) == set(enum)

    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_statuses_differ(self, locale: str) -> None:
        """No two statuses read the same."""
        labels = [Formatter(locale).status(s) for s in AgreementStatus]
        assert len(set(labels)) == len(labels)

    def test_status_type(self) -> None:
        """A string is not a status."""
        with pytest.raises(TypeError, match="AgreementStatus"):
            Formatter("en").status("expired")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "LINK-J, MPR, and Medicen"),
            ("fr", "LINK-J, MPR et Medicen"),
            ("ja", "LINK-J、MPR、Medicen"),
            ("de", "LINK-J, MPR und Medicen"),
        ],
    )
    def test_list(self, locale: str, expected: str) -> None:
        """Lists use CLDR's conjunctions."""
        assert Formatter(locale).list(["LINK-J", "MPR", "Medicen"]) == expected

    def test_list_style(self) -> None:
        """Other CLDR list styles, and a clear error for an unknown one."""
        assert Formatter("en").list(["a", "b"], style="or") == "a or b"
        with pytest.raises(ValueError, match="unknown list style"):
            Formatter("en").list(["a", "b"], style="xor")


ON = dt.date(2026, 11, 26)
SUMMARIES = {
    "en": (
        "Memorandum of understanding between LINK-J and MPR, in force from February 5, 2020 "
        "for 5 years, last day February 4, 2025. Status on November 26, 2026: expired."
    ),
    "fr": (
        "Protocole d’accord entre LINK-J et MPR, en vigueur à partir du 5 février 2020 pour "
        f"5{NBSP}ans, dernier jour le 4 février 2025. Statut au 26 novembre 2026{NBSP}: expiré."
    ),
    "ja": (
        "LINK-J、MPR間の覚書（2020年2月5日発効、期間5年間、最終日2025年2月4日）。"
        "2026年11月26日時点の状況：期間満了。"
    ),
    "de": (
        "Absichtserklärung zwischen LINK-J und MPR, in Kraft ab 5. Februar 2020 für 5 Jahre, "
        "letzter Tag 4. Februar 2025. Status am 26. November 2026: abgelaufen."
    ),
}


THIN = "\u2009"  # thin space, around the dash of CLDR's date intervals
PARTIES = (Party("link-j"), Party("mpr"))
# Renews every year, three times at most, with three months' notice; on 2021-06-01 it runs its
# first renewal period.
RENEWING = Agreement(
    id="renewing",
    kind=AgreementKind.COOPERATION,
    parties=PARTIES,
    effective_on=dt.date(2020, 3, 1),
    term=Term(years=1),
    renewal=Renewal(Term(years=1), max_renewals=3, notice=Term(months=3)),
)
RENEWING_TEXT = {
    "en": (
        "Cooperation agreement between LINK-J and MPR, in force from March 1, 2020 for an initial "
        "term of 1 year, last day February 28, 2021. Automatic renewal for 1 year at a time, at "
        "most 3 times. Notice of non-renewal: 3 months before the end of each period. Last day "
        "in force, renewals included: February 29, 2024. Status on June 1, 2021: in force, "
        f"renewal 1 (March 1, 2021{THIN}–{THIN}February 28, 2022). Next deadline for notice of "
        "non-renewal: December 1, 2021."
    ),
    "fr": (
        "Accord de coopération entre LINK-J et MPR, en vigueur à partir du 1 mars 2020 pour une "
        f"période initiale de 1{NBSP}an, dernier jour le 28 février 2021. Renouvellement "
        f"automatique par périodes de 1{NBSP}an, au plus 3 fois. Préavis de non-renouvellement"
        f"{NBSP}: 3{NBSP}mois avant la fin de chaque période. Dernier jour en vigueur, "
        f"renouvellements compris{NBSP}: 29 février 2024. Statut au 1 juin 2021{NBSP}: en "
        f"vigueur, renouvellement n°{NBSP}1 (1 mars 2021{THIN}–{THIN}28 février 2022). Prochaine "
        f"échéance du préavis de non-renouvellement{NBSP}: 1 décembre 2021."
    ),
    "ja": (
        "LINK-J、MPR間の協力協定（2020年3月1日発効、当初期間1年間、当初期間の最終日2021年2月28日）。"
        "期間満了後は1年ずつ自動更新（最大3回）。更新拒絶の通知：各期間満了の3か月前まで。"
        "更新を含めた効力の最終日：2024年2月29日。"
        "2021年6月1日時点の状況：有効（第1回更新期間、2021年3月1日～2022年2月28日）。"
        "次回の更新拒絶通知期限：2021年12月1日。"
    ),
    "de": (
        "Kooperationsvereinbarung zwischen LINK-J und MPR, in Kraft ab 1. März 2020, "
        "Anfangslaufzeit 1 Jahr, letzter Tag 28. Februar 2021. Automatische Verlängerung um "
        "jeweils 1 Jahr, höchstens 3-mal. Mitteilung der Nichtverlängerung: 3 Monate vor Ende "
        "jeder Laufzeit. Letzter Tag in Kraft einschließlich Verlängerungen: 29. Februar 2024. "
        f"Status am 1. Juni 2021: in Kraft, 1. Verlängerung (1. März 2021{THIN}–{THIN}28. Februar "
        "2022). Nächste Frist für die Mitteilung der Nichtverlängerung: 1. Dezember 2021."
    ),
}
TERMINATED = Agreement(
    id="terminated",
    kind=AgreementKind.MOU,
    parties=PARTIES,
    effective_on=dt.date(2020, 2, 5),
    term=Term(years=5),
    events=[
        Termination(
            dt.date(2023, 4, 1),
            by="link-j",
            reason=LocalizedText({"en": "merger", "fr": "fusion", "ja": "合併", "de": "Fusion"}),
        )
    ],
)
TERMINATED_TEXT = {
    "en": (
        "Memorandum of understanding between LINK-J and MPR, in force from February 5, 2020 for "
        "5 years, last day February 4, 2025. Termination by LINK-J, effective April 1, 2023. "
        "Reason: merger. Status on January 1, 2024: terminated."
    ),
    "fr": (
        "Protocole d’accord entre LINK-J et MPR, en vigueur à partir du 5 février 2020 pour "
        f"5{NBSP}ans, dernier jour le 4 février 2025. Résiliation par LINK-J, effective le "
        f"1 avril 2023. Motif{NBSP}: fusion. Statut au 1 janvier 2024{NBSP}: résilié."
    ),
    "ja": (
        "LINK-J、MPR間の覚書（2020年2月5日発効、期間5年間、最終日2025年2月4日）。"
        "LINK-Jにより解除（2023年4月1日付）。理由：合併。2024年1月1日時点の状況：解除。"
    ),
    "de": (
        "Absichtserklärung zwischen LINK-J und MPR, in Kraft ab 5. Februar 2020 für 5 Jahre, "
        "letzter Tag 4. Februar 2025. Beendigung durch LINK-J mit Wirkung vom 1. April 2023. "
        "Grund: Fusion. Status am 1. Januar 2024: beendet."
    ),
}


def _agreement(**fields: object) -> Agreement:
    """An agreement between LINK-J and MPR with the given lifecycle fields."""
    base: dict[str, object] = {
        "id": "a",
        "kind": AgreementKind.COOPERATION,
        "parties": PARTIES,
        "effective_on": dt.date(2020, 3, 1),
        "term": Term(years=1),
    }
    return Agreement(**{**base, **fields})  # type: ignore[arg-type]  # test helper


class TestAgreement:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_seed_mou(self, locale: str) -> None:
        """The MOU's summary: who, what, from when, how long, last day, status."""
        directory = examples.link_j_mpr()
        mou = directory.agreement("mou-link-j-mpr-2020")
        same(Formatter(locale).agreement(mou, directory, on=ON), SUMMARIES[locale])

    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_renewing(self, locale: str) -> None:
        """Renewal clause, notice, last day with renewals, running period and next deadline."""
        text = Formatter(locale).agreement(RENEWING, examples.link_j_mpr(), on=dt.date(2021, 6, 1))
        same(text, RENEWING_TEXT[locale])

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "Memorandum of understanding between LINK-J and MPR; its start is not known, "
                    "last day February 4, 2025. Status on February 5, 2025: expired."
                ),
            ),
            (
                "fr",
                (
                    "Protocole d\u2019accord entre LINK-J et MPR, date de d\u00e9but inconnue, "
                    "dernier jour le 4 f\u00e9vrier 2025. "
                    "Statut au 5 f\u00e9vrier 2025\u00a0: expir\u00e9."
                ),
            ),
            (
                "ja",
                "LINK-J、MPR間の覚書（発効日不明、最終日2025年2月4日）。2025年2月5日時点の状況：期間満了。",
            ),
            (
                "de",
                (
                    "Absichtserklärung zwischen LINK-J und MPR; Beginn unbekannt, letzter Tag "
                    "4. Februar 2025. Status am 5. Februar 2025: abgelaufen."
                ),
            ),
        ],
    )
    def test_start_not_known(self, locale: str, expected: str) -> None:
        """An agreement whose start is not known says so, with its stated last day if any."""
        agreement = _agreement(
            kind=AgreementKind.MOU, effective_on=None, term=None, stated_end_on=dt.date(2025, 2, 4)
        )
        text = Formatter(locale).agreement(agreement, examples.link_j_mpr(), on=dt.date(2025, 2, 5))
        same(text, expected)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "Memorandum of understanding between LINK-J and MPR; its start is not known, "
                    "with no end date."
                ),
            ),
            (
                "fr",
                (
                    "Protocole d\u2019accord entre LINK-J et MPR, date de d\u00e9but inconnue, "
                    "sans date de fin."
                ),
            ),
            ("ja", "LINK-J、MPR間の覚書（発効日不明、期間の定めなし）。"),
            ("de", "Absichtserklärung zwischen LINK-J und MPR; Beginn unbekannt, ohne Enddatum."),
        ],
    )
    def test_no_dates(self, locale: str, expected: str) -> None:
        """An agreement with neither start nor end says both are not known."""
        agreement = _agreement(kind=AgreementKind.MOU, effective_on=None, term=None)
        same(Formatter(locale).agreement(agreement, examples.link_j_mpr()), expected)

    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_terminated(self, locale: str) -> None:
        """A termination reads with its party, date and reason; the status is terminated."""
        text = Formatter(locale).agreement(
            TERMINATED, examples.link_j_mpr(), on=dt.date(2024, 1, 1)
        )
        same(text, TERMINATED_TEXT[locale])

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "Memorandum of understanding between LINK-J and MPR, in force from February "
                    "5, 2020 for an initial term of 5 years, last day February 4, 2025. Renewal "
                    "for 5 years at a time by agreement of the parties, at most once. Status on "
                    "January 1, 2022: in force, initial term (February 5, "
                    f"2020{THIN}–{THIN}February 4, 2025)."
                ),
            ),
            (
                "ja",
                (
                    "LINK-J、MPR間の覚書（2020年2月5日発効、当初期間5年間、当初期間の最終日2025年2月4日）。"
                    "当事者の合意により5年ずつ更新可能（最大1回）。"
                    "2022年1月1日時点の状況：有効（当初期間、2020年2月5日～2025年2月4日）。"
                ),
            ),
        ],
    )
    def test_renewal_by_consent(self, locale: str, expected: str) -> None:
        """A renewal by consent presumes no renewal: no notice and no deadline."""
        agreement = _agreement(
            kind=AgreementKind.MOU,
            effective_on=dt.date(2020, 2, 5),
            term=Term(years=5),
            renewal=Renewal(Term(years=5), automatic=False, max_renewals=1),
        )
        text = Formatter(locale).agreement(agreement, examples.link_j_mpr(), on=dt.date(2022, 1, 1))
        same(text, expected)

    def test_unlimited_without_notice_period(self) -> None:
        """Without a notice period, notice is due by the last day of each period."""
        agreement = _agreement(term=Term(years=2), renewal=Renewal(Term(months=6)))
        text = Formatter("fr").agreement(agreement, on=dt.date(2023, 1, 1))
        same(
            text,
            "Accord de coopération entre link-j et mpr, en vigueur à partir du 1 mars 2020 pour "
            f"une période initiale de 2{NBSP}ans, dernier jour le 28 février 2022. Renouvellement "
            f"automatique par périodes de 6{NBSP}mois. Préavis de non-renouvellement{NBSP}: "
            f"jusqu’au dernier jour de chaque période. Statut au 1 janvier 2023{NBSP}: en vigueur, "
            f"renouvellement n°{NBSP}2 (1 septembre 2022{THIN}–{THIN}28 février 2023). Prochaine "
            f"échéance du préavis de non-renouvellement{NBSP}: 28 février 2023.",
        )

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "Cooperation agreement between LINK-J and MPR, in force from March 1, 2020 "
                    "for an initial term of 1 year, last day February 28, 2021. Automatic renewal "
                    "for 1 year at a time. Notice of non-renewal: 1 month before the end of each "
                    "period. Notice of non-renewal given by MPR on January 15, 2022. Last day in "
                    "force, renewals included: February 28, 2022. Status on June 1, 2022: expired."
                ),
            ),
            (
                "de",
                (
                    "Kooperationsvereinbarung zwischen LINK-J und MPR, in Kraft ab 1. März 2020, "
                    "Anfangslaufzeit 1 Jahr, letzter Tag 28. Februar 2021. Automatische "
                    "Verlängerung um jeweils 1 Jahr. Mitteilung der Nichtverlängerung: 1 Monat "
                    "vor Ende jeder Laufzeit. Mitteilung der Nichtverlängerung durch MPR am 15. "
                    "Januar 2022. Letzter Tag in Kraft einschließlich Verlängerungen: 28. Februar "
                    "2022. Status am 1. Juni 2022: abgelaufen."
                ),
            ),
        ],
    )
    def test_notice_given(self, locale: str, expected: str) -> None:
        """A notice of non-renewal reads with its party and date, and moves the last day."""
        agreement = _agreement(
            renewal=Renewal(Term(years=1), notice=Term(months=1)),
            events=[NonRenewalNotice(dt.date(2022, 1, 15), by="mpr")],
        )
        text = Formatter(locale).agreement(agreement, examples.link_j_mpr(), on=dt.date(2022, 6, 1))
        same(text, expected)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "fr",
                (
                    "Accord de confidentialité entre x et y, en vigueur du 5 février 2020 au 31 "
                    "mars 2022."
                ),
            ),
            (
                "de",
                (
                    "Geheimhaltungsvereinbarung zwischen x und y, in Kraft vom 5. Februar 2020 bis "
                    "31. März 2022."
                ),
            ),
        ],
    )
    def test_stated_end(self, locale: str, expected: str) -> None:
        """A stated last day without a term reads "from ... to ..."."""
        agreement = Agreement(
            id="nda",
            kind=AgreementKind.NDA,
            parties=[Party("x"), Party("y")],
            effective_on=dt.date(2020, 2, 5),
            stated_end_on=dt.date(2022, 3, 31),
        )
        assert Formatter(locale).agreement(agreement) == expected

    def test_outer_limit(self) -> None:
        """The outer limit is stated once; the last renewal period ends with it."""
        agreement = _agreement(
            kind=AgreementKind.FUNDING,
            effective_on=dt.date(2020, 1, 1),
            renewal=Renewal(Term(years=1)),
            max_extent_on=dt.date(2022, 6, 30),
        )
        same(
            Formatter("en").agreement(agreement, examples.link_j_mpr(), on=dt.date(2022, 3, 1)),
            "Funding agreement between LINK-J and MPR, in force from January 1, 2020 for an "
            "initial term of 1 year, last day December 31, 2020. Automatic renewal for 1 year at "
            "a time. Notice of non-renewal: by the last day of each period. In force until June "
            "30, 2022 at the latest. Status on March 1, 2022: in force, renewal 2 (January 1, "
            f"2022{THIN}–{THIN}June 30, 2022).",
        )

    def test_deadline_before_the_effective_date(self) -> None:
        """A signed agreement not yet in force already has its first notice deadline."""
        agreement = _agreement(
            signed_on=dt.date(2020, 1, 10), renewal=Renewal(Term(years=1), notice=Term(months=3))
        )
        text = Formatter("en").agreement(agreement, on=dt.date(2020, 2, 1))
        assert text.endswith(
            "Status on February 1, 2020: signed. "
            "Next deadline for notice of non-renewal: December 1, 2020."
        )

    def test_without_directory_or_date(self) -> None:
        """Without a directory parties are ids; without a date there is no status sentence."""
        mou = examples.link_j_mpr().agreement("mou-link-j-mpr-2020")
        text = Formatter("en").agreement(mou)
        assert text.startswith("Memorandum of understanding between link-j and mpr,")
        assert "Status" not in text

    def test_open_ended(self) -> None:
        """An agreement without a term says it has no end date."""
        agreement = Agreement(
            id="a",
            kind=AgreementKind.COOPERATION,
            parties=[Party("x"), Party("y")],
            effective_on=dt.date(2020, 2, 5),
        )
        assert Formatter("de").agreement(agreement) == (
            "Kooperationsvereinbarung zwischen x und y, in Kraft ab 5. Februar 2020, ohne Enddatum."
        )

    def test_not_an_agreement(self) -> None:
        """Something that is not an Agreement is a TypeError."""
        with pytest.raises(TypeError, match="expected an Agreement"):
            Formatter("en").agreement("mou-link-j-mpr-2020")  # type: ignore[arg-type]

    @given(strategies.agreements(), strategies.dates(), st.sampled_from(SUPPORTED))
    def test_states_status_and_deadline(
        self, agreement: Agreement, day: dt.date, locale: str
    ) -> None:
        """Any agreement on any date reads with its status and, if one is ahead, its deadline."""
        f = Formatter(locale)
        text = f.agreement(agreement, on=day)
        assert f.status(agreement.status_on(day)) in text
        renewal = agreement.renewal
        deadline = agreement.next_notice_deadline(on=day)
        if renewal is not None and renewal.automatic and deadline is not None:
            assert f.date(deadline) in text


MPR_TEXT = {
    "en": (
        "## Medicen Paris Region (MPR)\n\n"
        "A non-profit cluster of innovative health technology organizations, based in Paris, "
        "France.\n\n"
        "- Type: business cluster and non-profit organization\n"
        "- Founded: January 3, 2005\n"
        "- Headquarters: Paris, France\n"
        "- Website: <https://medicen.org/en/>\n"
        "- Key people: Jessica Leygues (CEO)\n"
        "- Members:\n"
        "  - member organizations: over 430 (companies, research institutes, universities, "
        "hospitals, and government bodies)\n"
        "  - startups and small and medium-sized enterprises in biotech, medical technology and "
        "digital health: about 500\n"
        "  - large corporations: 40\n"
        "  - academic and medical research organizations: 34\n"
        "- Key areas: biological diagnosis, diagnostic and interventional imaging, regenerative "
        "medicine and biomaterials, digital health, and translational medicine\n"
        "- Achievements:\n"
        "  - innovative products launched in biotech, medical technology and digital health: 80 "
        "(since 2005)\n"
        "  - projects certified: 383 (since 2005)\n"
        "  - investments acquired: nearly €21 billion (since 2005)\n"
        "  - public funding acquired: €864 million (since 2005)"
    ),
    "fr": (
        "## Medicen Paris Region (MPR)\n\n"
        "A non-profit cluster of innovative health technology organizations, based in Paris, "
        "France.\n\n"
        f"- Type{NBSP}: cluster d’entreprises et organisation à but non lucratif\n"
        f"- Création{NBSP}: 3 janvier 2005\n"
        f"- Siège{NBSP}: Paris, France\n"
        f"- Site web{NBSP}: <https://medicen.org/en/>\n"
        f"- Personnes clés{NBSP}: Jessica Leygues (CEO)\n"
        f"- Membres{NBSP}:\n"
        f"  - member organizations{NBSP}: plus de 430 (entreprises, instituts de recherche, "
        "universités, hôpitaux et organismes publics)\n"
        "  - startups and small and medium-sized enterprises in biotech, medical technology and "
        f"digital health{NBSP}: environ 500\n"
        f"  - large corporations{NBSP}: 40\n"
        f"  - academic and medical research organizations{NBSP}: 34\n"
        f"- Domaines clés{NBSP}: biological diagnosis, diagnostic and interventional imaging, "
        "regenerative medicine and biomaterials, digital health et translational medicine\n"
        f"- Réalisations{NBSP}:\n"
        "  - innovative products launched in biotech, medical technology and digital health"
        f"{NBSP}: 80 (depuis 2005)\n"
        f"  - projects certified{NBSP}: 383 (depuis 2005)\n"
        f"  - investments acquired{NBSP}: près de 21 milliards d’euros (depuis 2005)\n"
        f"  - public funding acquired{NBSP}: 864 millions d’euros (depuis 2005)"
    ),
    "ja": (
        "## Medicen Paris Region（MPR）\n\n"
        "A non-profit cluster of innovative health technology organizations, based in Paris, "
        "France.\n\n"
        "- 種別：ビジネスクラスター、非営利団体\n"
        "- 設立：2005年1月3日\n"
        "- 本部：フランス、Paris\n"
        "- ウェブサイト：<https://medicen.org/en/>\n"
        "- 主要人物：Jessica Leygues（CEO）\n"
        "- 会員：\n"
        "  - member organizations：430超（企業、研究機関、大学、病院、行政機関）\n"
        "  - startups and small and medium-sized enterprises in biotech, medical technology and "
        "digital health：約500\n"
        "  - large corporations：40\n"
        "  - academic and medical research organizations：34\n"
        "- 重点分野：biological diagnosis、diagnostic and interventional imaging、regenerative "
        "medicine and biomaterials、digital health、translational medicine\n"
        "- 主な実績：\n"
        "  - innovative products launched in biotech, medical technology and digital health："
        "80（2005年以降）\n"
        "  - projects certified：383（2005年以降）\n"
        "  - investments acquired：210億ユーロ近く（2005年以降）\n"
        "  - public funding acquired：8.64億ユーロ（2005年以降）"
    ),
    "de": (
        "## Medicen Paris Region (MPR)\n\n"
        "A non-profit cluster of innovative health technology organizations, based in Paris, "
        "France.\n\n"
        "- Art: Unternehmenscluster und gemeinnützige Organisation\n"
        "- Gegründet: 3. Januar 2005\n"
        "- Hauptsitz: Paris, Frankreich\n"
        "- Website: <https://medicen.org/en/>\n"
        "- Schlüsselpersonen: Jessica Leygues (CEO)\n"
        "- Mitglieder:\n"
        "  - member organizations: über 430 (Unternehmen, Forschungsinstitute, Hochschulen, "
        "Krankenhäuser und Behörden)\n"
        "  - startups and small and medium-sized enterprises in biotech, medical technology and "
        "digital health: etwa 500\n"
        "  - large corporations: 40\n"
        "  - academic and medical research organizations: 34\n"
        "- Schwerpunkte: biological diagnosis, diagnostic and interventional imaging, regenerative "
        "medicine and biomaterials, digital health und translational medicine\n"
        "- Erfolge:\n"
        "  - innovative products launched in biotech, medical technology and digital health: 80 "
        "(seit 2005)\n"
        "  - projects certified: 383 (seit 2005)\n"
        "  - investments acquired: fast 21 Milliarden Euro (seit 2005)\n"
        "  - public funding acquired: 864 Millionen Euro (seit 2005)"
    ),
}
LINK_J_JA = (
    "## 一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン（LINK-J）\n\n"
    "A general incorporated association based in Nihonbashi, Tokyo, that supports the "
    "commercialization of seeds and ideas in the field of life science by promoting human and "
    "technology exchange.\n\n"
    "- 種別：社団\n"
    "- 法人形態：一般社団法人\n"
    "- 本部：日本、Tokyo、Chuo-ku、Nihonbashi-Muromachi\n"
    "- ウェブサイト：<https://www.link-j.org/>\n"
    "- 設立者：Mitsui Fudosan、volunteers from academic circles\n"
    "- 主要人物：Hideyuki Okano（Chairman of the Board）、Akihiko Soyama（President and CEO）\n"
    "- 別名：Life Science Innovation Network Japan（英語）、"
    "Life Science Innovation Network Japan, Inc.（英語）"
)


def _text(**texts: str) -> LocalizedText:
    return LocalizedText(texts)


# A made-up organization with every field, to show each line; its Japanese texts are its own
# data (the formatter translates none of them).
EXAMPLE = Organization(
    id="example",
    name=_text(en="Example Life Science Association", ja="一般社団法人イグザンプル"),
    acronym="ELSA",
    website="https://example.org/",
    kind=OrganizationKind.ASSOCIATION,
    legal_form=_text(en="general incorporated association", ja="一般社団法人"),
    founded_on=PartialDate(2016, 2),
    status=OrganizationStatus.ACTIVE,
    people=[
        Position(
            Person("taro", _text(en="Taro Yamada", ja="山田太郎")),
            _text(en="Representative Director", ja="代表理事"),
            start=PartialDate(2019),
        ),
        Position(
            Person("hanako", _text(en="Hanako Suzuki", ja="鈴木花子")),
            _text(en="Chair", ja="会長"),
            end=PartialDate(2024, 3, 31),
        ),
    ],
    founders=[
        Founder(_text(en="Example Realty"), organization="realty"),
        Founder(_text(en="volunteers from academic circles"), FounderKind.GROUP),
    ],
    other_names=[OrganizationName("Example Association", NameKind.ALIAS, locale="en")],
    identifiers=[Identifier("wikidata", "Q42")],
    relationships=[
        Relationship(RelationshipKind.MEMBER_OF, organization="mpr", start=PartialDate(2021)),
        Relationship(
            RelationshipKind.RELATED, organization="foundation", label="Example Foundation"
        ),
    ],
    links=[
        Link("https://en.wikipedia.org/wiki/Example", LinkKind.WIKIPEDIA),
        Link("https://example.org/news/1", LinkKind.NEWS, title=_text(en="Launch [2016]")),
    ],
)
EXAMPLE_TEXT = {
    "en": (
        "## Example Life Science Association (ELSA)\n\n"
        "- Type: association\n"
        "- Legal form: general incorporated association\n"
        "- Founded: February 2016\n"
        "- Status: active\n"
        "- Website: <https://example.org/>\n"
        "- Founders: Example Realty and volunteers from academic circles\n"
        "- Key people: Taro Yamada (Representative Director, from 2019) and Hanako Suzuki (Chair, "
        "until March 31, 2024)\n"
        "- Other names: 一般社団法人イグザンプル (Japanese) and Example Association\n"
        "- Identifiers: Wikidata [Q42](https://www.wikidata.org/wiki/Q42)\n"
        "- Member of: Medicen Paris Region (MPR) (from 2021)\n"
        "- Related organizations: Example Foundation\n"
        "- Links: [Wikipedia](https://en.wikipedia.org/wiki/Example) and "
        "[Launch \\[2016\\]](https://example.org/news/1)"
    ),
    "ja": (
        "## 一般社団法人イグザンプル（ELSA）\n\n"
        "- 種別：社団\n"
        "- 法人形態：一般社団法人\n"
        "- 設立：2016年2月\n"
        "- 状況：活動中\n"
        "- ウェブサイト：<https://example.org/>\n"
        "- 設立者：Example Realty、volunteers from academic circles\n"
        "- 主要人物：山田太郎（代表理事、2019年から）、鈴木花子（会長、2024年3月31日まで）\n"
        "- 別名：Example Life Science Association（英語）、Example Association（英語）\n"
        "- 識別子：Wikidata [Q42](https://www.wikidata.org/wiki/Q42)\n"
        "- 加盟先：Medicen Paris Region（MPR）（2021年から）\n"
        "- 関連組織：Example Foundation\n"
        "- リンク：[Wikipedia](https://en.wikipedia.org/wiki/Example)、"
        "[Launch \\[2016\\]](https://example.org/news/1)"
    ),
}


class TestOrganization:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_mpr(self, locale: str) -> None:
        """MPR renders as Markdown: its facts, then its members, key areas and achievements."""
        mpr = examples.link_j_mpr().organization("mpr")
        same(Formatter(locale).organization(mpr), MPR_TEXT[locale])

    def test_link_j_in_japanese(self) -> None:
        """LINK-J in Japanese: its Japanese name and legal form, the other texts as the data has."""
        link_j = examples.link_j_mpr().organization("link-j")
        same(Formatter("ja").organization(link_j), LINK_J_JA)

    @pytest.mark.parametrize("locale", ["en", "ja"])
    def test_every_field(self, locale: str) -> None:
        """Every field has its line, with the data's own texts in the language they have."""
        text = Formatter(locale).organization(EXAMPLE, examples.link_j_mpr())
        same(text, EXAMPLE_TEXT[locale])

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (PartialDate(2019), None, "CEO, à partir de 2019"),
            (PartialDate(2019, 1), None, "CEO, à partir de janvier 2019"),
            (PartialDate(2019, 1, 3), None, "CEO, à partir du 3 janvier 2019"),
            (None, PartialDate(2019), "CEO, jusqu’en 2019"),
            (None, PartialDate(2019, 1, 3), "CEO, jusqu’au 3 janvier 2019"),
            (PartialDate(2019), PartialDate(2021), f"CEO, 2019{THIN}–{THIN}2021"),
        ],
    )
    def test_french_spans(self, start: PartialDate, end: PartialDate, expected: str) -> None:
        """French words before a date follow its precision ("de 2019", "du 3 janvier 2019")."""
        person = Person("jane", _text(en="Jane Roe"))
        org = Organization(
            id="x",
            name=_text(en="X"),
            people=[Position(person, _text(en="CEO"), start=start, end=end)],
        )
        same(Formatter("fr").organization(org).splitlines()[-1].split("(", 1)[1], expected + ")")

    def test_founder_outside_the_directory(self) -> None:
        """A founder whose id the directory lacks is shown by the name the data gives."""
        text = Formatter("en").organization(EXAMPLE, examples.link_j_mpr())
        assert "- Founders: Example Realty and" in text

    def test_not_an_organization(self) -> None:
        """Something that is not an Organization is a TypeError."""
        with pytest.raises(TypeError, match="expected an Organization"):
            Formatter("en").organization("mpr")  # type: ignore[arg-type]

    @given(strategies.organizations(), st.sampled_from(SUPPORTED))
    def test_any_organization(self, organization: Organization, locale: str) -> None:
        """Any organization renders, headed by its name, with one line per known fact."""
        f = Formatter(locale)
        lines = f.organization(organization).splitlines()
        name = escape_markdown(f.organization_name(organization))
        assert lines[0].split() == ["##", *name.split()]  # line breaks become spaces
        assert all(line.startswith("- ") for line in lines[4 if organization.description else 2 :])


class TestCluster:
    @pytest.mark.parametrize(
        ("locale", "since", "expected"),
        [
            ("fr", PartialDate(2005), f"  - produits lancés{NBSP}: 80 (depuis 2005)"),
            (
                "fr",
                PartialDate(2005, 1, 3),
                "  - produits lancés\xa0: 80 (depuis le 3 janvier 2005)",
            ),
            ("de", PartialDate(2005, 1), "  - produits lancés: 80 (seit Januar 2005)"),
            ("de", PartialDate(2005, 1, 3), "  - produits lancés: 80 (seit dem 3. Januar 2005)"),
            ("ja", PartialDate(2005, 1, 3), "  - produits lancés：80（2005年1月3日以降）"),
        ],
    )
    def test_since(self, locale: str, since: PartialDate, expected: str) -> None:
        """The word for "since" follows the date's precision in each language."""
        cluster = Cluster(
            id="c",
            name=_text(fr="Pôle"),
            achievements=[Achievement(_text(fr="produits lancés"), Figure(80), since=since)],
        )
        same(Formatter(locale).organization(cluster).splitlines()[-1], expected)

    def test_figure_as_of(self) -> None:
        """A member count as of a date says so."""
        count = Figure(430, Qualifier.OVER, as_of=dt.date(2020, 2, 5))
        cluster = Cluster(
            id="c", name=_text(en="C"), member_counts=[MemberCount(_text(en="members"), count)]
        )
        assert (
            Formatter("en")
            .organization(cluster)
            .endswith("- Members:\n  - members: over 430 (as of February 5, 2020)")
        )

    @given(strategies.clusters(), st.sampled_from(SUPPORTED))
    def test_any_cluster(self, cluster: Cluster, locale: str) -> None:
        """Any cluster renders one sub-item per member category and per achievement."""
        lines = Formatter(locale).organization(cluster).splitlines()
        sub_items = [line for line in lines if line.startswith("  - ")]
        assert len(sub_items) == len(cluster.member_counts) + len(cluster.achievements)


SEED_NEWS_TAIL = {
    "en": (
        "> — Akihiko Soyama, President and CEO of LINK-J\n\n"
        "*Photo: Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, CEO of "
        "Medicen Paris Region (right)*\n\n"
        "- Agreements announced:\n"
        "  - Memorandum of understanding between LINK-J and MPR, in force from February 5, 2020 "
        "for 5 years, last day February 4, 2025.\n"
        "- Figures stated:\n"
        "  - Partners of LINK-J: 16 (not decidable from the data)\n"
        "  - Overseas partners of LINK-J: 6 (not decidable from the data)\n"
        "  - MPR: partner no. 16 of LINK-J (not decidable from the data)\n"
        "- Links: <https://medicen.org/en/> and <https://www.link-j.org/>"
    ),
    "fr": (
        "> — Akihiko Soyama, President and CEO, LINK-J\n\n"
        f"*Photo{NBSP}: Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, "
        "CEO of Medicen Paris Region (right)*\n\n"
        f"- Accords annoncés{NBSP}:\n"
        "  - Protocole d’accord entre LINK-J et MPR, en vigueur à partir du 5 février 2020 pour "
        f"5{NBSP}ans, dernier jour le 4 février 2025.\n"
        f"- Chiffres annoncés{NBSP}:\n"
        f"  - Partenaires de LINK-J{NBSP}: 16 (indécidable d’après les données)\n"
        f"  - Partenaires étrangers de LINK-J{NBSP}: 6 (indécidable d’après les données)\n"
        f"  - MPR{NBSP}: partenaire n°{NBSP}16 de LINK-J (indécidable d’après les données)\n"
        f"- Liens{NBSP}: <https://medicen.org/en/> et <https://www.link-j.org/>"
    ),
    "ja": (
        "> （LINK-J President and CEO Akihiko Soyama）\n\n"
        "*写真：Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, CEO of "
        "Medicen Paris Region (right)*\n\n"
        "- 発表された協定：\n"
        "  - LINK-J、MPR間の覚書（2020年2月5日発効、期間5年間、最終日2025年2月4日）。\n"
        "- 記載された数値：\n"
        "  - LINK-Jの提携先：16（データからは判断できない）\n"
        "  - LINK-Jの海外提携先：6（データからは判断できない）\n"
        "  - MPR：LINK-Jの16番目の提携先（データからは判断できない）\n"
        "- リンク：<https://medicen.org/en/>、<https://www.link-j.org/>"
    ),
    "de": (
        "> — Akihiko Soyama, President and CEO, LINK-J\n\n"
        "*Foto: Akihiko Soyama, President and CEO of LINK-J (left), and Jessica Leygues, CEO of "
        "Medicen Paris Region (right)*\n\n"
        "- Angekündigte Vereinbarungen:\n"
        "  - Absichtserklärung zwischen LINK-J und MPR, in Kraft ab 5. Februar 2020 für 5 Jahre, "
        "letzter Tag 4. Februar 2025.\n"
        "- Genannte Zahlen:\n"
        "  - Partner von LINK-J: 16 (aus den Daten nicht entscheidbar)\n"
        "  - Ausländische Partner von LINK-J: 6 (aus den Daten nicht entscheidbar)\n"
        "  - MPR: 16. Partner von LINK-J (aus den Daten nicht entscheidbar)\n"
        "- Links: <https://medicen.org/en/> und <https://www.link-j.org/>"
    ),
}
LINK_J_EN = "Life Science Innovation Network Japan (LINK-J)"
LINK_J_NAME_JA = "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"
SEED_HEADLINE = "## LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)"


def _news(**fields: object) -> Announcement:
    """A short announcement by LINK-J, with the given fields."""
    base: dict[str, object] = {
        "id": "news",
        "publisher": "link-j",
        "headline": _text(en="LINK-J and MPR sign an MOU", ja="LINK-JとMPRが覚書を締結"),
    }
    return Announcement(**{**base, **fields})  # type: ignore[arg-type]  # test helper


class TestAnnouncement:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_seed_head(self, locale: str) -> None:
        """Headline, subheadline, and a dateline of the publisher alone: the date is unknown."""
        directory = examples.link_j_mpr()
        f = Formatter(locale)
        lines = f.announcement(directory.announcements[0], directory).splitlines()
        publisher = f.organization_name(directory.organization("link-j"))
        assert lines[:6] == [
            SEED_HEADLINE,
            "",
            (
                "### Cooperating with 16 organizations (including 6 overseas organizations) and "
                "expanding LINK-J's role as a hub for life science field"
            ),
            "",
            f"*{publisher}*",
            "",
        ]

    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_seed_quote_caption_and_figures(self, locale: str) -> None:
        """The quote's speaker, role and organization, the caption, the MOU, the figures checked."""
        directory = examples.link_j_mpr()
        text = Formatter(locale).announcement(directory.announcements[0], directory)
        assert text.startswith(SEED_HEADLINE)
        same(text[text.index("\n>\n") + 3 :], SEED_NEWS_TAIL[locale])

    def test_every_paragraph_of_the_body(self) -> None:
        """Each paragraph of the body is a paragraph of the rendering, in order."""
        directory = examples.link_j_mpr()
        news = directory.announcements[0]
        paragraphs = Formatter("en").announcement(news, directory).split("\n\n")
        body = [p.best("en") for p in news.body]
        start = paragraphs.index(body[0])
        assert paragraphs[start : start + len(body)] == body

    @pytest.mark.parametrize(
        ("locale", "published_on", "expected"),
        [
            (
                "en",
                PartialDate(2020, 2, 5),
                "*Life Science Innovation Network Japan (LINK-J), February 5, 2020*",
            ),
            (
                "en",
                PartialDate(2020, 2),
                "*Life Science Innovation Network Japan (LINK-J), February 2020*",
            ),
            (
                "ja",
                PartialDate(2020, 2, 5),
                "*一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン（LINK-J）、2020年2月5日*",
            ),
        ],
    )
    def test_dateline(self, locale: str, published_on: PartialDate, expected: str) -> None:
        """The dateline names the publisher and the date, at the date's precision."""
        news = _news(published_on=published_on)
        lines = Formatter(locale).announcement(news, examples.link_j_mpr()).splitlines()
        assert lines == [f"## {news.headline.best(locale)}", "", expected]

    @pytest.mark.parametrize(
        ("role", "organization", "expected"),
        [
            (None, None, "> （akihiko-soyama）"),
            (_text(en="CEO", ja="代表"), None, "> （代表 Akihiko Soyama）"),
            (None, "link-j", "> （LINK-J Akihiko Soyama）"),
        ],
    )
    def test_quote_attribution(
        self, role: LocalizedText | None, organization: str | None, expected: str
    ) -> None:
        """A quote names whatever is known of its speaker, in the language's order."""
        quote = Quote(
            _text(en="Words."), speaker="akihiko-soyama", role=role, organization=organization
        )
        news = _news(quotes=[quote])
        directory = examples.link_j_mpr() if role or organization else None
        lines = Formatter("ja").announcement(news, directory).splitlines()
        assert lines[-3:] == ["> Words.", ">", expected]

    def test_without_directory(self) -> None:
        """Without a directory: ids for names, no agreements, figures unchecked."""
        news = examples.link_j_mpr().announcements[0]
        text = Formatter("en").announcement(news)
        assert "*link-j*" in text
        assert "Agreements announced" not in text
        assert "  - Partners of link-j: 16\n" in text

    def test_figure_as_of_a_date(self) -> None:
        """A count as of a date says so, before what the data says of it."""
        claim = PartnerCount("link-j", Figure(16, Qualifier.OVER), on=dt.date(2020, 2, 5))
        text = Formatter("de").announcement(_news(claims=[claim]), examples.link_j_mpr())
        assert text.endswith(
            "- Genannte Zahlen:\n  - Partner von LINK-J: über 16 (Stand 5. Februar 2020, "
            "aus den Daten nicht entscheidbar)"
        )

    def test_not_an_announcement(self) -> None:
        """Something that is not an Announcement is a TypeError."""
        with pytest.raises(TypeError, match="expected an Announcement"):
            Formatter("en").announcement("news")  # type: ignore[arg-type]

    @given(strategies.directories(), st.sampled_from(SUPPORTED))
    def test_any_announcement(self, directory: Directory, locale: str) -> None:
        """Any announcement renders: its headline, its quotes, an item per agreement and figure."""
        f = Formatter(locale)
        for news in directory.announcements:
            lines = f.announcement(news, directory).splitlines()
            headline = escape_markdown(news.headline.best(f.locale))
            assert lines[0].split() == ["##", *headline.split()]
            assert lines.count(">") >= len(news.quotes)
            sub_items = [line for line in lines if line.startswith("  - ")]
            assert len(sub_items) == len(news.about) + len(news.claims)


class TestDirectory:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_whole_directory(self, locale: str) -> None:
        """Every organization, agreement and announcement of the directory is rendered."""
        directory = examples.link_j_mpr()
        f = Formatter(locale)
        text = f.directory(directory, on=ON)
        for organization in directory.organizations:
            assert f.organization(organization) in text
        assert SUMMARIES[locale] in text
        for news in directory.announcements:
            assert f.announcement(news, directory) in text

    def test_not_a_directory(self) -> None:
        """Something that is not a Directory is a TypeError."""
        with pytest.raises(TypeError, match="expected a Directory"):
            Formatter("en").directory([])  # type: ignore[arg-type]


def _work(locale: str) -> list[str]:
    f = Formatter(locale)
    directory = examples.link_j_mpr()
    return [
        *_seed_facts(f).values(),
        f.directory(directory, on=ON),
        f.agreement(RENEWING, directory, on=dt.date(2021, 6, 1)),
        *(
            f.money(Money(Decimal(n).scaleb(-2), "EUR"), compact)
            for n in range(0, 10**9, 7_654_321)
            for compact in (None, "short", "long")
        ),
    ]


class TestThreads:
    def test_mixed_locales_match_one_thread(self) -> None:
        """Threads formatting in mixed locales from cold caches give one thread's results."""
        from lifesci_partners._text import _formatting, _words  # noqa: PLC0415  # to empty caches

        locales = [*SUPPORTED, "fr_CA", "es"] * 3
        expected = {locale: _work(locale) for locale in set(locales)}
        _formatting._locale_data.cache_clear()
        _words._words.cache_clear()
        barrier = threading.Barrier(len(locales))
        results: dict[int, list[str]] = {}

        def run(index: int, locale: str) -> None:
            barrier.wait()
            results[index] = _work(locale)

        threads = [
            threading.Thread(target=run, args=(i, locale)) for i, locale in enumerate(locales)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [results[i] for i in range(len(locales))] == [expected[lo] for lo in locales]

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

import attrs
import pytest
from babel import Locale
from babel.numbers import format_currency, get_currency_precision, get_minus_sign_symbol
from hypothesis import given
from hypothesis import strategies as st

from lifesci_partners import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Figure,
    Formatter,
    Money,
    Party,
    Period,
    Qualifier,
    Term,
    UnknownLocaleError,
    examples,
)
from lifesci_partners._formatting import _KIND_WORDS, _QUALIFIER_WORDS, _STATUS_WORDS

from .test_compact import parse_back

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space
SUPPORTED = ("en", "fr", "ja", "de")


@attrs.frozen
class _PartialDate:
    """Stands in for ``PartialDate`` (same fields) until the organization work is merged."""

    year: int
    month: int | None = None
    day: int | None = None


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
    assert mou.term is not None
    assert mou.last_day is not None
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
        "founded": f.date(dt.date(2005, 1, 3)),
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

    def test_import_loads_no_locale_data(self) -> None:
        """Importing the package compiles no catalog and parses no locale."""
        code = (
            "import lifesci_partners, lifesci_partners._formatting as f, lifesci_partners._words"
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
        assert f.date(_PartialDate(2005, 1)) == month
        assert f.date(_PartialDate(2005)) == year

    def test_partial_date_to_the_day(self) -> None:
        """A partial date known to the day reads like a date."""
        assert Formatter("fr").date(_PartialDate(2005, 1, 3)) == "3 janvier 2005"

    def test_bad_format(self) -> None:
        """An unknown format is a ValueError."""
        with pytest.raises(ValueError, match="format must be one of"):
            Formatter("en").date(dt.date(2020, 2, 5), "tiny")  # type: ignore[arg-type]

    def test_not_a_date(self) -> None:
        """A string is not a date."""
        with pytest.raises(TypeError, match="expected a date"):
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


class TestAgreement:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_seed_mou(self, locale: str) -> None:
        """The MOU's summary: who, what, from when, how long, last day, status."""
        directory = examples.link_j_mpr()
        mou = directory.agreement("mou-link-j-mpr-2020")
        same(Formatter(locale).agreement(mou, directory, on=ON), SUMMARIES[locale])

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


class TestOrganization:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                (
                    "## Medicen Paris Region (MPR)\n\n- Headquarters: Paris, France\n"
                    "- Website: <https://medicen.org/en/>"
                ),
            ),
            (
                "fr",
                (
                    f"## Medicen Paris Region (MPR)\n\n- Siège{NBSP}: Paris, France\n"
                    f"- Site web{NBSP}: <https://medicen.org/en/>"
                ),
            ),
            (
                "ja",
                (
                    "## Medicen Paris Region（MPR）\n\n- 本部：フランス、Paris\n"
                    "- ウェブサイト：<https://medicen.org/en/>"
                ),
            ),
        ],
    )
    def test_mpr(self, locale: str, expected: str) -> None:
        """An organization renders as Markdown with localized labels and country."""
        mpr = examples.link_j_mpr().organization("mpr")
        same(Formatter(locale).organization(mpr), expected)

    def test_japanese_name(self) -> None:
        """The Japanese name is used in Japanese, with full-width parentheses."""
        link_j = examples.link_j_mpr().organization("link-j")
        heading = Formatter("ja").organization(link_j).splitlines()[0]
        assert (
            heading
            == "## 一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン（LINK-J）"
        )


class TestDirectory:
    @pytest.mark.parametrize("locale", SUPPORTED)
    def test_whole_directory(self, locale: str) -> None:
        """Every organization and agreement of the directory is rendered in the language."""
        directory = examples.link_j_mpr()
        f = Formatter(locale)
        text = f.directory(directory, on=ON)
        for organization in directory.organizations:
            assert f.organization(organization) in text
        assert SUMMARIES[locale] in text


def _work(locale: str) -> list[str]:
    f = Formatter(locale)
    return list(_seed_facts(f).values()) + [
        f.money(Money(Decimal(n).scaleb(-2), "EUR"), compact)
        for n in range(0, 10**9, 7_654_321)
        for compact in (None, "short", "long")
    ]


class TestThreads:
    def test_mixed_locales_match_one_thread(self) -> None:
        """Threads formatting in mixed locales from cold caches give one thread's results."""
        from lifesci_partners import _formatting, _words  # noqa: PLC0415  # to empty caches

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

"""Tests for Identifier and its check digits."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lifesci_partners import KNOWN_SCHEMES, Identifier, ValidationError, from_json, to_json
from lifesci_partners import strategies as lst
from lifesci_partners._identifiers import (
    identifier_of,
    isni_check_character,
    lei_check_digits,
    ror_check_digits,
)

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"  # base 32 without i, l, o, u

# Identifiers of real organizations: their check digits were computed by their registries.
REAL = [
    ("ror", "05dxps055"),
    ("ror", "02mhbdp94"),
    ("ror", "057zh3y96"),
    ("ror", "02feahw73"),
    ("ror", "013meh722"),
    ("lei", "HWUPKR0MPOU8FGXBT394"),
    ("lei", "7LTWFZYICNSX8D621K86"),
    ("lei", "529900T8BM49AURSDO55"),
    ("isni", "0000000107068890"),
    ("isni", "000000012146438X"),
    ("orcid", "0000-0002-1825-0097"),
    ("wikidata", "Q42"),
    ("grid", "grid.20861.3d"),
]


def problem(scheme: str, value: str) -> str:
    with pytest.raises(ValidationError) as info:
        Identifier(scheme, value)
    (error,) = info.value.errors
    return error


def _change_one(value: str, index: int, alphabet: str) -> str:
    current = value[index]
    replacement = next(c for c in alphabet if c != current)
    return value[:index] + replacement + value[index + 1 :]


class TestKnownSchemes:
    @pytest.mark.parametrize(("scheme", "value"), REAL)
    def test_real_identifiers_accepted(self, scheme: str, value: str) -> None:
        """Identifiers issued by the registries pass their checks."""
        assert Identifier(scheme, value).value == value

    def test_known_schemes(self) -> None:
        """The checked schemes are the documented ones."""
        assert sorted(KNOWN_SCHEMES) == ["grid", "isni", "lei", "orcid", "ror", "wikidata"]

    def test_ror_bad_checksum(self) -> None:
        """A ROR id with wrong check digits is refused, showing the value and the right digits."""
        assert problem("ror", "05dxps056") == (
            "$.value: '05dxps056' is not a valid ROR id: its check digits are '56', "
            "but the first seven characters need '55'; check for a typo"
        )

    @pytest.mark.parametrize(
        ("value", "hint"),
        [
            ("https://ror.org/05dxps055", "write the bare id '05dxps055'"),
            ("05DXPS055", "write the bare id '05dxps055'"),
            ("15dxps055", "is not a ROR id"),
            ("05dxpi055", "is not a ROR id"),
            ("05dxps05", "is not a ROR id"),
        ],
    )
    def test_ror_form(self, value: str, hint: str) -> None:
        """ROR ids are '0', six base-32 characters without i, l, o, u, and two digits."""
        assert hint in problem("ror", value)

    def test_lei_bad_checksum(self) -> None:
        """An LEI with wrong check digits is refused, naming ISO 17442."""
        assert problem("lei", "HWUPKR0MPOU8FGXBT395") == (
            "$.value: 'HWUPKR0MPOU8FGXBT395' is not a valid LEI: its check digits are '95', "
            "but the first 18 characters need '94' (ISO 17442 mod 97); check for a typo"
        )

    def test_lei_lower_case_hint(self) -> None:
        """A lower-case LEI is refused, showing the canonical form."""
        assert "write 'HWUPKR0MPOU8FGXBT394'" in problem("lei", "hwupkr0mpou8fgxbt394")

    def test_isni_bad_check_character(self) -> None:
        """An ISNI with a wrong check character is refused."""
        assert problem("isni", "0000000107068891") == (
            "$.value: '0000000107068891' is not a valid ISNI: its check character is '1', "
            "but the first 15 digits need '0' (ISO 7064 Mod 11-2); check for a typo"
        )

    def test_isni_spaces_hint(self) -> None:
        """An ISNI written in groups is refused, showing the compact form."""
        assert "write '0000000107068890'" in problem("isni", "0000 0001 0706 8890")

    def test_orcid_hint(self) -> None:
        """An ORCID iD without hyphens is refused, showing the canonical form."""
        assert "write '0000-0002-1825-0097'" in problem("orcid", "0000000218250097")

    @pytest.mark.parametrize("value", ["Q0", "q42", "Q", "P31", "Q42a"])
    def test_wikidata_form(self, value: str) -> None:
        """Wikidata items are Q and digits without a leading zero."""
        assert "is not a Wikidata item id" in problem("wikidata", value)

    def test_wikidata_url_hint(self) -> None:
        """A Wikidata URL is refused, showing the item id."""
        assert "write 'Q42'" in problem("wikidata", "https://www.wikidata.org/wiki/Q42")

    @pytest.mark.parametrize("value", ["grid.20861", "20861.3d", "grid.20861.3G"])
    def test_grid_form(self, value: str) -> None:
        """GRID ids are 'grid.', digits, '.', and one or two hex digits."""
        assert "is not a GRID id" in problem("grid", value)


class TestCheckDigitsProperties:
    @given(st.text(CROCKFORD, min_size=6, max_size=6))
    def test_ror_check_digits_by_definition(self, body: str) -> None:
        """ISO 7064 Mod 97-10 over the value of the body in Crockford's base 32, digit by digit."""
        number = 0
        for char in body:
            number = number * 32 + CROCKFORD.index(char)
        assert ror_check_digits(body) == f"{98 - (number * 100) % 97:02d}"

    @given(st.text("0123456789abcdefghjkmnpqrstvwxyz", min_size=6, max_size=6), st.data())
    def test_ror_single_substitution_detected(self, body: str, data: st.DataObject) -> None:
        """Changing any one character of a valid ROR id makes it invalid."""
        value = f"0{body}{ror_check_digits(body)}"
        index = data.draw(st.integers(1, 8))
        alphabet = "0123456789" if index > 6 else "0123456789abcdefghjkmnpqrstvwxyz"
        with pytest.raises(ValidationError):
            Identifier("ror", _change_one(value, index, alphabet))

    @given(st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=18, max_size=18), st.data())
    def test_lei_single_substitution_detected(self, body: str, data: st.DataObject) -> None:
        """Changing one digit for a digit, or one letter for a letter, in an LEI is detected.

        (A letter counts as two digits in ISO 17442, so a letter changed for a digit may go
        unnoticed, like in IBANs.)
        """
        value = body + lei_check_digits(body)
        index = data.draw(st.integers(0, 19))
        alphabet = "0123456789" if value[index].isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        with pytest.raises(ValidationError):
            Identifier("lei", _change_one(value, index, alphabet))

    @given(st.text("0123456789", min_size=15, max_size=15), st.data())
    def test_isni_single_substitution_detected(self, digits: str, data: st.DataObject) -> None:
        """Changing any one digit of a valid ISNI makes it invalid."""
        value = digits + isni_check_character(digits)
        index = data.draw(st.integers(0, 14))
        with pytest.raises(ValidationError):
            Identifier("isni", _change_one(value, index, "0123456789"))

    @given(lst.registry_identifiers())
    def test_round_trip(self, identifier: Identifier) -> None:
        """Every identifier survives to_json/from_json unchanged."""
        assert from_json(to_json(identifier), Identifier) == identifier


class TestOtherSchemes:
    def test_any_text(self) -> None:
        """Values of other schemes are kept as written."""
        assert Identifier("fundref", "100000001").value == "100000001"

    @pytest.mark.parametrize("value", ["", " ", " x", "x "])
    def test_value_must_be_trimmed_text(self, value: str) -> None:
        """Empty values and values with white space at an end are refused."""
        assert problem("siren", value).startswith("$.value: ")

    @given(st.text(st.sampled_from("ab \u3000\u2003"), max_size=5))
    def test_trimmed_exactly_as_strip_says(self, value: str) -> None:
        """A value is refused for its white space exactly when strip() would change it."""
        try:
            Identifier("siren", value)
        except ValidationError:
            accepted = False
        else:
            accepted = True
        assert accepted == (bool(value.strip()) and value == value.strip())

    @pytest.mark.parametrize(("length", "accepted"), [(500, True), (501, False)])
    def test_at_most_500_characters(self, length: int, accepted: bool) -> None:
        """A value of another scheme is at most 500 characters long."""
        verdict = _built(Identifier, "siren", "a" * length)
        assert verdict[0] == ("ok" if accepted else "ValidationError")

    @pytest.mark.parametrize("value", ["12\x1b[2J34", "12\n34", "12\u202e34"])
    def test_value_is_one_line_of_text(self, value: str) -> None:
        """A value of another scheme is one line of free text: no control characters."""
        assert problem("siren", value).startswith("$.value: holds U+")

    @pytest.mark.parametrize("scheme", ["", "ROR", "1abc", "my scheme"])
    def test_scheme_name_form(self, scheme: str) -> None:
        """Scheme names are lower-case tokens; 'ROR' is refused with a hint."""
        assert problem(scheme, "x").startswith("$.scheme: ")

    def test_scheme_upper_case_hint(self) -> None:
        """An upper-case scheme suggests the lower-case one."""
        assert "did you mean 'ror'?" in problem("ROR", "05dxps055")


class TestPreferred:
    def test_preferred_is_part_of_the_identifier(self) -> None:
        """The preferred flag is kept through JSON and tells two entries apart."""
        grid = Identifier("grid", "grid.20861.3d", preferred=True)
        assert from_json(to_json(grid), Identifier) == grid != Identifier("grid", "grid.20861.3d")

    def test_preferred_is_a_bool(self) -> None:
        """Only True or False is a preferred flag."""
        with pytest.raises(ValidationError, match=r"^\$\.preferred: expected True or False"):
            Identifier("grid", "grid.20861.3d", preferred=1)  # type: ignore[arg-type]


class TestPresentation:
    def test_url(self) -> None:
        """Known registries give a page URL; others none."""
        assert Identifier("wikidata", "Q42").url == "https://www.wikidata.org/wiki/Q42"
        assert (
            Identifier("isni", "0000000107068890").url == "https://isni.org/isni/0000000107068890"
        )
        assert Identifier("grid", "grid.20861.3d").url is None
        assert Identifier("fundref", "100000001").url is None

    def test_str(self) -> None:
        """str() is scheme:value."""
        assert str(Identifier("ror", "05dxps055")) == "ror:05dxps055"


def _built(make: object, *args: object, **kwargs: object) -> tuple[str, object]:
    try:
        return ("ok", make(*args, **kwargs))  # type: ignore[operator]
    except ValidationError as exc:
        return (type(exc).__name__, exc.errors)


_REAL_VALUES = [value for _, value in REAL]
# Real values, the same with a character changed or added at either end, and anything else.
_VALUES = st.one_of(
    st.sampled_from(_REAL_VALUES),
    st.builds(
        lambda v, c, i: v[:i] + c + v[i + 1 :],
        st.sampled_from(_REAL_VALUES),
        st.sampled_from("0aX \t\n\x00\u2028"),
        st.integers(0, 20),
    ),
    st.builds(
        lambda v, ends: ends[0] + v + ends[1],
        st.sampled_from(_REAL_VALUES),
        st.sampled_from([(" ", ""), ("", " "), ("\u3000", ""), ("", "\x07"), ("\n", "")]),
    ),
    st.text(max_size=12),
    st.integers(498, 502).map(lambda n: "a" * n),
    st.sampled_from([None, 7, b"Q42", ["Q42"]]),
)
_SCHEMES = st.one_of(
    st.sampled_from(sorted(KNOWN_SCHEMES)),
    st.sampled_from(["fundref", "x.y-z"]),  # other schemes: only the value's form is checked
    st.sampled_from(["ROR", "", " ror", "a" * 41, "Fundref"]),
    st.text(max_size=6),
    st.sampled_from([None, 1, ["ror"]]),
)


class TestIdentifierOf:
    @given(_SCHEMES, _VALUES, st.one_of(st.booleans(), st.sampled_from([0, 1, None, "yes"])))
    @example(scheme="fundref", value="Q42 ", preferred=False)
    @example(scheme="fundref", value="\x07Q42", preferred=False)
    @example(scheme="fundref", value="a" * 501, preferred=False)
    @example(scheme="fundref", value="Q\n42", preferred=False)
    @example(scheme="ror", value="05dxps056", preferred=False)
    @example(scheme="ror", value="05dxps055", preferred=1)
    def test_same_verdict_as_the_constructor(
        self, scheme: object, value: object, preferred: object
    ) -> None:
        """The importers' shortcut builds what the constructor builds, and refuses what it does."""
        assert _built(identifier_of, scheme, value, preferred=preferred) == _built(
            Identifier, scheme, value, preferred=preferred
        )

    @pytest.mark.parametrize(("scheme", "value"), REAL)
    def test_real_identifiers(self, scheme: str, value: str) -> None:
        """Real identifiers come out equal, with the same hash, and as ``Identifier``."""
        made = identifier_of(scheme, value, preferred=True)
        assert type(made) is Identifier
        assert made == Identifier(scheme, value, preferred=True)
        assert hash(made) == hash(Identifier(scheme, value, preferred=True))

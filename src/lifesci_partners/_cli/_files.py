"""Files for the command line: reading JSON or YAML documents, and their text for writing.

YAML is optional (the ``[yaml]`` extra). It is read with PyYAML's safe loader, narrowed to what
JSON can say, so that a YAML document gives exactly the model its JSON twin gives: no aliases, no
duplicate keys, dates and ``yes``/``no`` stay text, numbers with a point are never exact amounts.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lifesci_partners._json._reader import (
    JsonFloat,
    Limits,
    _decimal_within,
    _Refused,
    check_data,
    parse_json,
)
from lifesci_partners.exceptions import MissingExtraError, ValidationError

__all__ = ["FORMATS", "MissingExtraError", "dump", "format_of", "parse"]

FORMATS = ("json", "yaml")
_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}

# YAML 1.2's core schema, which reads scalars the way JSON does (YAML 1.1 would read "no" and
# "NO", Norway's country code, as false, "2020-02-05" as a date and "0o17" as a number).
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_NULL = re.compile(r"~|null|Null|NULL|")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_FIRST = {
    "tag:yaml.org,2002:bool": list("tTfF"),
    "tag:yaml.org,2002:null": ["~", "n", "N", ""],
    "tag:yaml.org,2002:int": list("-+0123456789"),
    "tag:yaml.org,2002:float": list("-+0123456789."),
}


def format_of(path: str, explicit: str | None) -> str:
    """The format of ``path``: ``explicit`` if given, else from its suffix; JSON for ``-``.

    Raises:
        ValueError: No format given and the suffix is not ``.json``, ``.yaml`` or ``.yml``.
    """
    if explicit is not None:
        return explicit
    if path == "-":  # standard input or output
        return "json"
    fmt = _SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        msg = (
            f"cannot tell the format of {path!r} from its name; name it *.json, *.yaml or *.yml, "
            "or say --from/--to json or yaml"
        )
        raise ValueError(msg)
    return fmt


@functools.cache
def _yaml() -> Any:
    try:
        import yaml  # noqa: PLC0415  # optional: imported only when YAML is used
    except ImportError:
        raise MissingExtraError("yaml", "YAML") from None
    return yaml


def _core_schema(cls: Any) -> None:
    cls.yaml_implicit_resolvers = {}
    for tag, pattern in (
        ("tag:yaml.org,2002:bool", _BOOL),
        ("tag:yaml.org,2002:null", _NULL),
        ("tag:yaml.org,2002:int", _INT),
        ("tag:yaml.org,2002:float", _FLOAT),
    ):
        cls.add_implicit_resolver(tag, re.compile(f"^(?:{pattern.pattern})$"), _FIRST[tag])


@functools.cache
def _safe_loader() -> Any:
    """PyYAML's safe loader without aliases and duplicate keys, reading the core schema."""
    yaml = _yaml()

    class Loader(yaml.SafeLoader):  # type: ignore[misc,name-defined]  # PyYAML is optional
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed", event.start_mark
                )
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:  # unhashable: PyYAML itself reports it
                    continue
                if duplicate:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"the key {key!r} appears more than once in a mapping",
                        key_node.start_mark,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    _core_schema(Loader)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_str)
    return Loader


@functools.cache
def _loader(limits: Limits) -> Any:
    """The safe loader, with numbers read exactly and within ``limits``."""

    class Loader(_safe_loader()):  # type: ignore[misc]  # PyYAML is optional
        pass

    def construct_int(loader: Any, node: Any) -> int | _Refused:
        text = loader.construct_scalar(node)
        if not _INT.fullmatch(text):  # an explicit !!int tag on anything else
            return _Refused(
                f"{text[:40]!r} is not a whole number written with the digits 0 to 9, as JSON "
                "writes one"
            )
        digits = len(text.lstrip("+-"))
        if digits > limits.max_digits:
            return _Refused(
                f"a number of {digits} digits is longer than the limit of {limits.max_digits}"
            )
        return int(text)

    def construct_float(loader: Any, node: Any) -> Any:
        text = loader.construct_scalar(node)
        if not _FLOAT.fullmatch(text):  # an explicit !!float tag on anything else
            return _Refused(
                f"{text[:40]!r} is not a number written with the digits 0 to 9, as JSON writes one"
            )
        if len(text) > 2 * limits.max_digits + 8:
            return _Refused(f"a number of {len(text)} characters is over the limit")
        try:
            value = Decimal(text)
        except InvalidOperation:  # .inf or .nan
            return _Refused(f"{text} is not a finite number JSON can hold")
        checked = _decimal_within(value, limits.max_digits, text)
        # Like a JSON number with a fraction: kept as written, never taken for an exact amount.
        return checked if isinstance(checked, _Refused) else JsonFloat(text)

    Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
    return Loader


@functools.cache
def _dumper() -> Any:
    yaml = _yaml()

    class Dumper(yaml.SafeDumper):  # type: ignore[misc,name-defined]  # PyYAML is optional
        pass

    # Quote every plain scalar that YAML 1.1 or the core schema would read as something else.
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items():
        for tag, pattern in resolvers:
            Dumper.add_implicit_resolver(tag, pattern, [first])
    for tag, pattern in (
        ("tag:yaml.org,2002:int", _INT),
        ("tag:yaml.org,2002:float", _FLOAT),
    ):
        Dumper.add_implicit_resolver(tag, re.compile(f"^(?:{pattern.pattern})$"), _FIRST[tag])
    Dumper.add_representer(str, _represent_str)
    return Dumper


def _represent_str(dumper: Any, value: str) -> Any:
    # PyYAML writes NEL (U+0085) raw in plain and single-quoted text, where a reader takes it for
    # a line break; double quotes escape it as \N.
    style = '"' if "\x85" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _parse_yaml(raw: bytes, limits: Limits) -> Any:
    if len(raw) > limits.max_bytes:
        msg = (
            f"$: the document is {len(raw):,} bytes long, more than the limit of "
            f"{limits.max_bytes:,}"
        )
        raise ValidationError([msg])
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"$: not valid UTF-8 text: {exc.reason} at byte {exc.start}"
        raise ValidationError([msg]) from None
    yaml = _yaml()
    try:
        data = yaml.load(text, Loader=_loader(limits))  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        msg = f"$: not valid YAML: {problem}{where}"
        raise ValidationError([msg]) from None
    except RecursionError:
        msg = f"$: nested deeper than the limit of {limits.max_depth} levels"
        raise ValidationError([msg]) from None
    errors = list(check_data(data, limits, shared=False))
    if errors:
        raise ValidationError(errors)
    return data


def parse(raw: bytes, fmt: str, limits: Limits) -> Any:
    """Plain data from the bytes of a JSON or YAML document, checked against ``limits``.

    Raises:
        ValidationError: The text is not a document of that format, or breaks a limit.
        MissingExtraError: YAML without the ``yaml`` extra.
    """
    if fmt == "yaml":
        return _parse_yaml(raw, limits)
    # As from_json reads it: a number with a fraction is never an exact amount.
    return parse_json(raw, limits, JsonFloat)


def dump(data: Any, fmt: str) -> str:
    """JSON or YAML text for plain data, UTF-8 ready, ending with a newline."""
    if fmt == "yaml":
        text: str = _yaml().dump(
            data,
            Dumper=_dumper(),
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
        return text
    import json  # noqa: PLC0415  # only here, to keep the module's imports about files

    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

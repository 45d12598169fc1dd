"""The compiled writer prototype (``prototypes/writer.c``): built, loaded and taught the models.

Issue 18 asks for encoding with ``[fast]`` at 1.4x plain pydantic. This prototype is what a
compiled writer reading the library's models could do at best (no Python call per value), so that
the benchmark can show where that goal stands against the physical cost of reading these
objects. It is not part of the library. It is compiled with the machine's C compiler when there
is one (``cc``, or ``$CC``); without one the benchmark says so and leaves its row out.
"""

from __future__ import annotations

import enum
import importlib.util
import json
import os
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path
from types import MemberDescriptorType, ModuleType
from typing import Any

import attrs

import lifesci_partners
from lifesci_partners import LocalizedText, Term
from lifesci_partners._json._converters import _converter
from lifesci_partners._json._gen import _PLAIN_ATTRS_UNSTRUCTURE, _default_of
from lifesci_partners._json._hooks import _TERM_TEXT
from lifesci_partners._json._tagged import _EVENT_TAGS, _EVENT_TYPE_KEY

SOURCE = Path(__file__).parent / "prototypes" / "writer.c"
_ALWAYS = object()


def build() -> ModuleType | str:
    """The compiled prototype, set up for the library's models; or why it cannot be built."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return "no C compiler (cc, gcc or $CC) on this machine"
    folder = Path(tempfile.mkdtemp(prefix="lsp-prototype-"))
    target = folder / f"writer{sysconfig.get_config_var('EXT_SUFFIX')}"
    include = sysconfig.get_paths()["include"]
    command = [compiler, "-O2", "-shared", "-fPIC", f"-I{include}", str(SOURCE), "-o", str(target)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if done.returncode != 0:
            return f"the C compiler failed: {done.stderr.strip()[:500]}"
        spec = importlib.util.spec_from_file_location("writer", target)
        if spec is None or spec.loader is None:
            return f"cannot load {target}"
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        shutil.rmtree(folder)  # a loaded library stays mapped without its file
    module.setup(_plans(), _ALWAYS, Term, _TERM_TEXT, _enum_texts(), LocalizedText, _texts_slot())
    return module


def _plans() -> list[tuple[type, list[tuple[bytes, Any, Any]]]]:
    """Each model class written field by field: key, slot and the default left out, in order."""
    conv = _converter()
    plans = []
    for name in lifesci_partners.__all__:
        cls = getattr(lifesci_partners, name)
        if not isinstance(cls, type) or not attrs.has(cls) or "__slots__" not in cls.__dict__:
            continue
        try:
            hook = conv.get_unstructure_hook(cls)
        except NameError:  # a class with no JSON form (AgreementVersion's forward references)
            continue
        tagged = cls in _EVENT_TAGS
        if _PLAIN_ATTRS_UNSTRUCTURE.get(hook) is not cls and not tagged:
            continue  # written its own way (terms, directories, ...): not by the prototype
        fields: list[tuple[bytes, Any, Any]] = []
        if tagged:
            fields.append((_key(_EVENT_TYPE_KEY) + _json(_EVENT_TAGS[cls]), None, _ALWAYS))
        for field in attrs.fields(cls):
            if not field.init:
                continue
            slot = cls.__dict__.get(field.name)
            if not isinstance(slot, MemberDescriptorType):
                break
            omitted = _ALWAYS if field.default is attrs.NOTHING else _default_of(field)
            fields.append((_key(field.name), slot, omitted))
        else:
            plans.append((cls, fields))
    return plans


def _key(name: str) -> bytes:
    return _json(name) + b":"


def _json(value: str) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _enum_texts() -> dict[enum.Enum, str]:
    texts = {}
    for name in lifesci_partners.__all__:
        cls = getattr(lifesci_partners, name)
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            texts.update({member: member.value for member in cls if isinstance(member.value, str)})
    return texts


def _texts_slot() -> MemberDescriptorType:
    slot = LocalizedText.__dict__["_texts"]
    if not isinstance(slot, MemberDescriptorType):
        msg = "LocalizedText keeps its texts in a slot no longer"
        raise TypeError(msg)
    return slot

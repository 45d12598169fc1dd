"""Reading and writing the JSON document format.

``_converters`` holds the public load/dump functions and the two converters built from the hooks
in ``_hooks`` and ``_tagged``; ``_gen`` and ``_textgen`` generate the writers, ``_orjson`` the
optional fast one; ``_reader`` parses JSON text under :class:`~lifesci_partners.Limits`;
``_errors`` flattens cattrs' errors into lines with paths; ``_schema`` describes the format as
JSON Schema; ``_versions`` migrates older documents; ``_document`` reads and writes files.
"""

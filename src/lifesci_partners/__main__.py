"""``python -m lifesci_partners``: the same as the ``lifesci-partners`` command."""

from __future__ import annotations

from lifesci_partners._cli._main import main

if __name__ == "__main__":
    raise SystemExit(main())

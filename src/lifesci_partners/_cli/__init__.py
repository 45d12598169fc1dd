"""The command line: ``lifesci-partners`` and ``python -m lifesci_partners``."""

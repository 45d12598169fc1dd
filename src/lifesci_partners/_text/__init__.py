"""The text layer: numbers, dates, money and sentences in a locale, and Markdown pages."""

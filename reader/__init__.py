"""Diabetes Reader: an offline reader for a library of plain-language diabetes articles."""

APP_NAME = "Diabetes Reader"
#: Folder name used for the user's cache, config and data folders.
APP_SLUG = "diabetes-reader"
#: The one place the version is written (pyproject.toml reads it from here). A literal, because
#: asking importlib.metadata costs tens of milliseconds at every start.
__version__ = "0.1.0"

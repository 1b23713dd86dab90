"""Diabetes Reader: an offline reader for a library of plain-language diabetes articles."""

from importlib import metadata as _metadata

APP_NAME = "Diabetes Reader"
#: Folder name used for the user's cache, config and data folders.
APP_SLUG = "diabetes-reader"

try:
    __version__ = _metadata.version("diabetes-reader")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

"""Markdown to the HTML the reader shows (no Qt here)."""

from reader.render.pages import NOTICE_TEXT, Page, Renderer

__all__ = ["NOTICE_TEXT", "Page", "Renderer"]

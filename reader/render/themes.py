"""Colour themes as data: every palette role the UI uses, per theme (no Qt here).

High contrast follows WCAG AAA contrast (7:1 or more) for text and links on its background.
"""

from __future__ import annotations

#: Palette role → colour. Roles are Qt's QPalette.ColorRole names.
LIGHT = {
    "Window": "#f3f3f3", "WindowText": "#1b1b1b", "Base": "#ffffff", "AlternateBase": "#f2f5f8",
    "Text": "#1b1b1b", "Button": "#ececec", "ButtonText": "#1b1b1b", "Highlight": "#2f6fb0",
    "HighlightedText": "#ffffff", "Link": "#0b57a4", "LinkVisited": "#6b3fa0",
    "ToolTipBase": "#ffffdc", "ToolTipText": "#1b1b1b", "PlaceholderText": "#6b6b6b",
    "Mid": "#b5b5b5", "Midlight": "#d8d8d8", "Dark": "#8a8a8a", "Light": "#ffffff",
    "Shadow": "#6b6b6b", "BrightText": "#ffffff",
}
DARK = {
    "Window": "#232629", "WindowText": "#e8e8e8", "Base": "#1a1c1e", "AlternateBase": "#26292c",
    "Text": "#e8e8e8", "Button": "#2e3236", "ButtonText": "#e8e8e8", "Highlight": "#3d7ab8",
    "HighlightedText": "#ffffff", "Link": "#8cc4ff", "LinkVisited": "#c6a4ff",
    "ToolTipBase": "#2e3236", "ToolTipText": "#e8e8e8", "PlaceholderText": "#9a9a9a",
    "Mid": "#4a4f54", "Midlight": "#3a3e42", "Dark": "#141516", "Light": "#3a3e42",
    "Shadow": "#000000", "BrightText": "#ffffff",
}
HIGH_CONTRAST = {
    "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#1a1a1a",
    "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "Highlight": "#ffff00",
    "HighlightedText": "#000000", "Link": "#ffff00", "LinkVisited": "#00ffff",
    "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "PlaceholderText": "#d0d0d0",
    "Mid": "#ffffff", "Midlight": "#ffffff", "Dark": "#ffffff", "Light": "#ffffff",
    "Shadow": "#ffffff", "BrightText": "#ffff00",
}
PALETTES = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}


def resolve(theme: str, system_is_dark: bool) -> str:
    """The concrete theme for a preference ("system" follows the computer)."""
    if theme == "system":
        return "dark" if system_is_dark else "light"
    return theme if theme in PALETTES else "light"


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, into: str, share: float) -> str:
    """``share`` of ``colour`` blended into ``into`` (both ``#rrggbb``)."""
    channels = zip((int(colour[i:i + 2], 16) for i in (1, 3, 5)),
                   (int(into[i:i + 2], 16) for i in (1, 3, 5)), strict=True)
    return "#" + "".join(f"{round(a * share + b * (1 - share)):02x}" for a, b in channels)


#: How much of the theme's highlight tints the sentence being read aloud.
READING_TINT = 0.35


def reading_mark(roles: dict[str, str]) -> tuple[str, str, str]:
    """Background, text and underline colours of the sentence read aloud: the theme's highlight
    softened into the page, so the text keeps its own colour at AAA contrast (7:1) in every
    theme, with a full-strength underline so the mark does not rest on colour alone. A
    highlight that already stands out 7:1 from the page (high contrast) is used whole."""
    if contrast_ratio(roles["Highlight"], roles["Base"]) >= 7 and contrast_ratio(
            roles["HighlightedText"], roles["Highlight"]) >= 7:
        return roles["Highlight"], roles["HighlightedText"], roles["HighlightedText"]
    background = mix(roles["Highlight"], roles["Base"], READING_TINT)
    text = roles["Text"]
    if contrast_ratio(text, background) < 7:
        text = max(("#000000", "#ffffff"), key=lambda c: contrast_ratio(c, background))
    return background, text, roles["Highlight"]

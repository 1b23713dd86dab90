"""The clinic a handout is from: its name, phone and logo, set once (no Qt here).

They come from the reader's settings, or from the library itself (a clinic can ship them in
its root ``_section.md``: ``clinic: Riverside Clinic``, ``clinic-phone: 555-0100``,
``clinic-logo: _images/logo.png``), or from the command line (``--clinic "NAME · PHONE"``).
A logo is a PNG or SVG file of at most ``MAX_LOGO_BYTES``, checked before anything is drawn;
it is never fetched from the web.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.library.front_matter import parse_front_matter
from reader.library.model import Library
from reader.system.i18n import translate
from reader.system.json_file import read_bytes

#: A logo is a small picture: larger files are refused, not loaded.
MAX_LOGO_BYTES = 2_000_000
#: "NAME · PHONE", "NAME | PHONE" or "NAME - PHONE" on the command line, in that order of
#: preference (a name may hold a dash: "St Mary's - Diabetes Centre · 555-0100").
_SEPARATORS = (re.compile(r"\s*·\s*"), re.compile(r"\s+\|\s+"), re.compile(r"\s+[–-]\s+"))


@dataclass(frozen=True)
class Clinic:
    name: str = ""
    phone: str = ""
    logo: Path | None = None

    @property
    def line(self) -> str:
        """"Riverside Clinic · 555-0100", as the header shows it."""
        return " · ".join(part for part in (self.name, self.phone) if part)


def parse_clinic(text: str, logo: Path | None = None) -> Clinic:
    """``"NAME · PHONE"`` (or just a name) from the command line."""
    text = text.strip()
    for separator in _SEPARATORS:
        found = list(separator.finditer(text))
        if found:  # the phone follows the last separator
            last = found[-1]
            return Clinic(text[:last.start()].strip(), text[last.end():].strip(), logo)
    return Clinic(text, "", logo)


def from_library(library: Library) -> Clinic | None:
    """The clinic a library names in its root ``_section.md``, if it does."""
    try:
        data = read_bytes(library.root / "_section.md", 256_000)
    except OSError:
        return None
    if not data:
        return None
    front = parse_front_matter(data.decode("utf-8", errors="replace").splitlines())
    if not front.first("clinic"):
        return None
    logo = front.first("clinic-logo")
    return Clinic(front.first("clinic"), front.first("clinic-phone"),
                  (library.root / logo) if logo else None)


def logo_problem(path: Path) -> str | None:
    """Why ``path`` cannot be the logo, in words, or ``None`` if it can."""
    try:
        data = read_bytes(path, MAX_LOGO_BYTES + 1)
    except OSError as error:
        return translate("Clinic", "the logo {path} cannot be read ({reason})").format(
            path=path, reason=error.strerror or error)
    if data is None:
        return translate("Clinic", "there is no logo file {path}").format(path=path)
    if len(data) > MAX_LOGO_BYTES:
        return translate("Clinic", "the logo {path} is too large (the limit is {limit} MB)"
                         ).format(path=path, limit=MAX_LOGO_BYTES // 1_000_000)
    head = data[:512].lstrip()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096]:
        return None
    return translate("Clinic", "the logo {path} is not a PNG or SVG picture").format(path=path)


class ClinicSettings:
    """The clinic's details in the reader's settings: set once, used by every handout."""

    def __init__(self, settings) -> None:
        self.settings = settings

    def _text(self, key: str) -> str:
        value = self.settings.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    @property
    def clinic(self) -> Clinic:
        logo = self._text("clinic_logo")
        return Clinic(self._text("clinic_name"), self._text("clinic_phone"),
                      Path(logo) if logo else None)

    @clinic.setter
    def clinic(self, clinic: Clinic) -> None:
        self.settings.set("clinic_name", clinic.name.strip())
        self.settings.set("clinic_phone", clinic.phone.strip())
        self.settings.set("clinic_logo", str(clinic.logo) if clinic.logo else "")


def clinic_for(library: Library, settings) -> Clinic:
    """The details a handout carries: the reader's own, else those the library ships."""
    own = ClinicSettings(settings).clinic
    if own.name or own.phone:
        return own
    return from_library(library) or own

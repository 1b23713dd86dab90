"""Glucose values written once (``{{70 mg/dL}}``, ``{{80–130 mg/dL}}``, ``{{5.6 mmol/L}}``) and
shown in the reader's chosen units: mg/dL, mmol/L or both.

Conversions give the values clinics and the ADA print: mmol/L = mg/dL ÷ 18, half up to one
decimal (100 → 5.6); the top of a range never stands for more than the top itself, so ranges
do not overlap (140–199 → 7.8–11.0, while 200 → 11.1; 70–250 → 3.9–13.9); mmol/L → mg/dL
picks the round number clinics use (5.6 → 100, 3.9 → 70, 11.1 → 200; 7.8–11.0 → 140–199).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor

MG, MMOL = "mg/dL", "mmol/L"
#: The display settings.
UNITS = ("both", "mg", "mmol")

_NUMBER = r"\d{1,3}(?:\.\d)?"
PATTERN = (
    r"\{\{\s*(?P<low>" + _NUMBER + r")(?:\s*(?:–|-|to)\s*(?P<high>" + _NUMBER + r"))?"
    r"\s*(?P<unit>mg/dL|mmol/L)\s*\}\}"
)
GLUCOSE_RE = re.compile(PATTERN)


_TENTH = Decimal("0.1")


def _mg_of(mmol: Decimal) -> int:
    """The whole mg/dL a meter would show for ``mmol``."""
    return int((mmol * 18).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def mg_to_mmol(mg: float, top_of_range: bool = False) -> Decimal:
    """mg/dL ÷ 18, half up to one decimal. The top of a range must not stand for more than
    the top itself: 199 is 11.1 by rounding, but 11.1 mmol/L is 200 mg/dL, so a range up to
    199 ends at 11.0 (and never overlaps one that starts at 200), while 250 stays 13.9."""
    value = (Decimal(str(mg)) / Decimal(18)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    if top_of_range and _mg_of(value) > mg:
        value -= _TENTH
    return value


def mmol_to_mg(mmol: float, top_of_range: bool = False) -> int:
    """The whole mg/dL value that converts back to ``mmol``, preferring the round numbers
    clinics write (5.6 → 100, 3.9 → 70); for the top of a range, the highest such value
    when none is round (11.0 → 199, as in 140–199)."""
    target = Decimal(str(mmol)).quantize(_TENTH)
    centre = int(target * 18)
    candidates = [mg for mg in range(centre - 4, centre + 5)
                  if mg > 0 and mg_to_mmol(mg, top_of_range) == target]
    if not candidates:
        return _mg_of(target)

    def preference(mg: int) -> tuple:
        closeness = -mg if top_of_range else abs(mg - target * 18)
        return (mg % 10 != 0, mg % 5 != 0, closeness)

    return min(candidates, key=preference)


@dataclass(frozen=True)
class Glucose:
    """One value or range, in both units."""

    mg: tuple[int, ...]
    mmol: tuple[Decimal, ...]

    @classmethod
    def parse(cls, low: str, high: str | None, unit: str) -> Glucose:
        values = [low] if high is None else [low, high]
        if unit == MG:
            mg = tuple(round(float(v)) for v in values)
            mmol = tuple(mg_to_mmol(v, top_of_range=(i == 1)) for i, v in enumerate(mg))
        else:
            mmol = tuple(Decimal(v).quantize(_TENTH) for v in values)
            mg = tuple(mmol_to_mg(float(v), top_of_range=(i == 1)) for i, v in enumerate(mmol))
        return cls(mg, mmol)

    def text(self, unit: str) -> str:
        numbers = self.mg if unit == MG else self.mmol
        return "–".join(str(n) for n in numbers) + f" {unit}"

    def display(self, units: str = "both") -> str:
        if units == "mg":
            return self.text(MG)
        if units == "mmol":
            return self.text(MMOL)
        return f"{self.text(MG)} ({self.text(MMOL)})"


def unbreakable(text: str) -> str:
    """Keep "70 mg/dL" on one line: a no-break space before the unit, and a word joiner
    after the slash (Qt would otherwise break the line after it)."""
    return text.replace(" mg/", "\u00a0mg/\u2060").replace(" mmol/", "\u00a0mmol/\u2060")


def parse(match: re.Match[str]) -> Glucose:
    return Glucose.parse(match.group("low"), match.group("high"), match.group("unit"))


def expand_for_search(text: str) -> str:
    """Replace every ``{{…}}`` value with both units, so a search finds either number."""
    return GLUCOSE_RE.sub(lambda m: parse(m).display("both"), text)


class _GlucosePattern(InlineProcessor):
    def __init__(self, extension: GlucoseExtension) -> None:
        super().__init__(PATTERN)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 (Markdown's API)
        value = parse(m)
        element = ElementTree.Element("span", {"class": "glucose",
                                               "title": value.display("both")})
        element.text = unbreakable(value.display(self.extension.units))
        return element, m.start(0), m.end(0)


class GlucoseExtension(Extension):
    """``{{70 mg/dL}}`` → "70 mg/dL (3.9 mmol/L)", in the units set on :attr:`units`."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.units = "both"

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.registerExtension(self)
        # Before links (160) and emphasis, so nothing inside the braces is read as markup.
        md.inlinePatterns.register(_GlucosePattern(self), "glucose", 175)

"""Write a synthetic library of N articles in our content format, the same every time (seeded).

The prose is real English recombined: sentences from the help texts that ship with Python
(``pydoc_data.topics``), regrouped into ~600-word articles with headings, metadata and links.

    python -m bench.make_library OUT_DIR --articles 10000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

WORDS_PER_ARTICLE = 600


def sentences() -> list[str]:
    from pydoc_data.topics import topics

    text = " ".join(topics.values())
    text = re.sub(r"\s+", " ", re.sub(r"[*`|=#<>\[\]{}\\_~^]+", " ", text))
    found = re.findall(r"[A-Z][^.!?]{30,220}[.!?]", text)
    return [s for s in found if sum(c.isalpha() for c in s) > 0.7 * len(s)]


def make_library(out: Path, articles: int, seed: int = 1) -> Path:
    """Write ``articles`` articles into ``out`` (replacing it); returns ``out``."""
    rng = random.Random(seed)
    pool = sentences()
    words = sorted({w.lower() for s in pool for w in re.findall(r"\b[A-Za-z]{5,12}\b", s)})
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "_section.md").write_text(f"title: Synthetic Library ({articles} articles)\n",
                                     encoding="utf-8")
    placed: list[str] = []
    section_number = 0
    remaining = articles
    while remaining > 0:
        section_number += 1
        size = min(remaining, rng.randint(20, 200))
        folder = out / f"{section_number:03d}-section-{section_number}"
        folder.mkdir()
        title = " ".join(rng.choice(words) for _ in range(2)).title()
        (folder / "_section.md").write_text(f"title: {title}\nsummary: Articles about "
                                            f"{title.lower()}.\n", encoding="utf-8")
        for number in range(1, size + 1):
            name = f"{number:03d}-article-{section_number}-{number}.md"
            rel = f"{folder.name}/{name}"
            placed.append(rel)
            title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 5))).capitalize()
            body: list[str] = []
            count = 0
            while count < WORDS_PER_ARTICLE:
                if count % 150 == 0:
                    body.append(f"## {' '.join(rng.choice(words) for _ in range(3)).capitalize()}")
                paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 6)))
                count += len(paragraph.split())
                body.append(paragraph)
            if len(placed) > 1:
                other = rng.choice(placed[:-1])
                target = other.split("/", 1)[1] if other.startswith(folder.name) else f"../{other}"
                body.append(f"See also [a related article]({target}).")
            keywords = ", ".join(rng.choice(words) for _ in range(5))
            text = (f"---\ntitle: {title}\nsummary: {rng.choice(pool)}\nupdated: 2026-11-26\n"
                    f"keywords: {keywords}\nsources: Python documentation (pydoc topics).\n"
                    f"---\n\n# {title}\n\n" + "\n\n".join(body) + "\n")
            (folder / name).write_text(text, encoding="utf-8")
        remaining -= size
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_library(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()

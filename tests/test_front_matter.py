from reader.library.front_matter import parse_front_matter


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_fenced_block_with_continuation_lines():
    front = parse_front_matter(lines(
        "---\nTitle: Eyes\nsources: First source\n    Second source\n---\n\n# Eyes\n"
    ))
    assert front.first("title") == "Eyes"
    assert front.meta["sources"] == ["First source", "Second source"]
    assert front.body_start == 5
    assert not front.problems


def test_unfenced_block_ends_at_blank_line():
    front = parse_front_matter(lines("title: Feet\nkeywords: socks, shoes\n\nBody"))
    assert front.first("title") == "Feet"
    assert front.items("keywords") == ["socks", "shoes"]
    assert front.body_start == 3


def test_file_without_metadata_is_all_body():
    front = parse_front_matter(lines("# Heading\n\nText"))
    assert front.meta == {}
    assert front.body_start == 0


def test_unclosed_fence_is_reported_with_its_line():
    front = parse_front_matter(lines("---\ntitle: X\nThis is prose, not metadata.\n"))
    assert front.first("title") == "X"
    assert front.problems and front.problems[0][0] == 3


def test_fence_never_closed_at_end_of_file():
    front = parse_front_matter(lines("---\ntitle: X"))
    assert front.problems == ((1, "the '---' metadata block is never closed"),)

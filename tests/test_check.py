import subprocess
import sys

from reader.cli import main
from reader.library import load_library
from reader.library.check import check_library
from reader.system import paths
from tests.conftest import article


def broken_library(make_library):
    return make_library({
        "01-good.md": article("Good", "See [bad](nothere.md) and [ok](02-other.md#a-heading)."),
        "02-other.md": article("Other", "## A heading\n\n[No anchor](01-good.md#nowhere)\n\n"
                                        "![Chart](chart.png)"),
        "03-latin1.md": "title: Caf\xe9\n\n# Caf\xe9\n\nline three \xff\n".encode("latin-1"),
        "04-empty.md": "",
        "05-no-title.md": "Just words.\n",
        "06-open.md": "---\ntitle: Open\nnot metadata\n\n# Open\n",
        "07-out.md": article("Out", "[secret](../../../etc/passwd)"),
        "08-same.md": article("Dup A"),
        "same.md": article("Dup B"),
    })


def test_check_finds_every_problem_with_file_and_line(make_library):
    library = load_library(broken_library(make_library))
    found = {(p.relpath, p.line, p.message.split(":")[0].split(" (")[0])
             for p in check_library(library)}
    assert ("01-good.md", 7, "broken link") in found
    assert ("02-other.md", 9, "broken link") in found  # the anchor
    assert ("02-other.md", 11, "image 'chart.png' is missing") in found
    assert ("03-latin1.md", 1, "not valid UTF-8") in found
    assert ("04-empty.md", 1, "file is empty") in found
    assert ("05-no-title.md", 1, "no title") in found
    assert ("06-open.md", 3, "metadata line is not 'key") in found
    assert ("07-out.md", 7, "broken link") in found
    assert any(p.relpath == "same.md" and "duplicate id" in p.message
               for p in check_library(library))
    # The good link with a valid anchor is not reported.
    assert not [p for p in check_library(library) if "a-heading" in p.message]


def test_check_command_prints_path_line_and_fails(make_library, capsys):
    root = broken_library(make_library)
    assert main(["check", "--library", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{root / '01-good.md'}:7: broken link: no article or file 'nothere.md' in the library" \
        in out


def test_bundled_library_passes_check(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ""


def test_check_runs_as_a_command_without_qt(make_library):
    # `reader check` must work on a machine with no display and never import Qt.
    root = make_library({"a.md": article("A")})
    code = ("import sys; from reader.cli import main; rc = main(['check', '--library', "
            f"{str(root)!r}]); assert 'PySide6' not in sys.modules; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_bundled_library_is_where_paths_says():
    assert (paths.bundled_library() / "_section.md").is_file()


def test_gui_start_does_not_import_whoosh():
    # Whoosh is loaded by the search thread; the first page must not wait for it.
    code = ("import sys; import reader.ui.main_window; "
            "sys.exit('whoosh' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_explicit_and_setext_anchors_are_known(make_library):
    # Real-world Markdown (mkdocs sites) names anchors with attr_list and setext headings.
    root = make_library({
        "a.md": "Title\n=====\n\nUsage\n-----\n\n__text__{: #text }\n\n"
                "### `configs` {: #extension_configs }\n\n<a name=\"old\"></a>\n",
        "b.md": "# B\n\n[1](a.md#usage) [2](a.md#text) [3](a.md#extension_configs) "
                "[4](a.md#old) [5](a.md#nothing)\n",
    })
    problems = check_library(load_library(root))
    assert [p.message for p in problems] == ["broken link: no heading '#nothing' in a.md"]

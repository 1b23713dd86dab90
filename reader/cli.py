"""The ``reader`` command: the app, and ``check`` / ``search`` / ``index`` / ``read-aloud``
for the terminal.

The terminal commands never import Qt, so they start fast and run on machines with no display.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.diagram.states import STATES
from reader.library import Library, LibraryError, load_library
from reader.system import paths
from reader.user.preferences import UNITS


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="a folder of Markdown files to use instead of the bundled library",
    )
    parser.add_argument(
        "--language", choices=paths.bundled_languages(), default=argparse.SUPPRESS,
        help="the bundled library's language (default: as chosen in the app, else the "
             "computer's)",
    )


class _Parser(argparse.ArgumentParser):
    """Mistakes on the command line get one line, not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description=f"{APP_NAME}: an offline library of plain-language diabetes articles. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _library_option(parser)
    parser.add_argument("--self-test", action="store_true",
                        help="open the window, step through it, print each step; "
                        "exit 0 if all work")
    parser.add_argument("--exit-after-paint", action="store_true",
                        help="quit as soon as the first article is painted (for timing start-up)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check a library; print each problem as path:line")
    _library_option(check)

    search = commands.add_parser("search", help="search the library from the terminal")
    search.add_argument("query", nargs="+", help="what to look for")
    _library_option(search)
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N hits")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")

    drawing = commands.add_parser(
        "diagram", help="open the glucose and insulin diagram, or save a still of it as PNG")
    drawing.add_argument("--state", choices=list(STATES), default="normal",
                         help="which state to show (default: normal)")
    drawing.add_argument("--png", type=Path, metavar="FILE",
                         help="save a still to FILE without opening a window")
    drawing.add_argument("--size", type=_size, default=(800, 600), metavar="WxH",
                         help="size of the still in pixels (default: 800x600)")

    export = commands.add_parser("export", help="save an article as a PDF handout")
    export.add_argument("article", metavar="ARTICLE-ID",
                        help="the article's id (see 'reader search --json') or its file path")
    export.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="where to save")
    export.add_argument("--units", choices=UNITS, default="both",
                        help="glucose units: both (default), mg or mmol")
    _library_option(export)

    handout = commands.add_parser(
        "handout", help="save several articles as one clinic handout (PDF)")
    handout.add_argument("articles", nargs="+", metavar="ARTICLE-ID",
                         help="the articles, in order (ids, see 'reader list', or file paths)")
    handout.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="where to save")
    handout.add_argument("--clinic", metavar='"NAME · PHONE"',
                         help="the clinic's name and phone for every page's header (default: "
                              "the library's or the app's clinic details)")
    handout.add_argument("--logo", type=Path, metavar="FILE",
                         help="the clinic's logo, a PNG or SVG file (at most 2 MB)")
    handout.add_argument("--note", default="", metavar="TEXT",
                         help='a note for this patient on the cover ("Next visit: …"); a note '
                              "brings the cover")
    handout.add_argument("--cover", action="store_true",
                         help="begin with a cover: the clinic, the note, what is inside")
    handout.add_argument("--units", choices=UNITS, default="both",
                         help="glucose units: both (default), mg or mmol")
    _library_option(handout)

    aloud = commands.add_parser(
        "read-aloud", help="read an article aloud, or print what would be said (--text)")
    aloud.add_argument("article", metavar="ARTICLE-ID",
                       help="the article's id (see 'reader search --json') or its file path")
    aloud.add_argument("--text", action="store_true",
                       help="print what would be said, one sentence a line, and exit")
    aloud.add_argument("--units", choices=UNITS, default=None,
                       help="glucose units: both, mg or mmol (default: as set in the app)")
    _library_option(aloud)

    listing = commands.add_parser("list", help="list every article of the library")
    _library_option(listing)
    listing.add_argument("--json", action="store_true",
                         help="print a JSON list of {id, title, section, path, language, "
                              "translation}")

    index = commands.add_parser("index", help="build the search index (if it is out of date)")
    _library_option(index)
    index.add_argument("--rebuild", action="store_true", help="build it even if it is current")
    return parser


def _size(text: str) -> tuple[int, int]:
    """``800x600`` → ``(800, 600)``, for ``--size``."""
    width, sep, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if not sep or not (200 <= size[0] <= 10000 and 150 <= size[1] <= 10000):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 800x600 "
                                         "(200x150 to 10000x10000)")
    return size


def _language(args: argparse.Namespace) -> str:
    """``--language``, else the language chosen in the app, else the computer's."""
    from reader.user.language import choose
    from reader.user.settings import Settings

    return choose(getattr(args, "language", None), Settings.in_folder(paths.config_dir()))


def _load(args: argparse.Namespace, catalog: bool = True) -> Library:
    """The library to work on; ``catalog`` reuses what earlier runs read from its files. What
    the commands make of it (a handout, what is read aloud) is in the library's language."""
    from reader.system import i18n

    library = load_library(getattr(args, "library", None)
                           or paths.bundled_library(_language(args)),
                           paths.cache_dir() if catalog else None)
    i18n.set_language(library.language)
    return library


class _ProgressBar:
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (done < total and now - self._last < 0.1):
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        percent = int(100 * done / total) if total else 100
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r{self.label} [{bar}] {percent:3d}% {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


@contextlib.contextmanager
def _stopped_cleanly_by_sigterm() -> Iterator[None]:
    """``kill`` (SIGTERM) ends a command as Ctrl-C does, through its ``finally`` blocks: an
    index build then stops its helper processes and removes its unfinished folder."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (called from a test's thread): leave it alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _search_service(library: Library, rebuild: bool = False):
    """The app's own search service (it reopens or rebuilds an index that breaks), opened."""
    from reader.search.service import SearchService

    service = SearchService(library, paths.cache_dir(), _ProgressBar("Indexing"))
    with _stopped_cleanly_by_sigterm():
        note = service.open(rebuild=rebuild)
    if note:
        print(note, file=sys.stderr)
    return service


def cmd_check(args: argparse.Namespace) -> int:
    """Check one library (``--library`` or ``--language``), or every bundled one, with its
    counterparts in the other languages."""
    from reader.library.check import check_library
    from reader.library.translations import check_translations, is_bundled, shelf_of

    if getattr(args, "library", None) or getattr(args, "language", None):
        libraries = [_load(args, catalog=False)]  # a check reads every file afresh
    else:
        libraries = [load_library(paths.bundled_library(code))
                     for code in paths.bundled_languages()]
    opened: dict[Path, Library] = {library.root: library for library in libraries}
    failed = 0
    for library in libraries:
        others = {}
        for code, folder in shelf_of(library).items():
            root = folder.resolve()
            if root not in opened:
                opened[root] = load_library(root)
            others[code] = opened[root]
        problems = check_library(library) + check_translations(
            library, others, complete=is_bundled(library))
        for problem in problems:
            print(problem.format(library.root))
        count = len(library.reading_order)
        where = f" ({library.language})" if len(libraries) > 1 else ""
        if problems:
            failed += 1
            print(f"{len(problems)} problem(s) in {count} article(s){where}.", file=sys.stderr)
        else:
            print(f"OK: {count} article(s) in {len(library.sections) - 1} section(s), "
                  f"no problems{where}.", file=sys.stderr)
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    library = _load(args)
    others = shelf_of_languages(library)
    rows = []
    for article_id in library.reading_order:
        article = library.articles[article_id]
        translation = next((article.translation(code) for code in others
                            if article.translation(code)), None)
        rows.append({"id": article.id, "title": article.title,
                     "section": library.section_title(article),
                     "path": str(library.path_of(article)), "language": library.language,
                     "translation": translation})
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    width = max((len(row["id"]) for row in rows), default=0)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['title']}")
    return 0


def shelf_of_languages(library: Library) -> list[str]:
    """The other languages ``library`` is translated into (bundled first, then any its
    articles name)."""
    from reader.library.translations import shelf_of

    codes = list(shelf_of(library))
    for article_id in library.reading_order:
        for item in library.articles[article_id].translations:
            code = item.partition(":")[0].strip().lower()
            if code and code not in codes and code != library.language:
                codes.append(code)
    return codes


def cmd_search(args: argparse.Namespace) -> int:
    from reader.search.results import snippet_html, snippet_text

    library = _load(args)
    service = _search_service(library)
    text = " ".join(args.query)
    with _stopped_cleanly_by_sigterm():  # (a search may rebuild a damaged index)
        results = service.search(text, limit=max(1, args.limit))
    service.close()
    notes = sys.stderr if args.json else sys.stdout  # keep --json output pure JSON
    if results.corrected:
        print(f'Showing results for "{results.effective_query}" (no matches for "{text}").',
              file=notes)
    if results.suggestion:
        print(f'Did you mean: "{results.suggestion}"?', file=notes)
    if args.json:
        json.dump([
            {
                "id": hit.id, "title": hit.title, "section": hit.section,
                "score": round(hit.score, 4), "snippet": snippet_text(hit.snippet),
                "snippet_html": snippet_html(hit.snippet),
                "path": str(library.path_of(library.articles[hit.id]))
                if hit.id in library.articles else None,
            }
            for hit in results.hits
        ], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not results.hits:
        print(f'No articles found for "{text}".')
        return 0
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("", "")
    for number, hit in enumerate(results.hits, start=1):
        section = f"  ({hit.section})" if hit.section else ""
        print(f"{number}. {bold}{hit.title}{plain}{section}")
        print(f"   {snippet_text(hit.snippet, bold, plain)}")
    return 0


def _offscreen_app():
    """A Qt application for drawing files (PNG, PDF) on a machine with no screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def cmd_diagram(args: argparse.Namespace) -> int:
    if args.png is None:
        from reader.ui.app import run_diagram

        return run_diagram(args.state)
    _app = _offscreen_app()
    from reader.ui.diagram.painter import render_still

    width, height = args.size
    image = render_still(STATES[args.state], width, height)
    if not image.save(str(args.png), "PNG"):
        print(f"reader: cannot write {args.png}", file=sys.stderr)
        return 1
    print(f"Saved the '{args.state}' diagram ({width}x{height}) to {args.png}.", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    library = _load(args)
    article = library.article(args.article.strip("/"))
    if article is None:
        path = Path(args.article).expanduser()
        if path.exists():
            try:
                article = library.article_at(path.resolve().relative_to(library.root).as_posix())
            except ValueError:
                article = None
    if article is None:
        print(f"reader: no article '{args.article}' in {library.root}", file=sys.stderr)
        return 2
    _app = _offscreen_app()
    from reader.render import Renderer
    from reader.ui.printing import build_handout, export_pdf
    from reader.ui.translators import install_language

    install_language(library.language)  # the handout's words and dates in its language

    try:
        export_pdf(build_handout(Renderer(library, units=args.units), article), args.pdf)
    except OSError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    print(f"Saved '{article.title}' to {args.pdf}.", file=sys.stderr)
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    """``reader handout``: the same PDF the app makes, without a window; on any problem a
    message naming it, exit 1 and no file."""
    import dataclasses

    from reader.handout.book import Handout, find_articles
    from reader.handout.clinic import Clinic, clinic_for, logo_problem, parse_clinic
    from reader.library.translations import shelf_of
    from reader.user.settings import Settings

    library = _load(args)
    others = [load_library(folder, paths.cache_dir()) for folder in shelf_of(library).values()]
    articles, missing = find_articles(library, args.articles, others)
    if missing:
        names = ", ".join(f"'{wanted}'" for wanted in missing)
        print(f"reader: no article {names} in {library.root} (see 'reader list' for ids)",
              file=sys.stderr)
        return 1
    if args.logo is not None:
        problem = logo_problem(args.logo)
        if problem is not None:
            print(f"reader: {problem}", file=sys.stderr)
            return 1
    clinic = (parse_clinic(args.clinic) if args.clinic
              else clinic_for(library, Settings.in_folder(paths.config_dir())))
    if args.logo is not None:
        clinic = dataclasses.replace(clinic, logo=args.logo)
    elif clinic.logo is not None and logo_problem(clinic.logo):
        clinic = Clinic(clinic.name, clinic.phone)  # a kept logo gone bad: none at all
    _app = _offscreen_app()
    from reader.render import Renderer
    from reader.ui.handout_print import HandoutBook, save_handout_pdf
    from reader.ui.translators import install_language

    install_language(library.language)
    book = HandoutBook(Renderer(library, units=args.units),
                       Handout(library, tuple(articles), clinic, args.note, args.cover))
    try:
        save_handout_pdf(book, args.pdf)
    except OSError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    print(f"Saved a handout of {len(articles)} article(s) to {args.pdf}.", file=sys.stderr)
    return 0


def cmd_read_aloud(args: argparse.Namespace) -> int:
    library = _load(args)
    article = library.article(args.article.strip("/"))
    if article is None:
        path = Path(args.article).expanduser()
        if path.is_file():
            try:
                article = library.article_at(path.resolve().relative_to(library.root).as_posix())
            except ValueError:
                article = None
    if article is None:
        import difflib

        wanted = args.article.strip("/").lower()
        near = [i for i in library.reading_order if wanted and wanted in i.lower()]
        near += difflib.get_close_matches(wanted, library.reading_order, n=3, cutoff=0.6)
        near = list(dict.fromkeys(near))[:3]
        hint = (f"; did you mean {' or '.join(repr(i) for i in near)}?" if near
                else " (see 'reader search --json' for ids)")
        print(f"reader: no article '{args.article}' in {library.root}{hint}", file=sys.stderr)
        return 1
    units = args.units
    if units is None:  # as the reader set it in the app
        from reader.user.preferences import Preferences
        from reader.user.settings import Settings

        units = Preferences(Settings.in_folder(paths.config_dir())).units
    from reader.speech.script import article_script

    sentences = article_script(library, article, units)
    if args.text:
        for sentence in sentences:
            print(sentence.spoken)
        return 0
    from reader.ui.speaker import speak_and_wait

    return speak_and_wait([sentence.spoken for sentence in sentences])


def cmd_index(args: argparse.Namespace) -> int:
    library = _load(args)
    started = time.perf_counter()
    service = _search_service(library, rebuild=args.rebuild)
    count = service.engine.doc_count
    service.close()
    print(f"Index ready: {count} article(s) in {time.perf_counter() - started:.2f} s.",
          file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A frozen app started as an index build's helper process runs the helper here and
        # exits (packaging/launcher.py does it too, before anything is imported). Only when
        # frozen: importing multiprocessing costs ~15 ms of every start.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--speech-host"]:  # the read-aloud engine's own process (speech_host.py)
        from reader.ui.speech_host import serve

        return serve(argv[1] if len(argv) > 1 else None)
    args = build_parser().parse_args(argv)
    handlers = {"check": cmd_check, "search": cmd_search, "index": cmd_index,
                "diagram": cmd_diagram, "export": cmd_export, "read-aloud": cmd_read_aloud,
                "list": cmd_list, "handout": cmd_handout}
    try:
        if args.command in handlers:
            code = handlers[args.command](args)
            sys.stdout.flush()  # here, where a closed pipe is handled, not at exit
            return code
        from reader.ui.app import run_app

        return run_app(
            library_dir=getattr(args, "library", None),
            language=getattr(args, "language", None),
            self_test=args.self_test,
            exit_after_paint=args.exit_after_paint,
        )
    except LibraryError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output stopped early (`reader search … | head`): stop quietly, as
        # other Unix tools do, with the status of a process ended by SIGPIPE. Output still
        # buffered goes nowhere, so Python's own flush at exit cannot complain either.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + getattr(signal, "SIGPIPE", 13)
    except Exception as error:
        from reader.system.logs import setup_logging

        log_path = setup_logging()
        logging.getLogger("reader").exception("Unexpected error in 'reader %s'",
                                              " ".join(sys.argv[1:]))
        where = f" (details in {log_path})" if log_path else ""
        print(f"reader: unexpected error: {error}{where}", file=sys.stderr)
        return 1

"""Entry point of the frozen app (PyInstaller)."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # frozen builds need this before anything else
    sys.exit(main())

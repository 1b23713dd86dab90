"""What the reader keeps about its user between runs: settings, preferences, bookmarks and
what it remembers per library (no Qt here)."""

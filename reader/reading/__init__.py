"""A reading session: where the reader is and has been, what comes before and after, and
finding text in the page (no Qt here)."""

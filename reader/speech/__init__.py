"""Read aloud, in the core: what is said for a page (``script``), in words an engine says
well (``words``), and where each sentence is on screen (``locate``). No Qt here."""

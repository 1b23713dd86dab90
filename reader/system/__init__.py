"""Where the app meets the computer: its folders, durable JSON files and the log (no Qt here)."""

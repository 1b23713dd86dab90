"""Clinic handouts: several articles, the clinic's name, one document (no Qt here)."""

"""The registry of document kinds (filled in by the redesign)."""

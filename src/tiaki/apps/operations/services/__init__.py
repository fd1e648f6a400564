"""Writers of operations and their settings."""

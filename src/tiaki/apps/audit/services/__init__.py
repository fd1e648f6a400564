"""Writers of the audit log."""

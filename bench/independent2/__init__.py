"""Second independent generator of synthetic disclosure bundles for account resolution (see README.md)."""

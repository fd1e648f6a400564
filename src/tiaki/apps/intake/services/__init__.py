"""Writers of disclosures."""

"""Writers of referral packages."""

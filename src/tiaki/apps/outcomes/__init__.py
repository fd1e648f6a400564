"""What came of a referral: partners' outcomes per person, the partner portal, and the operation's
results (persons identified, packages sent and acknowledged, investigations, arrests, convictions,
children safeguarded)."""

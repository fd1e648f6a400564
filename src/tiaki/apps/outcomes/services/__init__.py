"""Writing outcomes and recording what partners did with their packages (every step audited)."""

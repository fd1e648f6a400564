"""Writers of persons, their links, places, records-check facts and triage."""

"""Performance at scale: seed_scale (realistic data in bulk), bench (timed pages), a load test."""

"""Rooted's performance benchmark: `make bench` and `make bench-load` (see README, Performance)."""

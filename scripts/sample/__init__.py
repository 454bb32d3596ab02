"""Seeded synthetic e-commerce sample data for opsbench (standard library only)."""

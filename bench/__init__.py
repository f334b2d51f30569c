"""Pressroom's benchmark: `python -m bench` (see README)."""

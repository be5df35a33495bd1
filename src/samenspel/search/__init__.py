"""Zoeken in de sociale kaart."""

"""Tests voor zoeken."""

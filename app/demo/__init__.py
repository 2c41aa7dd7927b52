"""Realistic demo and benchmark data."""

"""Supervision visits (monev): checklist templates, visits, findings, scoring and photos."""

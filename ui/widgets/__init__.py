"""Reusable widgets: NIK field, date field, field error label, banner."""

"""Supervision visit pages, their models and the checklist template editor."""

"""Registration and foreign nationals' pages."""

"""The office's service figures: from its own records and from aggregate files."""

"""The office's figures: the Reports dashboard and the publicity log."""

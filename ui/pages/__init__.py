"""The main window's pages, one per area, and the queue display window."""

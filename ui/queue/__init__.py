"""Queue page, counter panel, ticket table, slip printing and the display window."""

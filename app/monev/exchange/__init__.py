"""Visit packages that travel between a supervisor's laptop and the office."""

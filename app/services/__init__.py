"""Use cases, one module per area; plain arguments in, plain dataclasses out."""

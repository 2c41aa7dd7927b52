"""Pure rules of the front desk: no I/O, no database, no Qt."""

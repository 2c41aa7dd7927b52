"""The office's administration: accounts, roles and what each may do (audit, retention and
backups follow in the same area)."""

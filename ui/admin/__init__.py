"""The administration area's pages: sign-in and lock, the first start, the audit trail."""

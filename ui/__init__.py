"""KanimDesk window: a Qt face on app/."""

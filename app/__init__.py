"""KanimDesk core: the whole front-desk program without a screen (no Qt here)."""

__version__ = "0.1.0"

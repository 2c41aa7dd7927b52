"""Walk-in and booked registration, the foreigners' desk, and the rules they follow (NIK, passport kinds, fees, documents)."""

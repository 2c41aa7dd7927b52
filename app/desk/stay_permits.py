"""Foreign nationals' stay-permit services handled at the desk (no I/O: the window reads it at start)."""

PERMIT_KINDS: dict[str, tuple[str, str]] = {
    "itk_itas": ("Alih status ITK → ITAS", "ITK → ITAS conversion"),
    "itas_itap": ("Alih status ITAS → ITAP", "ITAS → ITAP conversion"),
    "itas_perpanjangan": ("Perpanjangan ITAS", "ITAS extension"),
    "perubahan_alamat": ("Perubahan alamat", "Address change"),
}

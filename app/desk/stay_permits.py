"""Foreign nationals' stay-permit services handled at the desk (no I/O: the window reads it at start)."""

from app.i18n import N_

PERMIT_KINDS: dict[str, str] = {
    "itk_itas": N_("ITK → ITAS conversion"),
    "itas_itap": N_("ITAS → ITAP conversion"),
    "itas_perpanjangan": N_("ITAS extension"),
    "perubahan_alamat": N_("Address change"),
}

"""Photo evidence for the demo visits: simple drawn scenes, made on the spot so no picture ships with the program."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1200, 900
NAVY, WHITE, YELLOW, WOOD = (31, 56, 100), (250, 250, 248), (250, 210, 60), (150, 105, 60)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def _text(d: ImageDraw.ImageDraw, x: int, y: int, s: str, size: int, fill: tuple = WHITE) -> None:
    d.text((x, y), s, font=_font(size), fill=fill, anchor="mm")


def _room(wall: tuple, floor: tuple) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (W, H), wall)
    d = ImageDraw.Draw(img)
    d.polygon([(0, 640), (W, 640), (W, H), (0, H)], fill=floor)
    d.rectangle((0, 628, W, 640), fill=tuple(max(0, c - 60) for c in wall))
    return img, d


def _people(d: ImageDraw.ImageDraw, xs: tuple[int, ...], y: int, scale: float = 1.0) -> None:
    colours = ((70, 90, 140), (160, 60, 70), (60, 120, 90), (120, 100, 70), (90, 90, 90))
    for n, x in enumerate(xs):
        r = int(34 * scale)
        d.rounded_rectangle(
            (x - 2 * r, y, x + 2 * r, y + 6 * r), radius=r, fill=colours[n % len(colours)]
        )
        d.ellipse((x - r, y - 2 * r - 6, x + r, y - 6), fill=(205, 160, 120))


def _wheelchair(d: ImageDraw.ImageDraw, x: int, y: int, k: float, colour: tuple) -> None:
    w = max(3, int(14 * k))
    d.ellipse((x - 100 * k, y - 100 * k, x + 100 * k, y + 100 * k), outline=colour, width=w)
    d.line(
        (x - 40 * k, y - 40 * k, x + 110 * k, y - 40 * k, x + 150 * k, y + 110 * k),
        fill=colour,
        width=w,
    )
    d.line((x - 40 * k, y - 40 * k, x - 60 * k, y - 210 * k), fill=colour, width=w)
    d.ellipse((x + 135 * k, y + 95 * k, x + 175 * k, y + 135 * k), fill=colour)


def _scene(name: str) -> Image.Image:
    arrow = "→" if isinstance(_font(10), ImageFont.FreeTypeFont) else "->"
    if name == "priority_counter":
        img, d = _room((226, 222, 210), (150, 150, 145))
        d.rectangle((220, 90, 980, 300), fill=(20, 120, 80))
        _text(d, 600, 165, "LOKET PRIORITAS", 62)
        _text(d, 600, 245, "Lansia · Disabilitas · Ibu Hamil · Anak", 30)
        _wheelchair(d, 1060, 220, 0.45, (20, 120, 80))
        _people(d, (600,), 380)
        d.rectangle((200, 520, 1000, 720), fill=WOOD)
        d.rectangle((520, 560, 680, 610), fill=WHITE)
        _text(d, 600, 585, "LOKET 1", 28, NAVY)
    elif name == "queue_display":
        img, d = _room((70, 75, 85), (110, 105, 100))
        d.rectangle((230, 80, 970, 470), fill=(15, 15, 20), outline=(160, 160, 160), width=10)
        _text(d, 600, 150, "NOMOR ANTREAN", 40)
        _text(d, 600, 270, f"A-023 {arrow} Loket 2", 78, YELLOW)
        _text(d, 600, 390, f"B-007 {arrow} Loket 4", 46, (180, 200, 255))
        for x in range(120, 1100, 190):
            d.rectangle((x, 700, x + 150, 760), fill=(40, 80, 140))
        _people(d, (195, 575, 955), 640, 0.9)
    elif name == "epaspor_banner":
        img, d = _room((232, 230, 224), (160, 150, 140))
        d.rectangle((380, 70, 820, 790), fill=NAVY)
        d.rectangle((470, 380, 730, 720), fill=(130, 20, 40))
        d.rectangle((560, 470, 640, 530), outline=YELLOW, width=6)
        _text(d, 600, 170, "e-Paspor", 72)
        _text(d, 600, 260, "Paspor Elektronik", 34, YELLOW)
        _text(d, 600, 320, "Lebih aman, lebih mudah", 24)
        d.rectangle((360, 790, 840, 820), fill=(120, 120, 120))
    elif name == "maklumat":
        img, d = _room((214, 226, 232), (150, 140, 130))
        d.rectangle((300, 70, 900, 600), fill=WOOD)
        d.rectangle((330, 100, 870, 570), fill=WHITE)
        _text(d, 600, 160, "MAKLUMAT PELAYANAN", 42, NAVY)
        for n, y in enumerate(range(220, 460, 34)):
            d.rectangle((380, y, 820 - (n % 3) * 60, y + 12), fill=(150, 150, 150))
        _text(d, 720, 520, "KEPALA KANTOR", 22, NAVY)
    elif name == "tariff_board":
        img, d = _room((228, 226, 218), (150, 150, 150))
        d.rectangle((180, 70, 1020, 600), fill=WHITE, outline=NAVY, width=8)
        d.rectangle((180, 70, 1020, 170), fill=NAVY)
        _text(d, 600, 120, "TARIF PNBP PASPOR — PP 45/2024", 40)
        rows = (("Paspor biasa 5 tahun", "Rp350.000"), ("Paspor biasa 10 tahun", "Rp650.000"),
                ("e-Paspor 5 tahun", "Rp650.000"), ("e-Paspor 10 tahun", "Rp950.000"),
                ("Layanan percepatan", "Rp1.000.000"))  # fmt: skip
        for n, (what, fee) in enumerate(rows):
            y = 220 + n * 72
            d.text((230, y), what, font=_font(32), fill=NAVY, anchor="lm")
            d.text((970, y), fee, font=_font(32), fill=(130, 20, 40), anchor="rm")
    elif name == "wheelchair":
        img, d = _room((236, 232, 220), (170, 160, 150))
        d.rectangle((420, 90, 780, 180), fill=NAVY)
        _text(d, 600, 135, "KURSI RODA", 44)
        _wheelchair(d, 520, 560, 1.2, (40, 40, 45))
        _wheelchair(d, 880, 600, 0.9, (40, 40, 45))
    elif name == "socialisation":
        img, d = _room((240, 236, 228), (140, 120, 100))
        d.rectangle((90, 60, 1110, 260), fill=(180, 30, 40))
        _text(d, 600, 130, "SOSIALISASI e-PASPOR", 64)
        _text(d, 600, 210, "Kantor Imigrasi — Layanan Paspor Elektronik", 30, YELLOW)
        d.rectangle((520, 400, 680, 640), fill=WOOD)
        _people(d, (600,), 300)
        _people(d, tuple(range(110, 1150, 135)), 760, 0.7)
    else:
        raise KeyError(name)
    return img


def draw_scene(name: str, path: Path) -> Path:
    """One demo photo (PNG) of the named scene."""
    _scene(name).save(path, "PNG")
    return path


SCENES = ("priority_counter", "queue_display", "epaspor_banner", "maklumat", "tariff_board", "wheelchair",
          "socialisation")  # fmt: skip

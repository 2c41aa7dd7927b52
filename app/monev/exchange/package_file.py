"""The visit package as a file: a zip with a manifest of SHA-256 and size per part, written atomically, read with every check.

Reading trusts nothing in the file: the zip's own headers (sizes, names, file
modes) are checked before a byte is decompressed, each part is read with a
cap, and its SHA-256 and size must match the manifest. Nothing here touches
the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final

from app.i18n import N_, register_messages
from app.monev.photos import decode_photo
from app.problems import InputRejected, Problem

PACKAGE_FORMAT: Final = "kanimdesk-visit"
PACKAGE_VERSION: Final = 1
PACKAGE_SUFFIX: Final = ".kanimvisit"
MANIFEST: Final = "manifest.json"
VISIT_JSON: Final = "visit.json"

MAX_FILE_BYTES: Final = 250 * 1024 * 1024  # the zip itself, before it is opened
MAX_TOTAL_BYTES: Final = 200 * 1024 * 1024  # all parts, uncompressed
MAX_ATTACHMENTS: Final = 500
MAX_ATTACHMENT_BYTES: Final = 15 * 1024 * 1024
MAX_VISIT_JSON_BYTES: Final = 10 * 1024 * 1024
MAX_MANIFEST_BYTES: Final = 1024 * 1024
# A part may compress this well only when small: JSON deflates ~10×, JPEG barely;
# a zip bomb of zeros reaches ~1000×.
MAX_RATIO: Final = 100
RATIO_FREE_BYTES: Final = 1024 * 1024

_ATTACHMENT = re.compile(r"^attachments/([0-9a-f]{64})\.(jpg|png)$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_IMAGE_FORMATS = {"jpg": ("JPEG", "image/jpeg"), "png": ("PNG", "image/png")}

register_messages({
    "exchange.file_missing": N_("File {name} is missing or cannot be read."),
    "exchange.file_too_large": N_("File {name} is too large ({size_mb} MB; max {max_mb} MB)."),
    "exchange.not_zip": N_("File {name} is not a complete KanimDesk visit package: damaged, cut short, or not a zip file."),
    "exchange.no_manifest": N_("File {name} is not a KanimDesk visit package (there is no manifest.json)."),
    "exchange.manifest": N_("The package's manifest.json is not valid: {where}."),
    "exchange.format": N_("This file is not a KanimDesk visit package (format '{value}')."),
    "exchange.newer_version": N_("The package was made by a newer KanimDesk (format version {version}; this one knows up to {known}). Update KanimDesk to open it."),
    "exchange.bad_version": N_("The package's format version is not valid: {version}."),
    "exchange.unsafe_path": N_("The package holds an unsafe or unknown file name: {path}."),
    "exchange.link": N_("The package holds a link (symlink) or special file: {path}."),
    "exchange.duplicate_part": N_("The package holds the file name {path} twice."),
    "exchange.encrypted": N_("Part {path} is encrypted or compressed in an unknown way."),
    "exchange.unlisted_part": N_("Part {path} is not listed in the manifest."),
    "exchange.missing_part": N_("Part {path} is listed in the manifest but missing from the package."),
    "exchange.size_mismatch": N_("The size of part {path} does not match the manifest; the package is damaged or was altered."),
    "exchange.hash_mismatch": N_("The content of part {path} does not match the manifest (SHA-256); the package is damaged or was altered."),
    "exchange.part_too_large": N_("Part {path} is too large ({size} bytes; max {max})."),
    "exchange.too_many_attachments": N_("The package holds too many photos ({count}; max {max})."),
    "exchange.total_too_large": N_("The package content is too large ({size_mb} MB; max {max_mb} MB)."),
    "exchange.bomb": N_("Part {path} is compressed implausibly ({ratio}:1); the package is refused."),
    "exchange.not_image": N_("Attachment {path} is not a valid JPEG/PNG image."),
    "exchange.not_json": N_("{path} is not valid UTF-8 JSON."),
    "exchange.write_failed": N_("Cannot write {path}: {reason}."),
})  # fmt: skip


def _reject(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "file", params)])


@dataclass(frozen=True)
class Photo:
    """A checked image part of a package."""

    sha256: str
    mime: str
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Package:
    """A package whose every part passed its checks."""

    manifest: dict[str, Any]
    visit: Any  # visit.json, parsed but not yet checked against the visit schema
    photos: dict[str, Photo]  # by SHA-256


def canonical_json(value: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False, default=default).encode("utf-8")  # fmt: skip


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- writing --------------------------------------------------------------------


def write_atomically(out: Path, fill: Callable[[IO[bytes]], object]) -> int:
    """Write a file through a temporary neighbour and os.replace, so a reader never sees half of it."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise _reject("exchange.write_failed", path=str(out), reason=exc.strerror or exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _reject("exchange.write_failed", path=str(out), reason=exc.strerror or exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out.stat().st_size


def write_package(out: Path, manifest_head: dict[str, Any], visit_json: bytes,
                  photos: list[tuple[str, str, bytes]]) -> tuple[int, list[dict[str, Any]]]:  # fmt: skip
    """Write the zip: visit.json, attachments/<sha256>.<ext>, and manifest.json listing both.

    *photos* are (sha256, mime, bytes). Returns the file size and the manifest's parts.
    """
    ext_of = {mime: ext for ext, (_fmt, mime) in _IMAGE_FORMATS.items()}
    parts: list[tuple[str, bytes, int]] = [(VISIT_JSON, visit_json, zipfile.ZIP_DEFLATED)]
    for sha, mime, data in photos:
        # JPEG/PNG are compressed already; deflating them again costs time for nothing.
        parts.append((f"attachments/{sha}.{ext_of.get(mime, 'jpg')}", data, zipfile.ZIP_STORED))
    listed = [
        {"path": name, "sha256": sha256_hex(data), "size": len(data)} for name, data, _c in parts
    ]
    manifest = {
        **manifest_head,
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_VERSION,
        "parts": listed,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode(
        "utf-8"
    )

    def fill(fh: IO[bytes]) -> None:
        with zipfile.ZipFile(fh, "w") as zf:
            zf.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
            for name, data, compression in parts:
                zf.writestr(name, data, compress_type=compression)

    return write_atomically(out, fill), listed


# --- reading ---------------------------------------------------------------------


def _check_names(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Refuse path tricks, links, duplicates and encryption; the parts by name."""
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if (not name or name.startswith("/") or "\\" in name or ":" in name or "\x00" in name
                or ".." in parts or "" in parts[:-1] or name.endswith("/")):  # fmt: skip
            raise _reject("exchange.unsafe_path", path=name[:200])
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) and not stat.S_ISREG(mode):  # a symlink, a device, a folder
            raise _reject("exchange.link", path=name[:200])
        if name in by_name:
            raise _reject("exchange.duplicate_part", path=name[:200])
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise _reject("exchange.encrypted", path=name[:200])
        by_name[name] = info
    return by_name


def _check_known_names(by_name: dict[str, zipfile.ZipInfo]) -> None:
    for name in by_name:
        if name not in (MANIFEST, VISIT_JSON) and not _ATTACHMENT.match(name):
            raise _reject("exchange.unsafe_path", path=name[:200])


def _limit(name: str) -> int:
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    return MAX_VISIT_JSON_BYTES if name == VISIT_JSON else MAX_ATTACHMENT_BYTES


def _check_sizes(by_name: dict[str, zipfile.ZipInfo]) -> None:
    """Refuse on the headers' declared sizes before decompressing anything."""
    count = sum(1 for n in by_name if n.startswith("attachments/"))
    if count > MAX_ATTACHMENTS:
        raise _reject("exchange.too_many_attachments", count=count, max=MAX_ATTACHMENTS)
    total = 0
    for name, info in by_name.items():
        if info.file_size > _limit(name):
            raise _reject(
                "exchange.part_too_large", path=name, size=info.file_size, max=_limit(name)
            )
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _reject(
                "exchange.bomb", path=name, ratio=info.file_size // max(info.compress_size, 1)
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _reject(
            "exchange.total_too_large",
            size_mb=f"{total / 1048576:.1f}",
            max_mb=MAX_TOTAL_BYTES // 1048576,
        )


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, never more than its limit whatever the header claims."""
    limit = _limit(info.filename)
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _reject("exchange.part_too_large", path=info.filename, size=len(data), max=limit)
    return data


def _load_json(name: str, data: bytes) -> Any:
    def refuse_constant(value: str) -> Any:
        raise ValueError(value)  # NaN / Infinity are not JSON

    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _reject("exchange.not_json", path=name) from exc


def _check_manifest(manifest: Any) -> dict[str, dict[str, Any]]:
    """The manifest's parts by path, after format, version and shape checks."""
    if not isinstance(manifest, dict):
        raise _reject("exchange.manifest", where="{}")
    fmt = manifest.get("format")
    if fmt != PACKAGE_FORMAT:
        raise _reject("exchange.format", value=str(fmt)[:80])
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _reject("exchange.bad_version", version=str(version)[:20])
    if version > PACKAGE_VERSION:
        raise _reject("exchange.newer_version", version=version, known=PACKAGE_VERSION)
    parts = manifest.get("parts")
    if not isinstance(parts, list):
        raise _reject("exchange.manifest", where="parts")
    listed: dict[str, dict[str, Any]] = {}
    for i, part in enumerate(parts):
        ok = (isinstance(part, dict) and set(part) == {"path", "sha256", "size"}
              and isinstance(part["path"], str) and isinstance(part["sha256"], str)
              and _SHA256.match(part["sha256"]) is not None
              and isinstance(part["size"], int) and not isinstance(part["size"], bool) and part["size"] >= 0)  # fmt: skip
        if not ok:
            raise _reject("exchange.manifest", where=f"parts[{i}]")
        if part["path"] in listed or part["path"] == MANIFEST:
            raise _reject("exchange.duplicate_part", path=str(part["path"])[:200])
        listed[part["path"]] = part
    if VISIT_JSON not in listed:
        raise _reject("exchange.missing_part", path=VISIT_JSON)
    return listed


def _check_photo(name: str, data: bytes) -> Photo:
    match = _ATTACHMENT.match(name)
    assert match is not None  # names were checked against the pattern
    sha, ext = match.groups()
    if sha256_hex(data) != sha:
        raise _reject("exchange.hash_mismatch", path=name)
    fmt, mime = _IMAGE_FORMATS[ext]
    # Every pixel decoded, as on attach: a photo that cannot be would break this visit's
    # report here and on every machine the visit travels to next. The bytes stay as they
    # came: their SHA-256 names the photo on every machine, and a second JPEG encoding
    # would change it (and lose detail) at each trip.
    try:
        found, width, height = decode_photo(data, name)
    except InputRejected as exc:
        raise _reject("exchange.not_image", path=name) from exc
    if found != fmt:
        raise _reject("exchange.not_image", path=name)
    return Photo(sha, mime, data, width, height)


def read_package(path: Path) -> Package:
    """Open and check a package completely; any doubt raises InputRejected."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise OSError("not a file")
    except OSError as exc:
        raise _reject("exchange.file_missing", name=str(path)) from exc
    if size > MAX_FILE_BYTES:
        raise _reject("exchange.file_too_large", name=name, size_mb=f"{size / 1048576:.1f}",
                      max_mb=MAX_FILE_BYTES // 1048576)  # fmt: skip
    try:
        with zipfile.ZipFile(path) as zf:
            by_name = _check_names(zf.infolist())
            if MANIFEST not in by_name:
                raise _reject("exchange.no_manifest", name=name)
            _check_known_names(by_name)
            _check_sizes(by_name)
            manifest = _load_json(MANIFEST, _read_part(zf, by_name[MANIFEST]))
            listed = _check_manifest(manifest)
            for part_name in by_name:
                if part_name != MANIFEST and part_name not in listed:
                    raise _reject("exchange.unlisted_part", path=part_name)
            for part_name in listed:
                if part_name not in by_name:
                    raise _reject("exchange.missing_part", path=part_name[:200])
            contents: dict[str, bytes] = {}
            for part_name, part in listed.items():
                data = _read_part(zf, by_name[part_name])
                if len(data) != part["size"]:
                    raise _reject("exchange.size_mismatch", path=part_name)
                if sha256_hex(data) != part["sha256"]:
                    raise _reject("exchange.hash_mismatch", path=part_name)
                contents[part_name] = data
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        NotImplementedError,
    ) as exc:
        # A bad CRC or a cut-off member also lands here.
        raise _reject("exchange.not_zip", name=name) from exc
    photos = {
        p.sha256: p
        for n, data in contents.items()
        if n != VISIT_JSON
        for p in [_check_photo(n, data)]
    }
    return Package(manifest, _load_json(VISIT_JSON, contents[VISIT_JSON]), photos)

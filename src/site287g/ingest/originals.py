"""Keep each imported ICE workbook as it came: sources/ice/<list>/<file>, hashed in SHA256SUMS."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path, PurePosixPath

SUMS = "SHA256SUMS"  # `sha256sum -c SHA256SUMS` in the folder checks every kept file


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def known(root: Path) -> dict[str, str]:
    """SHA-256 -> path (relative to root) of every kept original."""
    path = root / SUMS
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, rel = line.strip().partition(" ")
        if digest:  # `sha256sum` writes "<hex>  <path>", or "<hex> *<path>" in binary mode
            out[digest] = rel.lstrip(" *")
    return out


def place(root: Path, kind: str, name: str, digest: str) -> str:
    """Where a new original goes; a name already kept with other bytes gets the hash added."""
    rel = f"{kind}/{name}"
    taken = set(known(root).values())
    if rel in taken or (root / rel).exists():
        p = PurePosixPath(name)
        rel = f"{kind}/{p.stem}-{digest[:8]}{p.suffix}"
    return rel


def keep(root: Path, files: dict[str, bytes]) -> None:
    """Write new originals, then SHA256SUMS, each through a temporary file and a rename."""
    sums = known(root)
    for rel, data in sorted(files.items()):
        _write_bytes(root / rel, data)
        sums[sha256(data)] = rel
    lines = [f"{digest}  {rel}\n" for digest, rel in sorted(sums.items(), key=lambda kv: kv[1])]
    _write_bytes(root / SUMS, "".join(lines).encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    """Replace path with data in one rename, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

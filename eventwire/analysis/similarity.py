"""Text similarity for deduplication: word shingles, MinHash signatures and LSH bands.

Pure functions (no SQL): the store uses them to link syndicated copies of an article, the event
clusterer to compare the evidence of two events.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

__all__ = ["tokens", "shingles", "minhash", "lsh_bands", "jaccard", "estimate_jaccard"]

_WORD = re.compile(r"\w+", re.UNICODE)
_NUM_PERM = 64
_BANDS = 16
_rng = np.random.default_rng(20241229)  # fixed seed: signatures must be stable across processes
_A = _rng.integers(1, 2**63, size=_NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, size=_NUM_PERM, dtype=np.uint64)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def shingles(text: str, k: int = 5) -> set[int]:
    """64-bit hashes of the k-word shingles of ``text`` (the words themselves when shorter)."""
    words = tokens(text)
    if len(words) < k:
        return {_h64(w) for w in words}
    return {_h64(" ".join(words[i : i + k])) for i in range(len(words) - k + 1)}


def minhash(text: str, k: int = 5) -> np.ndarray:
    """A MinHash signature (64 uint64 values) of the shingle set of ``text``."""
    sh = shingles(text, k)
    if not sh:
        return np.full(_NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    # Multiply-add hashing modulo 2**64 (wrapping is intended): cheap, and random enough for MinHash.
    with np.errstate(over="ignore"):
        v = _A[:, None] * x[None, :] + _B[:, None]
    return v.min(axis=1)


def lsh_bands(signature: np.ndarray, bands: int = _BANDS) -> list[tuple[int, int]]:
    """(band, bucket) pairs: two texts sharing any pair are near-duplicate candidates."""
    rows = len(signature) // bands
    out = []
    for b in range(bands):
        chunk = signature[b * rows : (b + 1) * rows].tobytes()
        out.append((b, int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little")))
    return out


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    return float(np.mean(sig_a == sig_b))


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)

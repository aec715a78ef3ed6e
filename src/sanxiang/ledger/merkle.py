"""Merkle tree hashing and proofs of RFC 9162 §2.1 (SHA-256), with no Django import.

Terms used throughout the ledger:

* A *block* `(level, index)` is the complete subtree over the leaves
  `D[index·2^level : (index+1)·2^level]`; level 0 blocks are leaf hashes. These are the only
  hashes the ledger stores (C2SP tlog-tiles tiles are made of them), about two per append.
* Every range `D[a:b]` that the recursive definitions of RFC 9162 §2.1.1 (MTH), §2.1.3.1
  (PATH) and §2.1.4.1 (PROOF/SUBPROOF) visit starts at a multiple of the next power of two at
  or above its length, so its MTH is the right fold of its decomposition into maximal aligned
  blocks (`range_blocks`). Proofs are therefore computed from O(log n) stored hashes, never by
  re-reading leaves.

Verification follows §2.1.3.2 and §2.1.4.2 literally, including step 4.b.ii (the inner loop
that shifts while LSB(fn) is clear), whose omission rejects valid proofs such as (2, 3).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "Block",
    "consistency_proof",
    "consistency_ranges",
    "fold",
    "frontier_append",
    "frontier_root",
    "inclusion_proof",
    "inclusion_ranges",
    "leaf_hash",
    "merge_blocks",
    "node_hash",
    "range_blocks",
    "range_hash",
    "root_hash",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
# RFC 9162 §2.1.1: the hash of an empty list is the hash of an empty string.
EMPTY_ROOT = hashlib.sha256(b"").digest()

Block = tuple[int, int]
"""`(level, index)`: the complete subtree over `D[index·2^level : (index+1)·2^level]`."""

HashGetter = Callable[[Iterable[Block]], Mapping[Block, bytes]]
"""Returns the stored hash of each requested block (all of them, or raises)."""


def leaf_hash(entry: bytes) -> bytes:
    """`MTH({d}) = SHA-256(0x00 || d)` (RFC 9162 §2.1.1)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Interior node `SHA-256(0x01 || left || right)` (RFC 9162 §2.1.1)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """k, the largest power of two smaller than n (n > 1), per RFC 9162 §2.1.1."""
    return 1 << ((n - 1).bit_length() - 1)


def range_blocks(start: int, end: int) -> list[Block]:
    """Decompose `D[start:end]` into maximal aligned complete subtrees, left to right."""
    blocks: list[Block] = []
    while start < end:
        # The largest aligned block starting here: limited by start's alignment and the room.
        level = (start & -start).bit_length() - 1 if start else (end - start).bit_length() - 1
        while (1 << level) > end - start:
            level -= 1
        blocks.append((level, start >> level))
        start += 1 << level
    return blocks


def fold(hashes: Sequence[bytes]) -> bytes:
    """Right fold of block hashes: the MTH of a range whose blocks these are (see module doc)."""
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def range_hash(start: int, end: int, hashes: Mapping[Block, bytes]) -> bytes:
    """MTH(D[start:end]) from the block hashes of `range_blocks(start, end)`."""
    return fold([hashes[block] for block in range_blocks(start, end)])


def root_hash(size: int, get: HashGetter) -> bytes:
    """The tree head MTH(D[0:size]) from stored block hashes (empty tree: SHA-256(""))."""
    if size == 0:
        return EMPTY_ROOT
    blocks = range_blocks(0, size)
    hashes = get(blocks)
    return fold([hashes[block] for block in blocks])


def inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The ranges whose MTHs form PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, leaf upwards."""
    if not 0 <= index < size:
        raise ValueError(f"index {index} is not in a tree of size {size}")
    ranges: list[tuple[int, int]] = []
    start, end, m = 0, size, index
    while end - start > 1:
        k = _split(end - start)
        if m < k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start, m = start + k, m - k
    ranges.reverse()  # the recursion appends on the way back up: the leaf's sibling comes first
    return ranges


def consistency_ranges(first: int, second: int) -> list[tuple[int, int]]:
    """The ranges whose MTHs form PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1."""
    if not 0 < first <= second:
        raise ValueError(f"no consistency proof from size {first} to size {second}")
    ranges: list[tuple[int, int]] = []
    start, end, m, whole = 0, second, first, True
    while m != end - start:
        k = _split(end - start)
        if m <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start, m, whole = start + k, m - k, False
    if not whole:
        # SUBPROOF(m, D[m], false) = [MTH(D[m])]: the old tree's subtree itself.
        ranges.append((start, end))
    ranges.reverse()
    return ranges


def _proof(ranges: list[tuple[int, int]], get: HashGetter) -> list[bytes]:
    needed = {block for start, end in ranges for block in range_blocks(start, end)}
    hashes = get(needed)
    return [range_hash(start, end, hashes) for start, end in ranges]


def inclusion_proof(index: int, size: int, get: HashGetter) -> list[bytes]:
    """PATH(index, D[0:size]) (RFC 9162 §2.1.3.1) from stored block hashes."""
    return _proof(inclusion_ranges(index, size), get)


def consistency_proof(first: int, second: int, get: HashGetter) -> list[bytes]:
    """PROOF(first, D[0:second]) (RFC 9162 §2.1.4.1); empty when the sizes are equal."""
    return _proof(consistency_ranges(first, second), get)


def verify_inclusion(
    leaf: bytes, index: int, size: int, path: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: does `path` prove the leaf hash `leaf` at `index` under `root`?"""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:  # step 4.b.ii
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    first: int, second: int, first_hash: bytes, second_hash: bytes, path: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: does `path` prove the tree of size `first` a prefix of `second`?

    Equal sizes need an empty proof and equal roots; size 0 is consistent with anything.
    """
    if first > second:
        return False
    if first == second:
        return not path and first_hash == second_hash
    if first == 0:
        return not path
    if not path:
        return False
    nodes = list(path)
    if first & (first - 1) == 0:  # a power of two: the old root itself is the first node
        nodes.insert(0, first_hash)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = nodes[0]
    for c in nodes[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_hash and sr == second_hash


def merge_blocks(size: int) -> list[Block]:
    """The blocks a leaf appended to a tree of `size` leaves merges with, left to right.

    One per trailing 1-bit of `size` (none for an even size, one on average): the complete
    subtrees the new leaf completes a larger subtree with. Their hashes, as the tail of a
    frontier, are all `frontier_append` needs.
    """
    blocks: list[Block] = []
    level = 0
    while (size >> level) & 1:
        blocks.append((level, (size >> level) - 1))
        level += 1
    blocks.reverse()
    return blocks


def frontier_append(
    size: int, frontier: list[bytes], leaf: bytes
) -> tuple[list[bytes], list[tuple[int, int, bytes]]]:
    """Append one leaf hash to a tree of `size` leaves given by its frontier.

    The frontier holds the hashes of `range_blocks(0, size)` (left to right), or at least
    those of `merge_blocks(size)`, its tail, which are the only ones used. Returns the new
    frontier and the blocks `(level, index, hash)` of level ≥ 1 completed by this leaf — on
    average one per append, so the ledger stores about two hashes per entry.
    """
    carry = leaf
    completed: list[tuple[int, int, bytes]] = []
    new = list(frontier)
    level = 0
    while (size >> level) & 1:
        carry = node_hash(new.pop(), carry)
        level += 1
        completed.append((level, ((size + 1) >> level) - 1, carry))
    new.append(carry)
    return new, completed


def frontier_root(frontier: Sequence[bytes]) -> bytes:
    """MTH of the whole tree from its frontier (empty frontier: the empty tree)."""
    return fold(frontier) if frontier else EMPTY_ROOT

"""RFC 9162 §2.1 hashing and proofs: known answers and an exhaustive self-test (sizes 1–70)."""

from __future__ import annotations

import hashlib

import pytest

from sanxiang.ledger import merkle

# The Certificate Transparency test leaves and the roots of every prefix (perf-notes item 19;
# certificate-transparency merkle_tree_test.cc, reused by trillian and transparency-dev).
CT_LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION_VECTORS = [  # (leaf index, tree size, PATH)
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        1,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
CONSISTENCY_VECTORS = [  # (first, second, PROOF)
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]


# --- the RFC's recursive definitions, written out independently as the reference -----------


def ref_mth(leaves: list[bytes]) -> bytes:
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + ref_mth(leaves[:k]) + ref_mth(leaves[k:])).digest()


def ref_path(m: int, leaves: list[bytes]) -> list[bytes]:
    n = len(leaves)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*ref_path(m, leaves[:k]), ref_mth(leaves[k:])]
    return [*ref_path(m - k, leaves[k:]), ref_mth(leaves[:k])]


def ref_subproof(m: int, leaves: list[bytes], whole: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if whole else [ref_mth(leaves)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return [*ref_subproof(m, leaves[:k], whole), ref_mth(leaves[k:])]
    return [*ref_subproof(m - k, leaves[k:], False), ref_mth(leaves[:k])]


class MemoryTree:
    """Every complete subtree hash of a list of entries: the blocks the ledger stores."""

    def __init__(self, entries: list[bytes]) -> None:
        self.levels = [[merkle.leaf_hash(e) for e in entries]]
        while len(self.levels[-1]) > 1:
            below = self.levels[-1]
            self.levels.append(
                [merkle.node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
            )

    def get(self, blocks):
        return {(lv, ix): self.levels[lv][ix] for lv, ix in blocks}


def hexes(hashes: list[bytes]) -> list[str]:
    return [h.hex() for h in hashes]


# --- known answers ---------------------------------------------------------------------------


def test_empty_tree_root():
    assert merkle.EMPTY_ROOT.hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert merkle.root_hash(0, MemoryTree([]).get) == merkle.EMPTY_ROOT


@pytest.mark.parametrize("size", range(1, 9))
def test_ct_roots_from_stored_blocks_and_from_the_frontier(size):
    entries = CT_LEAVES[:size]
    assert merkle.root_hash(size, MemoryTree(entries).get).hex() == CT_ROOTS[size - 1]
    frontier: list[bytes] = []
    for n, entry in enumerate(entries):
        frontier, _ = merkle.frontier_append(n, frontier, merkle.leaf_hash(entry))
    assert merkle.frontier_root(frontier).hex() == CT_ROOTS[size - 1]


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION_VECTORS)
def test_ct_inclusion_vectors(index, size, path):
    tree = MemoryTree(CT_LEAVES[:size])
    proof = merkle.inclusion_proof(index, size, tree.get)
    assert hexes(proof) == path
    root = bytes.fromhex(CT_ROOTS[size - 1])
    assert merkle.verify_inclusion(merkle.leaf_hash(CT_LEAVES[index]), index, size, proof, root)


@pytest.mark.parametrize(("first", "second", "path"), CONSISTENCY_VECTORS)
def test_ct_consistency_vectors(first, second, path):
    proof = merkle.consistency_proof(first, second, MemoryTree(CT_LEAVES[:second]).get)
    assert hexes(proof) == path
    old, new = bytes.fromhex(CT_ROOTS[first - 1]), bytes.fromhex(CT_ROOTS[second - 1])
    assert merkle.verify_consistency(first, second, old, new, proof)
    assert not merkle.verify_consistency(first, second, new, old, proof)


def test_frontier_append_stores_about_two_hashes_per_entry():
    frontier: list[bytes] = []
    stored = 0
    for n in range(1024):
        frontier, completed = merkle.frontier_append(n, frontier, merkle.leaf_hash(b"%d" % n))
        stored += 1 + len(completed)
    assert stored == 2 * 1024 - 1  # every complete subtree of a full tree, exactly once


# --- exhaustive self-test, every size from 1 to 70 -------------------------------------------


ENTRIES = [b"entry %d" % n for n in range(70)]
TREES = {size: MemoryTree(ENTRIES[:size]) for size in range(1, 71)}
ROOTS = {size: ref_mth(ENTRIES[:size]) for size in range(1, 71)}


@pytest.mark.parametrize("size", range(1, 71))
def test_every_inclusion_proof_matches_the_rfc_and_verifies(size):
    tree = TREES[size]
    root = ROOTS[size]
    assert merkle.root_hash(size, tree.get) == root
    for index in range(size):
        proof = merkle.inclusion_proof(index, size, tree.get)
        assert proof == ref_path(index, ENTRIES[:size])
        leaf = merkle.leaf_hash(ENTRIES[index])
        assert merkle.verify_inclusion(leaf, index, size, proof, root), (index, size)
        # The same proof must fail for another position, a wrong leaf or a shortened path.
        if size > 1:
            assert not merkle.verify_inclusion(leaf, (index + 1) % size, size, proof, root)
            assert not merkle.verify_inclusion(leaf, index, size, proof[:-1], root)
        assert not merkle.verify_inclusion(merkle.leaf_hash(b"forged"), index, size, proof, root)


@pytest.mark.parametrize("second", range(1, 71))
def test_every_consistency_proof_matches_the_rfc_and_verifies(second):
    tree = TREES[second]
    for first in range(1, second + 1):
        proof = merkle.consistency_proof(first, second, tree.get)
        assert proof == ref_subproof(first, ENTRIES[:second], True)
        assert merkle.verify_consistency(first, second, ROOTS[first], ROOTS[second], proof)
        if first < second:
            assert not merkle.verify_consistency(first, second, ROOTS[first], ROOTS[first], proof)
            assert not merkle.verify_consistency(first, second, ROOTS[second], ROOTS[second], proof)
            assert not merkle.verify_consistency(first, second, ROOTS[first], ROOTS[second], [])
            forged = [bytes(32), *proof[1:]]
            assert not merkle.verify_consistency(first, second, ROOTS[first], ROOTS[second], forged)


@pytest.mark.parametrize(("index", "size"), [(2, 3), (4, 5), (4, 6), (5, 6), (6, 7)])
def test_the_cases_a_verifier_without_step_4_b_ii_rejects(index, size):
    """perf-notes: dropping RFC 9162 §2.1.3.2 step 4.b.ii rejects these valid proofs."""
    tree = TREES[size]
    proof = merkle.inclusion_proof(index, size, tree.get)
    assert merkle.verify_inclusion(
        merkle.leaf_hash(ENTRIES[index]), index, size, proof, ROOTS[size]
    )


def test_range_blocks_are_maximal_aligned_subtrees():
    assert merkle.range_blocks(0, 7) == [(2, 0), (1, 2), (0, 6)]
    assert merkle.range_blocks(8, 13) == [(2, 2), (0, 12)]
    assert merkle.range_blocks(0, 1 << 20) == [(20, 0)]
    for start in range(0, 40):
        for end in range(start, 70):
            blocks = merkle.range_blocks(start, end)
            covered = [
                i for level, index in blocks for i in range(index << level, (index + 1) << level)
            ]
            assert covered == list(range(start, end))


def test_out_of_range_requests_are_programming_errors():
    with pytest.raises(ValueError, match="not in a tree"):
        merkle.inclusion_ranges(5, 5)
    with pytest.raises(ValueError, match="no consistency proof"):
        merkle.consistency_ranges(6, 5)
    assert not merkle.verify_inclusion(bytes(32), 5, 5, [], bytes(32))
    assert merkle.verify_consistency(0, 5, merkle.EMPTY_ROOT, ROOTS[5], [])
    assert merkle.verify_consistency(5, 5, ROOTS[5], ROOTS[5], [])
    assert not merkle.verify_consistency(5, 5, ROOTS[5], ROOTS[6], [])

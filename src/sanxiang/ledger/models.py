"""The tamper-evident ledger (防篡改账本): entries, stored subtree hashes, signed checkpoints.

DESIGN.md §3 decision 6: every record event is a leaf of one append-only Merkle log hashed
per RFC 9162 §2.1, served as C2SP tlog-tiles and signed as C2SP tlog-checkpoint. The tables
are written only by `ledger.services`; nothing here updates or deletes a row, and
`sanxiang ledger verify` detects anyone who does it behind the platform's back.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

KIND_MAX_LENGTH = 64
REF_MAX_LENGTH = 255


class LedgerHead(models.Model):
    """The single row every append locks (账本锁): it gives the log one global order.

    `SELECT … FOR UPDATE` on this row (on SQLite, the `BEGIN IMMEDIATE` write lock) is held
    from the append until the caller commits, so indexes are assigned one at a time with no
    gap or duplicate. The row is only locked, never updated: the size and the hashes an append
    needs are read from the tail of the log, so a transaction that appends many entries does
    not pile up versions of one row (which made PostgreSQL slow down quadratically).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)

    class Meta:
        verbose_name = _("ledger head")
        verbose_name_plural = _("ledger heads")
        constraints = (models.CheckConstraint(condition=models.Q(id=1), name="ledger_head_single"),)

    def __str__(self) -> str:
        return "ledger head"


class LedgerEntry(models.Model):
    """One leaf of the log (账本条目 / ledger entry): what was recorded, in canonical bytes.

    `entry` is the RFC 8785 canonical JSON envelope described in `ledger.canonical` (index,
    kind, ref, logged_at, payload); `leaf_hash` is SHA-256(0x00 || entry) (RFC 9162 §2.1.1).
    `kind` names the record type (e.g. `cases.event`) and `ref` the record (its primary key),
    so the verifier can ask the owning app to rebuild the payload from the live row.
    """

    index = models.BigIntegerField(_("index"), primary_key=True)
    kind = models.CharField(_("kind"), max_length=KIND_MAX_LENGTH)
    ref = models.CharField(_("reference"), max_length=REF_MAX_LENGTH)
    entry = models.BinaryField(_("canonical entry"), max_length=0xFFFF)
    leaf_hash = models.BinaryField(_("leaf hash"), max_length=32)
    created_at = models.DateTimeField(_("logged at"))

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ("index",)
        indexes = (models.Index(fields=["kind", "ref", "index"], name="ledger_entry_kind_ref"),)

    def __str__(self) -> str:
        return f"#{self.index} {self.kind} {self.ref}"


class LedgerNode(models.Model):
    """The hash of a complete subtree of level ≥ 1 (子树哈希), stored when it completes.

    Node `(level, index)` is MTH(D[index·2^level : (index+1)·2^level]) (RFC 9162 §2.1.1).
    With the leaf hashes they are exactly the contents of C2SP tlog-tiles tiles, and any
    inclusion or consistency proof is a fold of O(log n) of them.
    """

    pk = models.CompositePrimaryKey("level", "index")
    level = models.PositiveSmallIntegerField(_("level"))
    index = models.BigIntegerField(_("index"))
    hash = models.BinaryField(_("hash"), max_length=32)

    class Meta:
        verbose_name = _("ledger node")
        verbose_name_plural = _("ledger nodes")

    def __str__(self) -> str:
        return f"node {self.level}/{self.index}"


class Checkpoint(models.Model):
    """A signed tree head (签名检查点 / checkpoint), kept forever.

    `note` is the C2SP signed-note exactly as served at `/ledger/checkpoint`: the
    tlog-checkpoint body (origin, size, base64 root) and an Ed25519 signature line. `size` and
    `root` repeat the body for queries; the verifier trusts only the signed text. The platform
    never signs a checkpoint that a consistency proof cannot link to the previous one.
    """

    size = models.BigIntegerField(_("tree size"), unique=True)
    root = models.BinaryField(_("root hash"), max_length=32)
    note = models.TextField(_("signed note"))
    key_id = models.CharField(_("key ID"), max_length=8)
    signed_at = models.DateTimeField(_("signed at"))

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        ordering = ("size",)

    def __str__(self) -> str:
        return f"checkpoint {self.size}"

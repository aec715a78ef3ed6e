"""PII detection and masking for published texts: plain Python, no Django import (DESIGN.md §5).

    from sanxiang.redaction import find_pii, redact, mask, make_span, KnownPerson, PiiSpan

See docs/redaction.md for the contract, the rules cited (LAW-APL-50, GUO-118-02, SAMR-PUB-2/4,
法释〔2016〕19号) and the measured accuracy.
"""

from sanxiang.redaction.engine import find_pii, redact
from sanxiang.redaction.spans import LABELS, KnownPerson, Label, PiiSpan, make_span, mask

__all__ = ["LABELS", "KnownPerson", "Label", "PiiSpan", "find_pii", "make_span", "mask", "redact"]

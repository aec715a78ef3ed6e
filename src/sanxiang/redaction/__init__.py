"""PII detection and masking for published texts: plain Python, no Django import (DESIGN.md §5)."""

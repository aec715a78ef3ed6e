"""Enforcement documents: templates, numbering, rendering (PDF, DOCX), signatures, the case file."""

"""Turning a document's content into files: PDF (WeasyPrint), DOCX (docxtpl), the seal image."""

"""JSON API of the documents app, mounted under /api/v1/ by config/urls.py."""

from ninja import Router

router = Router(tags=["documents"])

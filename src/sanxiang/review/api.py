"""JSON API of the review app, mounted under /api/v1/ by config/urls.py."""

from ninja import Router

router = Router(tags=["review"])

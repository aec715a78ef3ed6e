"""Platform accounts (用户) and their roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanxiang.registry.models.choices import Role

if TYPE_CHECKING:
    from sanxiang.registry.models.organisations import Agency, Department


class User(AbstractUser):
    """An account (用户). Its role decides navigation and what it may see.

    Officers, heads and legal reviewers belong to an agency (and usually a department); a
    supervisor belongs to the supervising legal-affairs office, which is itself an `Agency`;
    counsel may have no agency of their own.
    """

    full_name = models.CharField(_("full name"), max_length=64, blank=True)
    role = models.CharField(
        _("role"), max_length=32, choices=Role.choices, default=Role.OFFICER, db_index=True
    )
    agency: models.ForeignKey[Agency | None, Agency | None] = models.ForeignKey(
        "registry.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    department: models.ForeignKey[Department | None, Department | None] = models.ForeignKey(
        "registry.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_username()

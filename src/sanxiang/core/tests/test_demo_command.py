"""`sanxiang demo` finds every app's demo data set by itself, in the order of INSTALLED_APPS.

Loading the data sets is tested where they live (`registry/tests/test_demo.py`,
`cases/tests/test_demo_cases.py`); here only the command's own contract.
"""

from __future__ import annotations

import inspect
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sanxiang.core.management.commands import demo as command
from sanxiang.registry.models import Agency, User


def test_demo_packages_are_found_in_the_order_of_installed_apps() -> None:
    labels = [label for label, _module in command.demo_modules()]
    # The registry's agencies and officers come before the cases that use them.
    assert labels.index("registry") < labels.index("cases")
    for _label, module in command.demo_modules():
        assert callable(module.load_demo)


def test_core_names_no_domain_app() -> None:
    """DESIGN §3: core depends on no domain app; it discovers them."""
    source = inspect.getsource(command)
    assert "sanxiang.registry" not in source and "sanxiang.cases" not in source


def test_an_app_without_demo_data_is_refused() -> None:
    with pytest.raises(CommandError, match="core"):
        call_command("demo", "--app", "core", stdout=StringIO())


@pytest.mark.django_db
def test_accounts_only_prints_the_tables_and_loads_nothing() -> None:
    out = StringIO()
    call_command("demo", "--accounts", stdout=out)
    assert "officer_jinnan" in out.getvalue() and "Demo" not in out.getvalue()
    assert not Agency.objects.exists() and not User.objects.exists()

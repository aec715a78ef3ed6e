"""The demo data set of the Tianjin pilot (TJ-PILOT): agencies, officers, laws, power lists.

`load_demo()` loads or refreshes it (idempotent, one transaction); `accounts_table()` lists the
demo accounts and their shared password, and `print_accounts()` writes that table. The console
command `sanxiang demo` (core) finds both here, as it finds every app's `demo` package.
"""

from sanxiang.registry.demo.accounts import ACCOUNTS, DEMO_PASSWORD, accounts_table
from sanxiang.registry.demo.loader import Writer, load_demo
from sanxiang.registry.demo.upsert import DemoSummary

__all__ = [
    "ACCOUNTS",
    "DEMO_PASSWORD",
    "DemoSummary",
    "accounts_table",
    "load_demo",
    "print_accounts",
]


def print_accounts(stdout: Writer) -> None:
    """Write the demo accounts table (for `sanxiang demo` and `sanxiang demo --accounts`)."""
    stdout.write(accounts_table() + "\n")

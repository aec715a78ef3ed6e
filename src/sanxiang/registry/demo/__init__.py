"""The demo data set of the Tianjin pilot (TJ-PILOT): agencies, officers, laws, power lists.

`load_demo()` loads or refreshes it (idempotent, one transaction); `accounts_table()` lists the
demo accounts and their shared password. The console command is `sanxiang demo`.
"""

from sanxiang.registry.demo.accounts import ACCOUNTS, DEMO_PASSWORD, accounts_table
from sanxiang.registry.demo.loader import load_demo
from sanxiang.registry.demo.upsert import DemoSummary

__all__ = ["ACCOUNTS", "DEMO_PASSWORD", "DemoSummary", "accounts_table", "load_demo"]

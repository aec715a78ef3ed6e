"""The `sanxiang` console command: Django's management utility bound to the project settings.

`sanxiang demo`, `sanxiang migrate`, `sanxiang runserver` … are all Django management commands.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

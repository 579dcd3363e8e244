"""The README documents every environment variable the settings read."""

import re

from django.conf import settings

SETTINGS_FILE = settings.BASE_DIR / "oversight" / "settings.py"
README = settings.BASE_DIR / "README.md"


def test_the_configuration_table_lists_every_environment_variable_the_settings_read():
    read = set(
        re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', SETTINGS_FILE.read_text())
    )
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", README.read_text(), re.MULTILINE))

    assert {"DEBUG", "DATABASE_URL", "CELERY_BROKER_URL", "EMAIL_BACKEND"} <= read
    missing = sorted(read - documented)
    assert not missing, f"add {', '.join(missing)} to the configuration table in README.md"

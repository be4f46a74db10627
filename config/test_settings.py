"""Settings for the test suite: the app's own, with a test key and login lockout off.

The lockout test turns django-axes on for itself (override_settings).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret-9f2c1e7a4b8d6f3e0a5c2b9d7e4f1a8c")

from config.settings import *  # noqa: E402, F403

AXES_ENABLED = False

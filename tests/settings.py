"""The suite's Django settings: production's (aqyl.web.settings) with a fast password hasher.
Argon2 costs about 0.3 s of CPU per hash by design, and the suite signs in and makes accounts
hundreds of times; test_demo.py keeps production's hashers to check that accounts get Argon2.
Command-line processes the tests start read these too (tests/conftest.py passes the variable on)."""

from aqyl.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

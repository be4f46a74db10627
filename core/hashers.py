"""How passwords are hashed: Argon2id at the cost OWASP's Password Storage Cheat Sheet gives first
(19 MiB of memory, 2 passes, 1 lane). The reasons and the measured cost are in docs/security.md.

A password hashed before (PBKDF2, or Argon2 at other costs) is checked as it was hashed and hashed
again this way when its owner next signs in (settings.PASSWORD_HASHERS lists the others after
this one).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoArgon2


class Argon2PasswordHasher(DjangoArgon2):
    time_cost = 2
    memory_cost = 19_456  # KiB
    parallelism = 1

"""Test configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``./dev test``) runs more examples, derandomized so that CI is
repeatable; ``dev`` (the default) is quick; ``thorough`` is for long runs on demand.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

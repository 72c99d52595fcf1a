"""Starting the server: with DEBUG off, a missing SECRET_KEY refuses to serve."""

import os
import subprocess
import sys

from tests.conftest import REPO


def start(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import unnews.wsgi"],
        cwd=REPO,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_secret_key_and_debug_off_the_server_refuses_to_start():
    started = start()
    assert started.returncode != 0
    assert "SECRET_KEY is not set" in started.stderr


def test_with_a_secret_key_or_in_debug_the_server_starts():
    assert start(SECRET_KEY="a-long-random-value-for-this-test-only-1234567890").returncode == 0
    assert start(DEBUG="1").returncode == 0

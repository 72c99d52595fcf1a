"""Shared test setup: plain-HTTP test client, the shared folder, the sample story."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_STORY = (
    REPO / "articles" / "sample_data" / "2012-05-04-coordinated-global-action-terrorism.txt"
)


@pytest.fixture(autouse=True)
def _plain_http(request):
    # Production redirects to HTTPS; the test client and live server speak plain HTTP.
    if request.config.pluginmanager.hasplugin("django"):
        settings = request.getfixturevalue("settings")
        settings.SECURE_SSL_REDIRECT = False
        # Pages are served from the app's static folders, not a collectstatic manifest.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repo (read in place); tests skip when it is not there."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared development data sits beside the repo")
    return SHARED


@pytest.fixture
def sample_story() -> Path:
    return SAMPLE_STORY


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end the connections other threads left open
    (a live-server request thread whose client went away keeps its own); otherwise the
    drop fails with "being accessed by other users" and the database stays behind."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )

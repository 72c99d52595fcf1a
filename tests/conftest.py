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

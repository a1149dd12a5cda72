import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def _media_in_tmp(tmp_path):
    """Each test writes its photo renditions to its own folder."""
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        yield

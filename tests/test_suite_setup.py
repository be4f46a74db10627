"""The suite's own set-up: what the tests store stays out of the checkout."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_files_the_tests_store_go_to_a_directory_outside_the_checkout():
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not media.is_relative_to(Path(settings.BASE_DIR).resolve()), media
    name = default_storage.save("evidence/stored-by-a-test.txt", ContentFile(b"evidence"))
    assert (media / name).read_bytes() == b"evidence"
    default_storage.delete(name)

"""The suite's own set-up: what the tests store stays out of the checkout, and rows kept for a
module's tests (tests/kept.py) reach only the tests that ask for them, each time unchanged."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from authorities.models import LocalAuthority
from improvement.models import Action
from tests.kept import check, in_kept_order

GATESHEAD = "E08000037"


def test_files_the_tests_store_go_to_a_directory_outside_the_checkout():
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not media.is_relative_to(Path(settings.BASE_DIR).resolve()), media
    name = default_storage.save("evidence/stored-by-a-test.txt", ContentFile(b"evidence"))
    assert (media / name).read_bytes() == b"evidence"
    default_storage.delete(name)


# The next two tests run in this order: what the first changes, the second sees restored.
def test_a_test_may_change_the_kept_rows(seeds):
    LocalAuthority.objects.filter(ons_code=GATESHEAD).update(name="Changed")
    Action.objects.update(title="Changed")
    assert LocalAuthority.objects.get(ons_code=GATESHEAD).name == "Changed"


def test_the_next_test_sees_the_kept_rows_unchanged(seeds):
    assert LocalAuthority.objects.get(ons_code=GATESHEAD).name == "Gateshead"
    assert not Action.objects.filter(title="Changed").exists()
    assert Action.objects.count() == 53


# Written after the tests above, run before them: no seed rows here.
@pytest.mark.django_db
def test_a_test_that_asks_for_no_kept_rows_sees_none():
    assert not LocalAuthority.objects.exists()
    assert not Action.objects.exists()


def fake(name, *fixtures, path="tests/test_x.py", transaction=False, serialized=True):
    marker = SimpleNamespace(kwargs={"transaction": transaction, "serialized_rollback": serialized})
    return SimpleNamespace(
        name=name,
        nodeid=f"{path}::{name}",
        path=Path(path),
        fixturenames=["db", *fixtures],
        get_closest_marker=lambda _name: marker,
    )


def test_a_modules_tests_run_from_the_fewest_kept_rows_to_the_most():
    items = [
        fake("reads_reports", "kept_seeds", "kept_reports"),
        fake("plain"),
        fake("reads_seeds", "kept_seeds"),
        fake("other_module", "kept_world", path="tests/test_y.py"),
    ]
    ordered = [item.name for item in in_kept_order(items)]
    assert ordered == ["plain", "reads_seeds", "reads_reports", "other_module"]


def test_kept_rows_of_two_kinds_in_one_module_are_refused():
    tests = [fake("reads_seeds", "kept_seeds"), fake("reads_world", "kept_world")]
    with pytest.raises(pytest.UsageError, match="would see the rows"):
        check(Path("tests/test_x.py"), tests)


def test_a_transactional_test_without_serialized_rollback_is_refused():
    tests = [fake("commits", transaction=True, serialized=False)]
    with pytest.raises(pytest.UsageError, match="serialized_rollback"):
        in_kept_order(tests)


def test_a_transactional_test_beside_kept_rows_is_refused():
    tests = [fake("reads_seeds", "kept_seeds"), fake("commits", transaction=True)]
    with pytest.raises(pytest.UsageError, match="transactional"):
        check(Path("tests/test_x.py"), tests)

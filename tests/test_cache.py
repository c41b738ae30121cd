"""The cache of validated libraries: never stale, damaged entries ignored, owner-only."""

import os
import stat
import sys

import pytest

from goedgenoeg import cache
from goedgenoeg.library import LibraryError, bundled_dir, load_all, load_library

LIBRARY = """\
id: eigen
version: "1"
title: {{nl: Eigen vragen, en: Own questions}}
sections:
  - id: deel
    title: {{nl: Deel}}
    prompts:
      - id: vraag
        kind: text
        text: {{nl: "{question}"}}
        help: {{nl: Waarom}}
        source: "goedgenoeg-2025 §3.1"
"""
IDS = {"goedgenoeg-2025"}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache" / "libraries"
    monkeypatch.setenv("GOEDGENOEG_CACHE_DIR", str(folder))
    return folder


def write(tmp_path, question):
    path = tmp_path / "eigen.yaml"
    path.write_text(LIBRARY.format(question=question), encoding="utf-8")
    return path


def entries(folder):
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_a_second_load_is_served_from_the_cache(tmp_path, cache_dir, monkeypatch):
    path = write(tmp_path, "Een vraag?")
    first = load_library(path, IDS)
    assert len(entries(cache_dir)) == 1
    from goedgenoeg import library

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(library, "parse_data", no_yaml)
    monkeypatch.setattr(library, "parse_yaml", no_yaml)
    second = load_library(path, IDS)
    assert second == first


def test_a_changed_library_file_is_read_again(tmp_path, cache_dir):
    path = write(tmp_path, "Een vraag?")
    assert load_library(path, IDS).library.sections[0].prompts[0].text.nl == "Een vraag?"
    path.write_text(LIBRARY.format(question="Een andere vraag?"), encoding="utf-8")
    assert load_library(path, IDS).library.sections[0].prompts[0].text.nl == "Een andere vraag?"
    # and a change that breaks it is reported, not hidden behind the good entry
    path.write_text(LIBRARY.format(question="x").replace("kind: text", "kind: txet"), encoding="utf-8")
    with pytest.raises(LibraryError) as err:
        load_library(path, IDS)
    assert err.value.problems[0].path == str(path) and err.value.problems[0].line == 9


def test_another_bibliography_is_another_entry(tmp_path, cache_dir):
    path = write(tmp_path, "Een vraag?")
    load_library(path, IDS)
    with pytest.raises(LibraryError) as err:
        load_library(path, {"iets-anders"})
    assert "source 'goedgenoeg-2025' is not in the bibliography" in err.value.lines("en")[0]


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path, cache_dir):
    path = write(tmp_path, "Een vraag?")
    fresh = load_library(path, IDS)
    (entry,) = entries(cache_dir)
    good = entry.read_bytes()
    damaged = [
        b"",
        good[: len(good) // 2],
        b"not json at all\n{}",
        good.replace(b'"Een vraag?"', b'""'),  # valid JSON, invalid library
        good.rsplit(b"\n", 1)[0] + b"\n[]",  # the line map replaced: it no longer matches its hash
        good.replace(b'"Een vraag?"', b'"Iets wat er nooit stond"').replace(cache.__version__.encode(), b"0.0.0-old"),
    ]
    for data in damaged:
        entry.write_bytes(data)
        os.chmod(entry, 0o600)
        loaded = load_library(path, IDS)
        assert loaded == fresh
        assert entry.read_bytes() == good  # written again, whole


def test_an_entry_others_could_write_is_not_trusted(tmp_path, cache_dir):
    if os.name != "posix":
        pytest.skip("permissions are POSIX")
    path = write(tmp_path, "Een vraag?")
    load_library(path, IDS)
    (entry,) = entries(cache_dir)
    entry.write_bytes(entry.read_bytes().replace(b'"Een vraag?"', b'"Untergeschoben?"'))
    os.chmod(entry, 0o666)
    assert load_library(path, IDS).library.sections[0].prompts[0].text.nl == "Een vraag?"


def test_the_cache_folder_is_owner_only_and_its_files_too(tmp_path, cache_dir):
    if os.name != "posix":
        pytest.skip("permissions are POSIX")
    old = os.umask(0o022)
    try:
        load_library(write(tmp_path, "Een vraag?"), IDS)
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_dir.parent.stat().st_mode) == 0o700  # a parent it made too
    (entry,) = entries(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not list(cache_dir.glob(".*.tmp"))  # written atomically, no leftovers


def test_the_bundled_libraries_are_the_same_with_and_without_the_cache(cache_dir, monkeypatch):
    monkeypatch.setenv("GOEDGENOEG_NO_CACHE", "1")
    plain = load_all()
    assert entries(cache_dir) == []  # switched off: nothing written
    monkeypatch.delenv("GOEDGENOEG_NO_CACHE")
    written = load_all()
    assert len(entries(cache_dir)) == len(plain.libraries)
    served = load_all()
    for a, b, c in zip(plain.libraries, written.libraries, served.libraries, strict=True):
        assert a == b == c
        assert a.library.model_dump() == c.library.model_dump()
    assert plain.stamps() == served.stamps()


def test_the_default_cache_is_the_users_cache_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GOEDGENOEG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    if sys.platform != "linux":
        pytest.skip("the XDG cache folder is Linux's")
    assert cache.cache_dir() == tmp_path / "xdg-cache" / "goedgenoeg" / "libraries"
    monkeypatch.setenv("GOEDGENOEG_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_old_entries_are_removed_when_a_new_one_is_written(tmp_path, cache_dir):
    path = write(tmp_path, "Een vraag?")
    load_library(path, IDS)
    (old,) = entries(cache_dir)
    leftover = cache_dir / ".abc.json.x1y2.tmp"  # an interrupted write
    leftover.write_bytes(b"half")
    long_ago = old.stat().st_mtime - 31 * 24 * 3600
    for file in (old, leftover):
        os.utime(file, (long_ago, long_ago))
    path.write_text(LIBRARY.format(question="Een andere vraag?"), encoding="utf-8")
    cache._PRUNED.clear()  # the folder is pruned once per run (issue 22): this load is the next run
    load_library(path, IDS)
    (new,) = entries(cache_dir)
    assert new != old and not leftover.exists()
    # an entry written recently stays
    path.write_text(LIBRARY.format(question="Een derde vraag?"), encoding="utf-8")
    load_library(path, IDS)
    assert new in entries(cache_dir) and len(entries(cache_dir)) == 2


def test_the_bundled_folder_is_never_written(cache_dir):
    before = sorted(p.name for p in bundled_dir().iterdir())
    load_all()
    assert sorted(p.name for p in bundled_dir().iterdir()) == before

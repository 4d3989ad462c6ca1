"""Where --results goes: checked first, written through links, never replacing a non-file."""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from newsquiz.results_target import (
    TargetError,
    TargetKind,
    results_target,
    write_results_text,
)


def _write(text: str, cwd: Path, content: str = '{"ok": 1}\n') -> io.StringIO:
    stdout = io.StringIO()
    write_results_text(results_target(text, cwd), content, stdout)
    return stdout


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_standard_output(name: str, tmp_path: Path) -> None:
    assert results_target(name, tmp_path).kind is TargetKind.STDOUT
    assert _write(name, tmp_path).getvalue() == '{"ok": 1}\n'


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        _write("r.json", tmp_path)
    finally:
        os.umask(umask)
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == '{"ok": 1}\n'
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "kept.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    (tmp_path / "hop").symlink_to(real)
    (tmp_path / "r.json").symlink_to("hop")  # a chain of two links
    target = results_target("r.json", tmp_path)
    assert (target.kind, target.path) == (TargetKind.FILE, real)
    _write("r.json", tmp_path)
    assert (tmp_path / "r.json").is_symlink()
    assert real.read_text(encoding="utf-8") == '{"ok": 1}\n'
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["kept.json"]


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    (tmp_path / "r.json").symlink_to("made.json")
    _write("r.json", tmp_path)
    assert (tmp_path / "r.json").is_symlink()
    assert (tmp_path / "made.json").read_text(encoding="utf-8") == '{"ok": 1}\n'


def test_character_devices_are_written_plainly(tmp_path: Path) -> None:
    target = results_target("/dev/null", tmp_path)
    assert target.kind is TargetKind.STREAM
    _write("/dev/null", tmp_path)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(OSError, match="No space left"):
        _write("/dev/full", tmp_path)


def test_a_fifo_is_written_plainly_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        # The reader opens the FIFO in its own time: retry until it is there.
        errors: list[str] = []
        for _ in range(200):
            try:
                _write("pipe", tmp_path)
                break
            except OSError as exc:
                errors.append(str(exc))
                threading.Event().wait(0.01)
        assert all("no program is reading" in e for e in errors)
    finally:
        reader.join(timeout=10)
    assert received == [b'{"ok": 1}\n']
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_nobody_reads_fails_at_once_instead_of_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert results_target("pipe", tmp_path).kind is TargetKind.STREAM
    with pytest.raises(OSError, match="no program is reading this FIFO"):
        _write("pipe", tmp_path)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing/r.json", "target.no_folder"),
        (".", "target.is_folder"),
        ("/dev/nonexistent-device", "target.no_file"),
        ("/proc/self", "target.is_folder"),
        ("", "target.empty"),
        ("new/", "target.folder_name"),
    ],
)
def test_refused_before_the_first_question(name: str, reason: str, tmp_path: Path) -> None:
    with pytest.raises(TargetError) as caught:
        results_target(name, tmp_path)
    assert caught.value.key == reason


def test_a_socket_or_block_device_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(TargetError, match=r"target\.not_file"):
            results_target("sock", tmp_path)
    finally:
        server.close()
    blocks = [f"/dev/{n}" for n in ("loop0", "sda", "vda", "nvme0n1")]
    for device in (d for d in blocks if os.path.exists(d)):
        with pytest.raises(TargetError, match=r"target\.not_file"):
            results_target(device, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in any folder")
def test_an_unwritable_folder_or_file_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ro.json").write_text("x", encoding="utf-8")
    (tmp_path / "ro.json").chmod(0o400)
    locked.chmod(0o500)
    try:
        with pytest.raises(TargetError, match=r"target\.folder_locked"):
            results_target("locked/r.json", tmp_path)
        with pytest.raises(TargetError, match=r"target\.read_only"):
            results_target("ro.json", tmp_path)
    finally:
        locked.chmod(0o700)


def test_the_old_file_stays_whole_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.json").write_text("old", encoding="utf-8")
    target = results_target("r.json", tmp_path)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_results_text(target, "new", io.StringIO())
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_a_file_that_became_a_fifo_meanwhile_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("old", encoding="utf-8")
    target = results_target("r.json", tmp_path)
    (tmp_path / "r.json").unlink()
    os.mkfifo(tmp_path / "r.json")
    with pytest.raises(OSError, match="no longer a regular file"):
        write_results_text(target, "new", io.StringIO())
    assert stat.S_ISFIFO((tmp_path / "r.json").lstat().st_mode)

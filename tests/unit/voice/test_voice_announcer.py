"""The announcer's queue with a fake clock: order, no overlap, recalls wait, never raises."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from voice_fakes import WAIT_S, FakeClock, FakeEngine, FakePlayer

from kiosk.voice import announcer as announcer_mod
from kiosk.voice.announcer import GAP_S, Announcer, PlayRecord
from kiosk.voice.audio import read_wav
from kiosk.voice.clip import DEFAULT_CHIME, LEAD_S, PAUSE_S, TAIL_S
from kiosk.voice.engine import SynthesisError
from kiosk.voice.text import Announcement

CHIME_S = read_wav(DEFAULT_CHIME).duration


@pytest.fixture
def announcer(engine: FakeEngine, player: FakePlayer, clock: FakeClock) -> Iterator[Announcer]:
    ann = Announcer(engine, player, clock)
    yield ann
    if player.gate is not None:
        player.gate.set()
    assert ann.close(timeout=WAIT_S)


def assert_in_order_without_overlap(log: list[PlayRecord], gap: float = GAP_S) -> None:
    for prev, cur in itertools.pairwise(log):
        assert cur.start >= prev.end + gap - 1e-9, (prev, cur)
    for rec in log:
        assert rec.end >= rec.start


def test_calls_play_in_order_one_after_another(
    announcer: Announcer, player: FakePlayer, clock: FakeClock
) -> None:
    numbers = ["A001", "A002", "B001", "A003", "C001"]
    for i, number in enumerate(numbers):
        assert announcer.announce(Announcement.call(number, i + 1))
    assert announcer.wait_idle(WAIT_S)
    log = announcer.log
    assert [r.text for r in log] == [f"请{n}号到{i + 1}号窗口办理" for i, n in enumerate(numbers)]
    assert_in_order_without_overlap(log)
    # Each clip took exactly its own length on the clock: played to the end, not cut.
    assert [round(r.end - r.start, 6) for r in log] == [round(d, 6) for _, d in player.plays]
    assert all(r.spoken and not r.error for r in log)


def test_clip_is_chime_then_speech_twice(
    announcer: Announcer, engine: FakeEngine, player: FakePlayer
) -> None:
    announcer.announce(Announcement.call("A012", 3))
    assert announcer.wait_idle(WAIT_S)
    spoken = "请 A 零 一 二 号到 3 号窗口办理"
    assert engine.calls == [(spoken, "zh")]
    speech_s = round(0.1 * len(spoken) * 22050) / 22050
    expected = CHIME_S + LEAD_S + speech_s + PAUSE_S + speech_s + TAIL_S
    assert abs(player.plays[0][1] - expected) < 2 / 22050
    chime = read_wav(DEFAULT_CHIME).samples
    assert player.samples[0][: len(chime)] == chime  # starts with the chime, untouched


def test_announce_returns_at_once_and_speech_is_off_the_callers_thread(
    announcer: Announcer, player: FakePlayer
) -> None:
    player.gate = threading.Event()
    announcer.call("A001", 1)
    assert player.started.wait(WAIT_S)  # the worker is now stuck inside play()
    for n in range(2, 6):
        announcer.call(f"A00{n}", n)  # would hang here if announce() waited for playback
    assert announcer.pending == 5 and announcer.log == []
    player.gate.set()
    assert announcer.wait_idle(WAIT_S)
    assert len(announcer.log) == 5
    assert {t.name for t in player.threads} == {"announcer"}
    assert threading.current_thread() not in player.threads


def test_recall_made_while_a_call_plays_waits_its_turn(
    announcer: Announcer, engine: FakeEngine, player: FakePlayer
) -> None:
    player.gate = threading.Event()
    first = announcer.call("A012", 3)
    assert player.started.wait(WAIT_S)
    announcer.call("A013", 4)
    recall = announcer.call("A012", 3)  # the clerk presses 重呼 while A012 is still sounding
    player.gate.set()
    assert announcer.wait_idle(WAIT_S)
    log = announcer.log
    assert [r.announcement for r in log] == [first, Announcement.call("A013", 4), recall]
    assert_in_order_without_overlap(log)
    assert log[2].start >= log[1].end  # after A013, not cutting into anything
    assert len(engine.calls) == 2  # the recall reused A012's synthesized speech


def test_calls_from_many_threads_never_overlap(announcer: Announcer, player: FakePlayer) -> None:
    def window(no: int) -> None:
        for k in range(10):
            announcer.call(f"A{no}{k:02d}", no)

    threads = [threading.Thread(target=window, args=(no,)) for no in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT_S)
    assert announcer.wait_idle(WAIT_S)
    log = announcer.log
    assert len(log) == 40
    assert_in_order_without_overlap(log)
    for no in range(1, 5):  # each window's calls keep their own order
        mine = [r.text for r in log if r.text.endswith(f"到{no}号窗口办理")]
        assert mine == [f"请A{no}{k:02d}号到{no}号窗口办理" for k in range(10)]


def test_gap_is_waited_on_the_clock_only_when_calls_follow_each_other(
    announcer: Announcer, clock: FakeClock
) -> None:
    announcer.call("A001", 1)
    assert announcer.wait_idle(WAIT_S)
    assert clock.sleeps == []
    clock.advance(60)  # a quiet minute: the next call starts at once
    announcer.call("A002", 1)
    announcer.call("A003", 1)
    assert announcer.wait_idle(WAIT_S)
    assert clock.sleeps == [pytest.approx(GAP_S)]


def test_no_engine_warns_once_never_raises_and_still_chimes(
    player: FakePlayer, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"):
        ann = Announcer(None, player, clock)
        for n in range(3):
            ann.call(f"A00{n}", 1)
        assert ann.wait_idle(WAIT_S)
        assert ann.close(timeout=WAIT_S)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "no text-to-speech" in warnings[0].getMessage()
    assert ann.has_speech is False
    assert len(ann.log) == 3 and not any(r.spoken for r in ann.log)
    for _, duration in player.plays:
        assert abs(duration - (CHIME_S + TAIL_S)) < 2 / 22050
    assert_in_order_without_overlap(ann.log)


def test_auto_engine_probe_runs_on_the_worker(
    monkeypatch: pytest.MonkeyPatch, player: FakePlayer, clock: FakeClock
) -> None:
    probed_on: list[str] = []

    def probe() -> None:
        probed_on.append(threading.current_thread().name)
        return None

    monkeypatch.setattr(announcer_mod, "available_engine", probe)
    with Announcer("auto", player, clock) as ann:
        ann.call("A001", 1)
        assert ann.wait_idle(WAIT_S)
    assert probed_on == ["announcer"]
    assert len(ann.log) == 1


def test_failing_synthesis_warns_once_and_plays_the_chime(
    player: FakePlayer, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    class Failing:
        def synthesize(self, text: str, lang: str, path: Path) -> float:
            raise SynthesisError("voice missing")

    with (
        caplog.at_level(logging.WARNING, logger="kiosk.voice"),
        Announcer(Failing(), player, clock) as ann,
    ):
        ann.call("A001", 1)
        ann.call("A002", 1)
        assert ann.wait_idle(WAIT_S)
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1
    assert [r.spoken for r in ann.log] == [False, False]


def test_failing_player_warns_once_and_the_queue_goes_on(
    engine: FakeEngine, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def play(self, path: Path) -> None:
            raise OSError("no sound card")

    with (
        caplog.at_level(logging.WARNING, logger="kiosk.voice"),
        Announcer(engine, Broken(), clock) as ann,
    ):
        for n in range(3):
            ann.call(f"A00{n}", 1)
        assert ann.wait_idle(WAIT_S)
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1
    assert len(ann.log) == 3 and all("no sound card" in r.error for r in ann.log)


def test_close_drains_then_refuses(
    engine: FakeEngine, player: FakePlayer, clock: FakeClock
) -> None:
    ann = Announcer(engine, player, clock)
    for n in range(3):
        ann.call(f"A00{n}", 1)
    assert ann.close(timeout=WAIT_S)
    assert len(ann.log) == 3
    assert ann.announce(Announcement.call("A009", 1)) is False
    assert ann.close(timeout=WAIT_S)  # idempotent


def test_close_without_drain_finishes_the_current_clip_only(
    engine: FakeEngine, player: FakePlayer, clock: FakeClock
) -> None:
    ann = Announcer(engine, player, clock)
    player.gate = threading.Event()
    ann.call("A001", 1)
    assert player.started.wait(WAIT_S)
    ann.call("A002", 1)
    ann.call("A003", 1)
    assert ann.close(drain=False, timeout=0) is False  # still playing A001
    assert ann.pending == 1
    player.gate.set()
    assert ann.close(timeout=WAIT_S)
    log = ann.log
    assert [r.text for r in log] == ["请A001号到1号窗口办理"]
    assert log[0].end - log[0].start == pytest.approx(player.plays[0][1])  # not cut off


def test_free_text_announcement_repeat_and_no_chime(
    announcer: Announcer, engine: FakeEngine, player: FakePlayer
) -> None:
    announcer.announce(Announcement("大厅将于17:00停止取号", repeat=1, chime=False))
    assert announcer.wait_idle(WAIT_S)
    spoken = engine.calls[0][0]
    speech_s = round(0.1 * len(spoken) * 22050) / 22050
    assert abs(player.plays[0][1] - (speech_s + TAIL_S)) < 2 / 22050

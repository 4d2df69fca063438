"""Catching up with the center after a restore: the center is the hall's off-site copy.

A hall whose store was restored from a backup, or copied without its -wal file, is behind what
the center already acknowledged: the center's ack is beyond the local head, and pushing would
never move it again. Such a hall reads the missing tail of its own log back from the center and
replays it (original seq, id and time, through the projector, in one transaction on the writer),
then syncs on as before.

If the hall wrote new events after the restore before it could reach the center, the two logs
have forked: the same seq means different things. No machine can merge that safely (the same
ticket number may have been given twice), so sync stops, says so, and raises an alert.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.center.client import CenterClient
from kiosk.engine.base import HallBase
from kiosk.errors import Conflict
from kiosk.events import Event

PAGE = 2000
REPLAY_TIMEOUT_S = 600.0
Progress = Callable[[int, int], None]


class SyncDiverged(Conflict):
    """The hall's log and the center's copy of it disagree; `key` names the problem once."""

    code = "sync_diverged"

    def __init__(self, message_zh: str, message_en: str, key: str) -> None:
        super().__init__(message_zh, message_en)
        self.key = key


def behind_message(head: int, acked: int) -> tuple[str, str]:
    return (
        f"本厅数据落后于市中心：本地只到第 {head} 条事件，中心已收到第 {acked} 条"
        "（可能从备份恢复过，或丢失了 -wal 文件），正在从中心取回缺失的事件",
        f"this hall's store is behind the center: the local log ends at seq {head} but the "
        f"center holds up to {acked} (restored from a backup, or a lost -wal file); "
        "recovering the missing events from the center",
    )


def forked(seq: int, local_id: str, center_id: str) -> SyncDiverged:
    return SyncDiverged(
        f"本厅的事件记录与市中心的副本在第 {seq} 条不一致：从备份恢复后本厅又产生了新的业务。"
        "已停止同步以免覆盖数据，请联系技术支持（停止服务，保留当前 hall.db 备查，"
        "恢复备份后运行 kiosk sync）",
        f"this hall's event log and the center's copy differ at seq {seq} (local {local_id}, "
        f"center {center_id}): the hall wrote new events after a restore. Sync has stopped so "
        "nothing is overwritten; a technician must stop the server, keep this hall.db aside, "
        "restore a backup and run `kiosk sync`",
        key="forked",
    )


def check_same_history(hall: HallBase, client: CenterClient, seq: int) -> None:
    """Raises SyncDiverged if the event at `seq` differs between the hall and the center."""
    if seq < 1:
        return
    local = hall.events_after(seq - 1, 1)
    remote, _ = client.events_after(seq - 1, 1)
    if not local or not remote or local[0].seq != seq or int(remote[0]["seq"]) != seq:
        return  # one side does not hold it: nothing to compare
    if local[0].id.upper() != str(remote[0]["id"]).upper():
        raise forked(seq, local[0].id, str(remote[0]["id"]))


def _event(raw: Any, hall_code: str) -> Event:
    ok = (
        isinstance(raw, dict)
        and type(raw.get("seq")) is int
        and isinstance(raw.get("id"), str)
        and raw.get("hall") == hall_code
        and isinstance(raw.get("ts"), str)
        and isinstance(raw.get("type"), str)
        and isinstance(raw.get("payload"), dict)
        and all(raw.get(k) is None or isinstance(raw.get(k), str) for k in ("device", "actor"))
    )
    if not ok:
        raise SyncDiverged(
            "市中心返回的事件格式不正确，无法恢复",
            "the center sent back an event this hall cannot read; nothing was recovered",
            key="unreadable",
        )
    return Event(
        seq=raw["seq"],
        id=raw["id"],
        hall=hall_code,
        ts=raw["ts"],
        device=raw["device"],
        actor=raw["actor"],
        type=raw["type"],
        payload=raw["payload"],
    )


def fetch_tail(
    hall: HallBase, client: CenterClient, head: int, acked: int, progress: Progress | None = None
) -> list[Event]:
    """The center's events head+1..acked, checked to follow the local log without a gap."""
    tail: list[Event] = []
    after = head
    while after < acked:
        page, _ = client.events_after(after, PAGE)
        if not page:
            break
        for raw in page:
            ev = _event(raw, hall.code)
            if ev.seq != after + 1:
                raise SyncDiverged(
                    f"市中心的副本在第 {after + 1} 条处有缺口，无法恢复",
                    f"the center's copy has a gap at seq {after + 1}; nothing was recovered",
                    key=f"gap:{after + 1}",
                )
            tail.append(ev)
            after = ev.seq
        if progress:
            progress(after, acked)
    return tail


def replay(hall: HallBase, head: int, tail: list[Event]) -> None:
    """Appends the recovered events in one transaction on the writer thread, provided the
    hall wrote nothing after `head` meanwhile (that would be a fork)."""

    def run() -> None:
        with hall.transaction() as tx:
            if tx.next_seq != head + 1:
                local = tx.next_seq - 1
                raise SyncDiverged(
                    f"恢复期间本厅产生了新的事件（本地已到第 {local} 条），与中心的副本冲突",
                    f"the hall wrote new events (up to seq {local}) while recovering from seq "
                    f"{head}: its log and the center's have forked",
                    key="forked",
                )
            for ev in tail:
                tx.append(ev)

    hall.submit(run).result(timeout=REPLAY_TIMEOUT_S)


def recover_tail(
    hall: HallBase, client: CenterClient, acked: int, progress: Progress | None = None
) -> int:
    """Brings a hall that is behind the center back to the center's ack; returns how many
    events were recovered."""
    head = hall.last_seq
    if acked <= head:
        return 0
    check_same_history(hall, client, head)
    tail = fetch_tail(hall, client, head, acked, progress)
    if tail:
        replay(hall, head, tail)
    return len(tail)

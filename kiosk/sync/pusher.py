"""One round of sync: resume from the center's ack, push the rest in batches, pull the catalog.

The center is idempotent and acknowledges the highest contiguous sequence it holds, so a round
that dies in the middle (link drop, center restart) is simply repeated: nothing is lost, nothing
is stored twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk import limits
from kiosk.center.client import CenterClient
from kiosk.engine.hall import Hall
from kiosk.sync.catalog_apply import apply_center_catalog
from kiosk.sync.recover import behind_message, check_same_history, recover_tail

log = logging.getLogger(__name__)

BATCH = limits.SYNC_BATCH_EVENTS  # at the largest event size still one center request
Progress = Callable[[int, int], None]  # (acked seq, hall's last seq)


@dataclass
class SyncSummary:
    acked_before: int = 0
    acked_after: int = 0
    last_seq: int = 0
    pushed: int = 0
    batches: int = 0
    catalog_applied: str | None = None
    recovered: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def lag(self) -> int:
        return self.last_seq - self.acked_after


def sync_once(
    hall: Hall,
    client: CenterClient,
    batch: int = BATCH,
    progress: Progress | None = None,
    *,
    verify: bool = True,
    notice: Callable[[str, str], None] | None = None,
) -> SyncSummary:
    """One round. `verify` first checks that the hall's log and the center's copy agree where
    they overlap (a restored hall that wrote new events has forked: SyncDiverged); a hall
    behind the center's ack recovers the missing tail first. `notice(zh, en)` hears about it."""
    summary = SyncSummary()
    summary.acked_before = acked = client.acked()
    head = hall.last_seq
    if acked > head:
        zh, en = behind_message(head, acked)
        log.warning(en)
        if notice:
            notice(zh, en)
        summary.recovered = recover_tail(hall, client, acked, progress)
    elif verify:
        check_same_history(hall, client, acked)
    _push_all(hall, client, summary, summary.acked_before, batch, progress)
    latest = client.latest_catalog(hall.catalog.version)
    if latest is not None and latest.get("version") != hall.catalog.version:
        summary.catalog_applied = apply_center_catalog(hall, latest["catalog"])
        # applying it was an event too: send it in the same round
        _push_all(hall, client, summary, summary.acked_after, batch, progress)
    return summary


def _push_all(
    hall: Hall,
    client: CenterClient,
    summary: SyncSummary,
    acked: int,
    batch: int,
    progress: Progress | None,
) -> None:
    last = summary.last_seq = hall.last_seq
    if progress:
        progress(acked, last)
    sent = 0
    while acked < last:
        events = [e.to_dict() for e in hall.events_after(acked, batch)]
        if not events:
            break
        new_ack = client.push(events, last_seq=last, catalog_version=hall.catalog.version)
        summary.pushed += len(events)
        summary.batches += 1
        sent += 1
        if new_ack <= acked:
            summary.errors.append(f"the center did not advance past {acked}")
            break
        acked = new_ack
        if progress:
            progress(acked, last)
    if sent == 0:
        acked = client.push([], last_seq=last, catalog_version=hall.catalog.version)  # heartbeat
    summary.acked_after = acked

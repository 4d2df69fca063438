"""The hall as the kiosk knows it: catalog, waiting counts and the search index, kept current.

Counts move by push: the kiosk follows the hall (ui.common.follow) from GET /queue, and the live
stream's ticket and window events each ask for the snapshot again, coalesced into one request
for events arriving together (a busy minute at twenty windows). There is no periodic polling. A
``catalog.applied`` event, or the hall's own FAQ or notice being published or retired, reloads
the catalog and rebuilds the search index on a worker thread (pinyin forms take ~70 ms for the
sample). A ``stream.reset`` (the server's log is behind what the kiosk saw) reloads the catalog
as well, and the feed follows on from the new snapshot.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ui.common import paths
from ui.common.api import ApiError, HallApi
from ui.common.follow import Follow
from ui.ticket_kiosk.catalog import CatalogView, Waiting, queue_counts
from ui.ticket_kiosk.issuing import IssuingState
from ui.ticket_kiosk.workers import Workers

if TYPE_CHECKING:
    from kiosk.search import SearchIndex

log = logging.getLogger(__name__)
QUEUE_EVENTS = ("ticket.", "window.", "day.")
KNOWLEDGE_EVENTS = ("faq.published", "faq.retired", "notice.published", "notice.retired")


def build_index(catalog: dict[str, Any]) -> SearchIndex:
    """Runs on a worker thread: importing pypinyin and indexing take a few hundred ms."""
    from kiosk.search import SearchIndex, docs_from_catalog

    return SearchIndex.build(docs_from_catalog(catalog))


class HallState(QObject):
    catalogChanged = Signal()
    queueChanged = Signal()
    searchReady = Signal()
    liveEvent = Signal(dict)  # every live event, for screens that care (help-desk presence)

    def __init__(
        self, api: HallApi, follow: Follow, workers: Workers, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.api, self.follow, self.workers = api, follow, workers
        self.catalog: CatalogView | None = None
        self.counts: dict[str, Waiting] = {}
        self.index: SearchIndex | None = None
        self.queue_loaded = False
        self.issuing = IssuingState(api, self)  # tickets left, hours, real-name per category
        follow.loaded.connect(self._got_queue)
        follow.failed.connect(lambda e: self._failed("queue", e))
        follow.received.connect(self._on_event)
        follow.reset.connect(lambda _head: self.load_catalog())

    @property
    def ready(self) -> bool:
        return self.catalog is not None and self.queue_loaded

    def load(self) -> None:
        """(Re)reads everything and follows the hall: at start and whenever the server is back."""
        self.load_catalog()
        self.issuing.load()
        if self.follow.following:
            self.follow.refresh()
        else:
            self.follow.start()

    def load_catalog(self) -> None:
        call = self.api.get(paths.CATALOG)
        call.succeeded.connect(self._got_catalog)
        call.failed.connect(lambda e: self._failed("catalog", e))

    def _failed(self, what: str, error: ApiError) -> None:
        log.warning("GET %s failed: %s %s", what, error.status, error.detail_en)

    def _got_catalog(self, body: object) -> None:
        if not isinstance(body, dict):
            return
        old = self.catalog
        self.catalog = CatalogView.from_json(body)
        self.catalogChanged.emit()
        if (
            old is None
            or old.version != self.catalog.version
            or old.disabled != self.catalog.disabled
            or old.faqs != self.catalog.faqs
            or old.notices != self.catalog.notices
        ):
            source = self.catalog.search_source()
            self.workers.submit(lambda: build_index(source), self._got_index)

    def _got_index(self, index: SearchIndex) -> None:
        self.index = index
        self.searchReady.emit()

    def _got_queue(self, body: object) -> None:
        if not isinstance(body, dict):
            return
        self.counts = queue_counts(body)
        self.queue_loaded = True
        self.queueChanged.emit()

    def _on_event(self, ev: dict[str, Any]) -> None:
        self.issuing.on_event(ev)
        kind = str(ev.get("type", ""))
        if kind.startswith(QUEUE_EVENTS):
            self.follow.refresh_soon()
        elif kind == "catalog.applied" or kind in KNOWLEDGE_EVENTS:
            self.load_catalog()
        self.liveEvent.emit(ev)

    def waiting(self, code: str) -> Waiting:
        return self.counts.get(code, Waiting())

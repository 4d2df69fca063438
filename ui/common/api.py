"""The hall server over HTTP, asynchronously, on Qt's network stack.

Every call returns an ApiCall at once and reports by signal, so the GUI thread never waits on
the network. Errors arrive as ApiError with the server's Chinese and English messages (from
application/problem+json) or, when the server cannot be reached, a network error.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QUrl, QUrlQuery, Signal
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

DEFAULT_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class ApiError:
    status: int  # 0 when the server could not be reached
    code: str
    detail_zh: str
    detail_en: str
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def network(self) -> bool:
        return self.status == 0

    def message(self, lang: str) -> str:
        return self.detail_zh if lang == "zh" else self.detail_en


NETWORK_ERROR_ZH = "暂时无法连接服务器"
NETWORK_ERROR_EN = "the hall server cannot be reached"


class ApiCall(QObject):
    """One request in flight: `succeeded(object)` with the JSON body (None for 204), or
    `failed(ApiError)`; `done()` after either."""

    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, reply: QNetworkReply, parent: QObject, raw: bool = False) -> None:
        super().__init__(parent)
        self.reply = reply
        self.raw = raw  # succeeded(bytes): a file (a report as XLSX or PDF), not JSON
        self.status = 0
        reply.finished.connect(self._finished)

    def _finished(self) -> None:
        reply = self.reply
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        self.status = int(status) if status is not None else 0
        # a reply cut off by its transfer timeout is closed: reading it only draws a Qt warning
        raw = bytes(reply.readAll().data()) if reply.isOpen() else b""
        reply.deleteLater()
        body: Any = None
        if raw and self.raw and 200 <= self.status < 400:
            self.succeeded.emit(raw)
            self.done.emit()
            self.deleteLater()
            return
        if raw:
            try:
                body = json.loads(raw.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                body = None
        if self.status == 0:
            self.failed.emit(ApiError(0, "network", NETWORK_ERROR_ZH, NETWORK_ERROR_EN))
        elif self.status >= 400:
            b = body if isinstance(body, dict) else {}
            self.failed.emit(
                ApiError(
                    self.status,
                    str(b.get("type", "")).rsplit("/", 1)[-1] or f"http_{self.status}",
                    str(b.get("detail_zh") or "请求失败，请稍后再试"),
                    str(b.get("detail") or f"HTTP {self.status}"),
                    b,
                )
            )
        else:
            self.succeeded.emit(body)
        self.done.emit()
        self.deleteLater()


class HallApi(QObject):
    """A client of one hall server with one token (device or clerk session)."""

    reachable = Signal(bool)

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout_ms = timeout_ms
        self._nam = QNetworkAccessManager(self)
        self._reachable: bool | None = None

    def set_token(self, token: str | None) -> None:
        self.token = token

    def url(self, path: str, params: dict[str, Any] | None = None) -> QUrl:
        url = QUrl(self.base_url + path)
        if params:
            query = QUrlQuery()
            for k, v in params.items():
                query.addQueryItem(k, str(v))
            url.setQuery(query)
        return url

    def _request(
        self, path: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None
    ) -> QNetworkRequest:
        req = QNetworkRequest(self.url(path, params))
        req.setTransferTimeout(timeout_ms or self.timeout_ms)
        req.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
        req.setRawHeader(b"Accept", b"application/json")
        if self.token:
            req.setRawHeader(b"Authorization", f"Bearer {self.token}".encode())
        return req

    def _track(self, call: ApiCall) -> ApiCall:
        call.done.connect(lambda: self._note(call.status != 0))
        return call

    def _note(self, ok: bool) -> None:
        if ok != self._reachable:
            self._reachable = ok
            self.reachable.emit(ok)

    def get(self, path: str, params: dict[str, Any] | None = None) -> ApiCall:
        return self._track(ApiCall(self._nam.get(self._request(path, params)), self))

    def get_raw(
        self, path: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None
    ) -> ApiCall:
        """A file: `succeeded` carries its bytes; errors are problem+json as for any call."""
        req = self._request(path, params, timeout_ms)
        return self._track(ApiCall(self._nam.get(req), self, raw=True))

    def post(
        self, path: str, body: dict[str, Any] | None = None, idempotency_key: str | None = None
    ) -> ApiCall:
        req = self._request(path)
        if idempotency_key:
            req.setRawHeader(b"Idempotency-Key", idempotency_key.encode())
        data = QByteArray(json.dumps(body or {}, ensure_ascii=False).encode("utf-8"))
        return self._track(ApiCall(self._nam.post(req, data), self))

    def delete(self, path: str) -> ApiCall:
        return self._track(ApiCall(self._nam.deleteResource(self._request(path)), self))


def new_request_id() -> str:
    """An id for one citizen tap, so a retried request never issues a second ticket."""
    return uuid.uuid4().hex

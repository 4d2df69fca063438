"""The hall's knowledge base: FAQs and notices, drafted, edited, published and retired.

Every step is an event carrying the full content, so the kiosk can index a published entry the
moment its event arrives (no second request), the center receives the text with the log, and a
rebuild restores drafts as well as published entries. Editing a published entry republishes it
(a second `*.published` event), so whoever follows the stream only needs `published`/`retired`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from kiosk.engine.base import Actor, HallBase, Tx
from kiosk.engine.helpdesk.knowledge_docs import (
    EVENTS,
    KINDS,
    NAMES,
    catalog_entry,
    content_keys,
    entry_view,
)
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType
from kiosk.ids import ulid

WHAT = {"faq": ("常见问题", "FAQ"), "notice": ("通知公告", "notice")}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise NotFound("没有这类内容", f"no such kind: {kind}")


def entry_row(conn: sqlite3.Connection, kind: str, entry_id: str) -> sqlite3.Row:
    _check_kind(kind)
    row = conn.execute(
        "SELECT * FROM knowledge WHERE id = ? AND kind = ?", (entry_id, kind)
    ).fetchone()
    if row is None:
        raise NotFound(f"未找到该{WHAT[kind][0]}", f"no {WHAT[kind][1]} {entry_id}")
    return row


def emit_entry(
    tx: Tx,
    kind: str,
    type_: EventType,
    entry_id: str,
    extra: Mapping[str, Any],
    actor: Actor,
) -> dict[str, Any]:
    tx.emit(type_, {f"{kind}_id": entry_id, "by": actor.clerk, **extra}, actor)
    return entry_view(entry_row(tx.conn, kind, entry_id))


def draft_in(
    tx: Tx,
    kind: str,
    body: Mapping[str, Any],
    actor: Actor,
    consultation_id: str | None = None,
) -> dict[str, Any]:
    """Emits `<kind>.drafted` in an open transaction (also used by "make this an FAQ")."""
    entry_id = f"H{kind[0].upper()}-{ulid()}"
    extra = {**body, "consultation_id": consultation_id, "revision": 1}
    return emit_entry(tx, kind, EVENTS[kind].drafted, entry_id, extra, actor)


class KnowledgeCommands(HallBase):
    def _validate(self, kind: str, content: Mapping[str, Any], publishing: bool) -> None:
        title, body = NAMES[kind]
        zh, en = WHAT[kind]
        if not str(content.get(f"{title}_zh") or "").strip():
            raise Invalid(f"{zh}的标题不能为空", f"the {en} needs a Chinese {title}")
        if publishing and not str(content.get(f"{body}_zh") or "").strip():
            raise Invalid(f"{zh}的内容不能为空", f"the {en} needs a Chinese {body} to publish")
        unknown = [c for c in content.get("items") or () if c not in self._item_codes()]
        if unknown:
            raise Invalid(f"未知的事项：{', '.join(unknown)}", f"unknown items: {unknown}")

    def _item_codes(self) -> set[str]:
        return {i.code for i in self.catalog.items}

    def create_entry(
        self,
        kind: str,
        content: Mapping[str, Any],
        actor: Actor,
        consultation_id: str | None = None,
    ) -> dict[str, Any]:
        _check_kind(kind)
        body = {k: content.get(k) for k in content_keys(kind)}
        self._validate(kind, body, publishing=False)
        with self.transaction() as tx:
            return draft_in(tx, kind, body, actor, consultation_id)

    def update_entry(
        self, kind: str, entry_id: str, changes: Mapping[str, Any], actor: Actor
    ) -> dict[str, Any]:
        """Changes the given fields; a published entry is republished with the new text."""
        with self.transaction() as tx:
            row = entry_row(tx.conn, kind, entry_id)
            current = entry_view(row)
            body = {k: changes.get(k, current[k]) for k in content_keys(kind)}
            published = row["status"] == "published"
            self._validate(kind, body, publishing=published)
            revision = row["revision"] + 1
            extra = {**body, "revision": revision}
            view = emit_entry(tx, kind, EVENTS[kind].edited, entry_id, extra, actor)
            if published:
                view = emit_entry(tx, kind, EVENTS[kind].published, entry_id, extra, actor)
            return view

    def publish_entry(self, kind: str, entry_id: str, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = entry_row(tx.conn, kind, entry_id)
            if row["status"] == "published":
                raise Conflict("已经发布", "already published")
            current = entry_view(row)
            body = {k: current[k] for k in content_keys(kind)}
            self._validate(kind, body, publishing=True)
            extra = {**body, "revision": row["revision"]}
            return emit_entry(tx, kind, EVENTS[kind].published, entry_id, extra, actor)

    def retire_entry(self, kind: str, entry_id: str, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = entry_row(tx.conn, kind, entry_id)
            if row["status"] == "retired":
                raise Conflict("已经停用", "already retired")
            was = row["status"]
            return emit_entry(tx, kind, EVENTS[kind].retired, entry_id, {"was": was}, actor)

    def entries(self, kind: str, status: str | None = None) -> list[dict[str, Any]]:
        _check_kind(kind)
        sql, args = "SELECT * FROM knowledge WHERE kind = ?", [kind]
        if status:
            sql, args = sql + " AND status = ?", [*args, status]
        rows = self.reader().execute(sql + " ORDER BY updated_at DESC, id", args).fetchall()
        return [entry_view(r) for r in rows]

    def entry(self, kind: str, entry_id: str) -> dict[str, Any]:
        return entry_view(entry_row(self.reader(), kind, entry_id))

    def knowledge_tag(self) -> str:
        """Changes with every knowledge-base event: part of GET /catalog's ETag."""
        row = self.reader().execute("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM knowledge")
        count, last = row.fetchone()
        return f"kb{count}.{last}"

    def published_for_catalog(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(FAQs, notices) that GET /catalog merges after the center's, marked source "hall"."""
        rows = (
            self.reader()
            .execute("SELECT * FROM knowledge WHERE status = 'published' ORDER BY published_at, id")
            .fetchall()
        )
        faqs = [catalog_entry(r, self.tz) for r in rows if r["kind"] == "faq"]
        notices = [catalog_entry(r, self.tz) for r in rows if r["kind"] == "notice"]
        return faqs, notices

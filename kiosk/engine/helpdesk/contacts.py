"""Call-back numbers (回电号码): shown in full to the one person who owns the question, and
erased once its retention is over.

Why here and not in the consultation's view: a number is personal data given for one purpose,
a call-back by the staff member responsible for the question (首问负责). Everyone else (another
help-desk user, a supervisor, a screen, the center) sees the masked form only. Each reveal is
logged as an event that names who looked, never the number, and the number is deleted
`contact_retention_days` (HallConfig.supervision, default 30) after the question was resolved
or turned into a ticket; neither event carries it, so neither the log nor the center ever does.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import SYSTEM, Actor, HallBase
from kiosk.engine.helpdesk.views import consultation_row
from kiosk.errors import Forbidden, NotFound
from kiosk.events import EventType

DONE = ("resolved", "converted")  # the question has left the desk


class NotOwner(Forbidden):
    code = "not_owner"


class ContactCommands(HallBase):
    def reveal_phone(self, ref: str, actor: Actor) -> dict[str, Any]:
        """The full call-back number, for the question's owner only; the reveal is logged."""
        with self.transaction() as tx:
            row = consultation_row(self, tx.conn, ref)
            if actor.clerk is None or row["owner"] != actor.clerk:
                raise NotOwner(
                    "只有该咨询的首问责任人可以查看完整回电号码",
                    "only the staff member who owns this question may see its call-back number",
                )
            found = tx.one("SELECT phone FROM contacts WHERE consultation_id = ?", row["id"])
            if found is None:
                raise NotFound(
                    "该咨询没有回电号码，或号码已按期删除",
                    "this question has no call-back number, or it has been erased",
                )
            tx.emit(
                EventType.CONSULTATION_PHONE_REVEALED,
                {"consultation_id": row["id"], "number": row["number"], "by": actor.clerk},
                actor,
            )
            return {"consultation_id": row["id"], "number": row["number"], "phone": found[0]}

    def erase_contacts(self) -> list[str]:
        """Deletes the numbers whose retention is over (a periodic duty); returns the
        consultation ids."""
        days = self.config.supervision.contact_retention_days
        cutoff = iso(self.clock.now() - timedelta(days=days))
        marks = ", ".join("?" * len(DONE))
        erased: list[str] = []
        with self.transaction() as tx:
            for r in tx.all(
                "SELECT c.consultation_id, q.number FROM contacts c"
                " JOIN consultations q ON q.id = c.consultation_id"
                f" WHERE c.created_at < ? AND q.status IN ({marks})"
                " AND COALESCE(q.resolved_at, q.updated_at, q.created_at) < ?",
                cutoff,
                *DONE,
                cutoff,
            ):
                tx.conn.execute("DELETE FROM contacts WHERE consultation_id = ?", (r[0],))
                tx.emit(
                    EventType.CONSULTATION_PHONE_ERASED,
                    {"consultation_id": r[0], "number": r[1]},
                    SYSTEM,
                )
                erased.append(r[0])
        return erased

"""The supervisor's thresholds (大厅主管), in one place: when the server raises an alert, how
early a case's deadline is recalled, how long a call-back number is kept.

A nested model of the hall config (`HallConfig.supervision`) with a default for every field, so
a hall config or a store written before it loads unchanged. docs/supervision-api.md lists the
fields; the older ones (`idle_window_minutes`, `case_deadline_days`) stay on HallConfig itself.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kiosk.domain import PauseReason

# How long a pause may last, per reason, before supervisors are told (minutes).
DEFAULT_PAUSE_LIMITS: dict[PauseReason, int] = {
    PauseReason.MEETING: 120,
    PauseReason.TRAINING: 240,
    PauseReason.MEAL: 45,
    PauseReason.SHORT_LEAVE: 15,
    PauseReason.SYSTEM_FAULT: 30,
    PauseReason.OTHER: 30,
}


class SupervisionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # a category's longest wait over this raises `long_wait` (a common target: 15 minutes)
    wait_alert_minutes: int = Field(default=15, ge=1, le=24 * 60)
    # 潮汐窗口: more than this many waiting in one category ...
    tidal_waiting: int = Field(default=20, ge=1)
    # ... or more than this many per open window serving it suggests opening another
    tidal_per_window: int = Field(default=10, ge=1)
    # a pause longer than its reason allows raises `pause_overrun`; reasons not listed keep
    # their defaults
    pause_limits_minutes: dict[PauseReason, int] = Field(default_factory=dict)
    # `case_due` this many working days before a case's deadline
    case_reminder_working_days: int = Field(default=1, ge=0, le=30)
    # a question unclaimed this long raises `unclaimed_consultation`; None: the help desk's own
    # setting (`kiosk` meta `helpdesk_unclaimed_minutes`), else 5
    unclaimed_question_minutes: int | None = Field(default=None, ge=1, le=24 * 60)
    # a call-back number is erased this many days after its question is resolved
    contact_retention_days: int = Field(default=30, ge=0, le=365)

    def pause_limit(self, reason: str) -> int:
        """Minutes a pause for `reason` may last before it is an overrun."""
        try:
            key = PauseReason(reason)
        except ValueError:
            key = PauseReason.OTHER
        return self.pause_limits_minutes.get(key, DEFAULT_PAUSE_LIMITS[key])

"""The hall's vocabulary (the words staff and citizens use) as plain enums, shared by every room.

Enum values are the wire and storage form: they appear in the event log, the API and the center,
so they never change once released.
"""

from __future__ import annotations

from enum import StrEnum


class HallLevel(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    TOWNSHIP = "township"


class WindowKind(StrEnum):
    COMPREHENSIVE = "comprehensive"  # 综合受理
    DEDICATED = "dedicated"  # 专窗
    GREEN = "green"  # 绿色通道
    ASSIST = "assist"  # 帮办代办


class Role(StrEnum):
    CLERK = "clerk"
    HELPDESK = "helpdesk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class DeviceRole(StrEnum):
    KIOSK = "kiosk"
    DISPLAY = "display"
    RATING_PAD = "rating_pad"
    CENTER_SYNC = "center_sync"


class Priority(StrEnum):
    NORMAL = "normal"
    GREEN = "green"  # 绿色通道: elderly, disabled, pregnant, urgent


class TicketSource(StrEnum):
    WALK_IN = "walk_in"
    APPOINTMENT = "appointment"
    CONSULTATION = "consultation"


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


ACTIVE_STATUSES = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})


class Outcome(StrEnum):
    COMPLETED = "completed"  # 办结
    ACCEPTED = "accepted"  # 受理
    CORRECTION = "correction"  # 补正
    REJECTED = "rejected"  # 不予受理


class WindowStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    PAUSED = "paused"


class PauseReason(StrEnum):
    MEETING = "meeting"  # 开会
    TRAINING = "training"  # 培训
    MEAL = "meal"  # 用餐
    SHORT_LEAVE = "short_leave"  # 临时离开
    SYSTEM_FAULT = "system_fault"  # 系统故障
    OTHER = "other"  # 其他 (note required)


class RatingChannel(StrEnum):
    PAD = "pad"
    PHONE = "phone"
    KIOSK = "kiosk"
    DEFAULT = "default"  # 7-day rule: no rating counts as 基本满意


class RatingTag(StrEnum):
    ATTITUDE = "attitude"  # 态度
    EFFICIENCY = "efficiency"  # 效率
    CUMBERSOME = "cumbersome"  # 流程繁琐
    EXTRA_MATERIALS = "extra_materials"  # 要求额外材料
    ENVIRONMENT = "environment"  # 环境
    OTHER = "other"  # 其他


RATING_LEVELS = {
    5: ("非常满意", "Very satisfied"),
    4: ("满意", "Satisfied"),
    3: ("基本满意", "Basically satisfied"),
    2: ("不满意", "Dissatisfied"),
    1: ("非常不满意", "Very dissatisfied"),
}
BAD_RATING_MAX = 2


class ConsultationStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"
    CONVERTED = "converted"
    REFERRED = "referred"


PAUSE_REASON_NAMES = {
    PauseReason.MEETING: ("开会", "Meeting"),
    PauseReason.TRAINING: ("培训", "Training"),
    PauseReason.MEAL: ("用餐", "Meal"),
    PauseReason.SHORT_LEAVE: ("临时离开", "Short leave"),
    PauseReason.SYSTEM_FAULT: ("系统故障", "System fault"),
    PauseReason.OTHER: ("其他", "Other"),
}

OUTCOME_NAMES = {
    Outcome.COMPLETED: ("办结", "Completed"),
    Outcome.ACCEPTED: ("受理", "Accepted"),
    Outcome.CORRECTION: ("补正", "Correction needed"),
    Outcome.REJECTED: ("不予受理", "Rejected"),
}

RATING_TAG_NAMES = {
    RatingTag.ATTITUDE: ("态度", "Attitude"),
    RatingTag.EFFICIENCY: ("效率", "Efficiency"),
    RatingTag.CUMBERSOME: ("流程繁琐", "Cumbersome process"),
    RatingTag.EXTRA_MATERIALS: ("要求额外材料", "Asked for extra materials"),
    RatingTag.ENVIRONMENT: ("环境", "Environment"),
    RatingTag.OTHER: ("其他", "Other"),
}

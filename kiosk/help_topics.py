"""The topics a citizen picks at the kiosk's "ask for help" screen, in both languages.

The kiosk sends the Chinese name whatever language its citizen chose, so the help desk's figures
count one topic once, and an English desk shows the English name of a Chinese topic (and the
other way round for topics an older kiosk sent in English). A topic typed by hand is shown as
typed: there is nothing to translate it with.
"""

from __future__ import annotations

TOPICS: tuple[tuple[str, str], ...] = (
    ("怎么办理", "How to apply"),
    ("需要带什么材料", "Materials to bring"),
    ("办件进度", "Progress of my case"),
    ("自助设备使用", "Help with self-service"),
    ("帮办代办", "Assisted service"),
    ("投诉建议", "Complaints and suggestions"),
)
OTHER = ("其他问题", "Other question")  # a question typed without a topic
ELDER_TOPICS = 4  # elder mode offers the first four: fewer, bigger choices

_BY_NAME = {name: pair for pair in (*TOPICS, OTHER) for name in pair}


def topic_name(topic: str, lang: str) -> str:
    """`topic` as a reader of `lang` ("zh" or "en") reads it."""
    pair = _BY_NAME.get(topic.strip())
    if pair is None:
        return topic
    return pair[1] if lang == "en" else pair[0]


def topic_names(lang: str, elder: bool = False) -> list[str]:
    names = [en if lang == "en" else zh for zh, en in TOPICS]
    return names[:ELDER_TOPICS] if elder else names


def canonical(topic: str) -> str:
    """The name the kiosk sends: Chinese for one of its own topics, else as typed."""
    return topic_name(topic, "zh")

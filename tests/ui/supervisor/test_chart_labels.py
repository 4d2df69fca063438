"""Bar labels that share a unit carry it once, in the chart's title: "0-5 min" ... "60+ min"
were cut to "5-10 m..." under each bar on a 1366 px desk screen."""

from __future__ import annotations

import pytest

from kiosk.reports.service import WAIT_BUCKETS, bucket_label
from ui.supervisor.panes import common_unit


def test_the_wait_buckets_unit_moves_to_the_title() -> None:
    labels = [bucket_label(i, "en") for i in range(len(WAIT_BUCKETS) + 1)]
    heads, unit = common_unit(labels)
    assert unit == "min"
    assert heads[0] == "0-5" and heads[-1] == f"{WAIT_BUCKETS[-1]}+"


@pytest.mark.parametrize(
    "labels",
    [
        ["02:00", "03:00"],
        ["Window 1", "Window 2"],
        ["张敏", "李娜"],
        ["0-5分钟", "60分钟以上"],
        ["x"],
    ],
)
def test_labels_without_a_shared_unit_stay_whole(labels: list[str]) -> None:
    assert common_unit(labels) == (labels, "")


def test_an_unstaffed_help_desk_alert_reads_as_words() -> None:
    """It read "waiting=2", the detail's raw key, in the alerts pane."""
    from ui.supervisor.texts import alert_text

    assert alert_text("helpdesk_unstaffed", {"waiting": 2}) == (
        "2 questions waiting, nobody at the help desk"
    )

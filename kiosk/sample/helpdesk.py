"""A morning at the sample hall's help desk, for demos and screenshots.

`python -m kiosk.sample.helpdesk --data DIR` (before `kiosk serve --data DIR`) replays the
last hour or so through the engine on a stepping clock that ends now, so the console shows
realistic waits, owners, conversions, FAQs and an unclaimed alert, and the figures are not all
zero. Staff of the sample hall: 郑雅琴 2001 and 谢秋云 2002 (PIN 1234), supervisor 3001.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.engine.helpdesk.alerts import check_helpdesk
from kiosk.store.db import store_path

KIOSK = Actor(device="kiosk-1")
A, B, SUP = Actor(clerk="2001"), Actor(clerk="2002"), Actor(clerk="3001")
ANSWERS = {
    "社保": (
        "灵活就业怎么交养老保险？",
        "到社保窗口办理灵活就业参保登记，可按月或按季缴费。",
        "SB-001",
    ),
    "公积金": ("租房提取公积金要什么材料？", "身份证和租房合同，无房证明可在窗口当场查询。", None),
    "医保": ("异地就医怎么备案？", "在国家医保服务平台APP或医保窗口备案，备案后可直接结算。", None),
    "户籍": ("孩子落户需要什么材料？", "出生医学证明、父母户口簿和身份证、结婚证。", None),
    "出入境": ("港澳通行证能在自助机续签吗？", "可以，大厅一楼自助区24小时可办理再次签注。", None),
}
CONVERT = ("不动产", "二手房过户要在哪个窗口办？")
SPAN_MIN = 61  # how long the seeded morning lasts on its clock: it ends a minute ago


def seed(hall: Hall, clock: FakeClock) -> None:
    for emp in ("2001", "2002", "3001"):
        hall.login(emp, "1234", None)
    on_duty: list[object] = []

    def stay_on_duty() -> None:
        """On duty counts per service day: a replay that crosses the hall's midnight (the
        screenshots taken just after it) switches the desk on again for the new day."""
        if on_duty != [hall.today()]:
            hall.set_presence("on_duty", A)
            hall.set_presence("on_duty", B)
            on_duty[:] = [hall.today()]

    topics = list(ANSWERS) * 2
    for n, topic in enumerate(topics):
        stay_on_duty()
        question, answer, item = ANSWERS[topic]
        cid = hall.create_consultation(topic, question, actor=KIOSK)["id"]
        clock.advance(minutes=1 + n % 3)
        who = A if n % 2 else B
        hall.claim(cid, who)
        clock.advance(minutes=2 + n % 4)
        hall.resolve(cid, who, answer, [item] if item else [])
        if n == 0:
            faq = hall.make_faq(cid, who)
            hall.update_entry("faq", faq["id"], {"keywords": ["灵活就业", "养老保险"]}, who)
            hall.publish_entry("faq", faq["id"], who)
        elif n == 3:
            hall.make_faq(cid, who)  # a draft waiting for review
        if n in (2, 6):
            stay_on_duty()
            converted = hall.create_consultation(*CONVERT, actor=KIOSK)["id"]
            clock.advance(minutes=1)
            hall.claim(converted, A)
            hall.convert(converted, A, note="需到不动产窗口办理")
    notice = hall.create_entry(
        "notice",
        {
            "title_zh": "本周六上午延时服务",
            "body_zh": "本周六9:00—12:00开放户籍、社保、公积金窗口。",
        },
        SUP,
    )
    hall.publish_entry("notice", notice["id"], SUP)
    stay_on_duty()
    complaint = hall.create_consultation("投诉", "窗口要求提供目录外的材料", actor=KIOSK)["id"]
    hall.claim(complaint, B)
    hall.refer(complaint, B, "涉及窗口服务，请主管核实", "3001")
    stay_on_duty()
    hall.create_consultation("医保", "退休后医保还要交吗？", actor=KIOSK)
    clock.advance(minutes=6)
    check_helpdesk(hall)  # the unclaimed alert for the one nobody took
    stay_on_duty()
    own = hall.create_consultation(
        "身份证", "身份证丢了，在外地能补办吗？", "13812345678", actor=KIOSK
    )
    clock.advance(minutes=1)
    hall.claim(own["id"], A)
    hall.answer(own["id"], A, "在户籍地以外也可补领，现场核验身份即可；工本费40元。", ["HJ-002"])
    stay_on_duty()
    hall.create_consultation("公积金", "公积金贷款可以提前还吗？", actor=KIOSK)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--data", type=Path, required=True, help="a store made by kiosk init --sample")
    p.add_argument("--minutes", type=int, default=SPAN_MIN + 1, help="start this long ago")
    args = p.parse_args()
    clock = FakeClock(datetime.now(UTC) - timedelta(minutes=args.minutes))
    hall = Hall(store_path(args.data), clock)
    try:
        seed(hall, clock)
    finally:
        hall.close()
    print(f"seeded the help desk of {args.data}")


if __name__ == "__main__":
    main()

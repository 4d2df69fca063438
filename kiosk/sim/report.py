"""The simulation's result as plain-text tables (`kiosk simulate` without --json)."""

from __future__ import annotations

from typing import Any

from kiosk.sim.drivers import ESTIMATORS


def _m(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 60:.1f}"


def _pct(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return out


def estimate_rows(table: dict[str, Any]) -> list[list[str]]:
    return [
        [
            name,
            str(table[name]["n"]),
            _m(table[name]["mae_s"]),
            _pct(table[name]["within_5min"]),
            _m(table[name]["bias_s"]),
        ]
        for name in ESTIMATORS
    ]


def text_report(r: dict[str, Any]) -> str:
    w = r["waits"]
    lines = [
        f"scenario {r.get('scenario')}  days {r['days']}  seed {r.get('seed')}",
        f"tickets {r['tickets']}  served {r['served']}  no-shows {r['no_shows']}"
        f"  requeued {r['requeued']}  cancelled at close {r['cancelled_at_close']}"
        f"  consultations {r['consultations']}",
        f"waits (min): mean {_m(w['mean_s'])}  p50 {_m(w['p50_s'])}  p90 {_m(w['p90_s'])}"
        f"  max {_m(w['max_s'])}  over 15 min {_pct(w['over_15min'])}",
    ]
    if "http" in r:
        h = r["http"]
        lines.append(
            f"over HTTP: wall {h['wall_s']} s, {h['requests']} requests,"
            f" p50 {h['p50_ms']} ms, p99 {h['p99_ms']} ms,"
            f" server peak memory {h['server_peak_mb']} MB"
        )
    lines += ["", "per category (waits in minutes)"]
    rows = []
    for code, c in r["categories"].items():
        cw = c["waits"]
        est = c["estimates"]
        rows.append(
            [
                code,
                str(c["tickets"]),
                _m(cw["mean_s"]),
                _m(cw["p50_s"]),
                _m(cw["p90_s"]),
                _m(cw["max_s"]),
                _pct(cw["over_15min"]),
                _m(c["handle_mean_s"]),
                str(c["no_shows"]),
                *(_m(est[n]["mae_s"]) for n in ESTIMATORS),
            ]
        )
    lines += _table(
        ["category", "tickets", "mean", "p50", "p90", "max", ">15", "handle", "no-show"]
        + [f"MAE {n}" for n in ESTIMATORS],
        rows,
    )
    lines += ["", "windows (minutes)"]
    lines += _table(
        ["window", "served", "idle", "paused"],
        [
            [no, str(x["served"]), f"{x['idle_min']:.0f}", f"{x['paused_min']:.0f}"]
            for no, x in r["windows"].items()
        ],
    )
    if r["estimates"]["new"]["n"]:
        lines += ["", "estimates at issue (minutes)"]
        lines += _table(
            ["estimator", "n", "MAE", "within 5 min", "bias"], estimate_rows(r["estimates"])
        )
        lines += ["", "estimates at issue and later (the phone page)"]
        lines += _table(
            ["estimator", "n", "MAE", "within 5 min", "bias"],
            estimate_rows(r["estimates_with_updates"]),
        )
        lines += ["", "MAE at issue by load (minutes)"]
        lines += _table(
            ["load", *ESTIMATORS],
            [
                [load, *(_m(t[n]["mae_s"]) for n in ESTIMATORS)]
                for load, t in r["estimates_by_load"].items()
            ],
        )
        lines.append(f"no figure given (no open window served the category): {r['unestimated']}")
    if "advice" in r:
        a = r["advice"]
        lines += ["", f"staffing advice: 90% of waits under {a['target_s'] / 60:.0f} min"]
        for h in a["hours"]:
            parts = [
                f"{code} {c['needed']}" + (f" (short {c['short']})" if c["short"] else "")
                for code, c in h["categories"].items()
            ]
            lines.append(f"{h['hour']:02d}:00  {h['open_windows']} windows: " + ", ".join(parts))
        rows = []
        for key, name in (("scenario_schedule", "scenario's"), ("advised_schedule", "advised")):
            x = a[key]
            rows.append(
                [
                    name,
                    f"{x['window_hours']}",
                    _m(x["mean_wait_s"]),
                    _m(x["p90_wait_s"]),
                    _pct(x["over_15min"]),
                    str(x["cancelled_at_close"]),
                ]
            )
        headers = ["schedule", "window-hours", "mean wait", "p90 wait", ">15 min", "cancelled"]
        lines += ["", *_table(headers, rows)]
    return "\n".join(lines) + "\n"

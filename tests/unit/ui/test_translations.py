"""Every tr() string of every front end has its Chinese translation (zh_CN is the default)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PACKAGES = sorted(
    p
    for p in (ROOT / "ui").iterdir()
    if p.is_dir() and any(p.rglob("*.py")) and p.name != "__pycache__"
)


TR_CALL = re.compile(r"(?<![\w.])(?:self\.)?tr\(|QCoreApplication\.translate\(")


def uses_tr(package: Path) -> bool:
    return any(TR_CALL.search(f.read_text(encoding="utf-8")) for f in package.rglob("*.py"))


@pytest.mark.parametrize("package", [p for p in PACKAGES if uses_tr(p)], ids=lambda p: p.name)
def test_every_string_is_translated(package: Path, tmp_path: Path) -> None:
    committed = ROOT / "assets" / "translations" / f"{package.name}_zh_CN.ts"
    assert committed.exists(), f"missing {committed.name}: run `make ts` and translate"
    ts = tmp_path / committed.name
    shutil.copy(committed, ts)
    sources = [str(f) for f in package.rglob("*.py")]
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(ts), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
    )
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished")
            or not (translation.text or translation.findall("numerusform"))
        ):
            missing.append(source)
    assert not missing, f"untranslated in {package.name}: {missing[:10]}"

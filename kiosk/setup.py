"""Creating a hall's data directory from a config and a catalog (the sample by default)."""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog.hall_config import load_hall_config
from kiosk.catalog.model import load_catalog
from kiosk.clock import Clock
from kiosk.engine.hall import Hall, initialise
from kiosk.errors import Conflict
from kiosk.paths import default_catalog_path, sample_hall_path
from kiosk.store.db import store_path


def init_hall(
    data_dir: Path,
    *,
    sample: bool = True,
    config: Path | None = None,
    catalog: Path | None = None,
    clock: Clock | None = None,
) -> Hall:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = store_path(data_dir)
    if path.exists():
        raise Conflict(
            f"{path} 已存在：每个大厅只初始化一次",
            f"{path} exists already; a hall is initialised once",
        )
    cat = load_catalog(catalog or default_catalog_path())
    cfg = load_hall_config(config or sample_hall_path(), cat)
    return initialise(path, cfg, cat, clock)

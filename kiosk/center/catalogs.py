"""The standard catalog (标准事项目录): the center publishes versions, halls pull the latest.

One catalog for every level is the fix for 三级发展不均 (the same item handled to different
standards), so a version is immutable once published: republishing the same version with the
same body is a no-op, with a different body it is refused. "Latest" is the last published,
and its version string is the HTTP ETag halls send back in If-None-Match. A catalog is checked
with the halls' own parser (kiosk.catalog.model) before it is published: a file that any hall
would refuse must fail here, at the center, not at 3,000 halls.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from kiosk.catalog.model import CatalogError, parse_catalog
from kiosk.center.errors import conflict, invalid
from kiosk.center.schema import catalog_versions
from kiosk.center.timeutil import iso_utc, utc_now

CATALOG_FORMAT = 1


def _need(ok: bool, detail: str, detail_zh: str) -> None:
    if not ok:
        raise invalid(detail, "目录文件不合法：" + detail_zh)


def validate_catalog(doc: Any) -> None:
    """The rules of docs/catalog-format.md that a hall relies on when it applies a catalog."""
    _need(isinstance(doc, dict), "the catalog must be a JSON object", "须为 JSON 对象")
    _need(doc.get("format") == CATALOG_FORMAT, f"format must be {CATALOG_FORMAT}", "format 不符")
    version = doc.get("version")
    _need(
        isinstance(version, str) and 0 < len(version) <= 64 and '"' not in version,
        "version must be a non-empty string of at most 64 characters",
        "version 须为非空字符串（至多 64 字符）",
    )
    categories, items = doc.get("categories"), doc.get("items")
    _need(isinstance(categories, list), "categories must be a list", "categories 须为列表")
    _need(isinstance(items, list), "items must be a list", "items 须为列表")
    cats: set[str] = set()
    prefixes: set[str] = set()
    for cat in categories:
        _need(
            isinstance(cat, dict) and isinstance(cat.get("code"), str), "bad category", "类别不合法"
        )
        _need(cat["code"] not in cats, f"duplicate category {cat['code']}", "类别编码重复")
        _need(
            cat.get("prefix") not in prefixes,
            f"duplicate prefix {cat.get('prefix')}",
            "号码前缀重复",
        )
        cats.add(cat["code"])
        prefixes.add(cat.get("prefix"))
    codes: set[str] = set()
    for item in items:
        _need(
            isinstance(item, dict) and isinstance(item.get("code"), str), "bad item", "事项不合法"
        )
        _need(item["code"] not in codes, f"duplicate item {item['code']}", "事项编码重复")
        _need(
            item.get("category") in cats,
            f"item {item['code']} names an unknown category",
            f"事项 {item['code']} 所属类别不存在",
        )
        codes.add(item["code"])
    try:
        parse_catalog(doc, source=f"catalog {version}")
    except CatalogError as exc:
        raise invalid(
            f"halls would refuse this catalog: {exc}", f"目录文件不合法，大厅无法应用：{exc}"
        ) from exc


def publish_catalog(engine: Engine, doc: Any) -> tuple[str, bool]:
    """Publish a validated catalog; returns (version, newly published)."""
    validate_catalog(doc)
    version = doc["version"]
    body = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with engine.begin() as conn:
        query = select(catalog_versions.c.body).where(catalog_versions.c.version == version)
        existing = conn.execute(query).scalar_one_or_none()
        if existing is not None:
            if json.loads(existing) == doc:
                return version, False
            raise conflict(
                f"catalog version {version} is already published with other content",
                f"目录版本 {version} 已发布且内容不同，请使用新的版本号",
            )
        stamp = iso_utc(utc_now(), micro=True)
        conn.execute(
            catalog_versions.insert().values(version=version, published_at=stamp, body=body)
        )
    return version, True


def latest_version(engine: Engine) -> str | None:
    query = (
        select(catalog_versions.c.version)
        .order_by(catalog_versions.c.published_at.desc(), catalog_versions.c.version.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar_one_or_none()


def load_catalog(engine: Engine, version: str) -> dict[str, Any] | None:
    query = select(catalog_versions.c.body).where(catalog_versions.c.version == version)
    with engine.connect() as conn:
        body = conn.execute(query).scalar_one_or_none()
    return json.loads(body) if body is not None else None

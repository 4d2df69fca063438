"""The standard catalog (docs/catalog-format.md) as validated, immutable models.

The center publishes one catalog and every hall applies it whole, so a broken file must be
refused before it reaches a kiosk: everything the format promises (unique prefixes and codes,
items naming real categories, FAQ links that resolve, at most one help-desk category) is checked
here once, and the rest of the core may rely on it without checking again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CategoryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_-]{0,31}$")]
ItemCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{0,31}$")]
Prefix = Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]


class CatalogError(ValueError):
    """A catalog or hall config that cannot be used, with where it came from and why."""

    def __init__(self, message: str, *, source: str | Path | None = None) -> None:
        self.detail = message
        self.source = str(source) if source is not None else None
        super().__init__(f"{self.source}: {message}" if self.source else message)


class MaterialForm(StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件及复印件


MATERIAL_FORM_NAMES = {
    MaterialForm.ORIGINAL: ("原件", "Original"),
    MaterialForm.COPY: ("复印件", "Copy"),
    MaterialForm.ORIGINAL_AND_COPY: ("原件及复印件", "Original and copy"),
}


class _Frozen(BaseModel):
    # Unknown keys are refused so that a typo in the published file fails loudly at the center
    # instead of silently dropping a field at every hall.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Material(_Frozen):
    name_zh: Text
    name_en: Text
    form: MaterialForm
    count: int = Field(default=1, ge=1)
    required: bool = True
    note_zh: str = ""
    note_en: str = ""


class Category(_Frozen):
    code: CategoryCode
    prefix: Prefix
    name_zh: Text
    name_en: Text
    service_time_s: int = Field(gt=0, description="typical service time, seeds the wait estimate")
    helpdesk: bool = False


class ServiceItem(_Frozen):
    code: ItemCode
    category: CategoryCode
    name_zh: Text
    name_en: Text
    department_zh: Text
    department_en: Text
    materials: list[Material] = Field(default_factory=list)
    time_limit_days: int = Field(default=0, ge=0, description="working days; 0 = on the spot")
    fee_cny: int = Field(default=0, ge=0, description="0 = free")
    online: bool = False
    online_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    keywords: list[Text] = Field(default_factory=list)

    @property
    def required_materials(self) -> list[Material]:
        return [m for m in self.materials if m.required]


class Faq(_Frozen):
    id: Text
    question_zh: Text
    question_en: Text
    answer_zh: Text
    answer_en: Text
    items: list[ItemCode] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)


class Notice(_Frozen):
    id: Text
    title_zh: Text
    title_en: Text
    body_zh: Text
    body_en: Text
    published_at: date


def duplicates(values: Sequence[str]) -> list[str]:
    """Values that occur more than once, each reported once, in first-seen order."""
    seen: set[str] = set()
    dups: list[str] = []
    for v in values:
        if v in seen and v not in dups:
            dups.append(v)
        seen.add(v)
    return dups


class Catalog(_Frozen):
    format: Literal[1]
    version: Text
    published_at: date
    categories: list[Category] = Field(min_length=1)
    items: list[ServiceItem] = Field(default_factory=list)
    faqs: list[Faq] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)

    _by_code: dict[str, Category] = PrivateAttr(default_factory=dict)
    _by_prefix: dict[str, Category] = PrivateAttr(default_factory=dict)
    _items: dict[str, ServiceItem] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _cross_check(self) -> Catalog:
        # Every problem is reported at once: the author fixes the file in one pass.
        problems: list[str] = []
        for what, values in (
            ("category code", [c.code for c in self.categories]),
            ("prefix letter", [c.prefix for c in self.categories]),
            ("item code", [i.code for i in self.items]),
            ("FAQ id", [f.id for f in self.faqs]),
            ("notice id", [n.id for n in self.notices]),
        ):
            problems += [f"duplicate {what} {v!r}" for v in duplicates(values)]
        codes = {c.code for c in self.categories}
        problems += [
            f"item {i.code!r} names unknown category {i.category!r}"
            for i in self.items
            if i.category not in codes
        ]
        item_codes = {i.code for i in self.items}
        problems += [
            f"FAQ {f.id!r} links unknown item {code!r}"
            for f in self.faqs
            for code in f.items
            if code not in item_codes
        ]
        helpdesks = [c.code for c in self.categories if c.helpdesk]
        if len(helpdesks) > 1:
            problems.append(f"more than one helpdesk category: {', '.join(helpdesks)}")
        if problems:
            raise ValueError("; ".join(problems))
        self._by_code = {c.code: c for c in self.categories}
        self._by_prefix = {c.prefix: c for c in self.categories}
        self._items = {i.code: i for i in self.items}
        return self

    def category(self, code: str) -> Category:
        """The category with this code; KeyError if the catalog has none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown category {code!r}") from None

    def category_by_prefix(self, prefix: str) -> Category:
        """The category whose tickets carry this prefix letter (A012 -> A)."""
        try:
            return self._by_prefix[prefix]
        except KeyError:
            raise KeyError(f"no category with prefix {prefix!r}") from None

    def item(self, code: str) -> ServiceItem:
        try:
            return self._items[code]
        except KeyError:
            raise KeyError(f"unknown service item {code!r}") from None

    def items_of(self, category_code: str) -> list[ServiceItem]:
        """Items of a category in catalog order (the order the kiosk lists them)."""
        self.category(category_code)
        return [i for i in self.items if i.category == category_code]

    def helpdesk_category(self) -> Category | None:
        """The category the help desk converts questions into, if the catalog has one."""
        return next((c for c in self.categories if c.helpdesk), None)


def _label(node: Any) -> str:
    if isinstance(node, Mapping):
        for key in ("code", "id", "no", "employee_no", "name"):
            if isinstance(node.get(key), str | int):
                return f" ({node[key]})"
    return ""


def describe_validation_error(exc: ValidationError, data: Any = None) -> str:
    """One line per problem, located in the file's own terms: items[3] (SB-004).materials[0]."""
    lines: list[str] = []
    for err in exc.errors():
        node, parts = data, []
        for step in err["loc"]:
            if isinstance(step, int):
                ok = isinstance(node, list) and 0 <= step < len(node)
                node = node[step] if ok else None
                parts.append(f"[{step}]{_label(node)}")
            else:
                node = node.get(step) if isinstance(node, Mapping) else None
                parts.append(f".{step}" if parts else str(step))
        msg = str(err["msg"]).removeprefix("Value error, ")
        lines.append(f"{''.join(parts)}: {msg}" if parts else msg)
    return "; ".join(lines)


def read_json(path: str | Path) -> Any:
    """Read a JSON document, turning I/O and syntax failures into CatalogError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", source=path) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(f"not valid JSON: {exc}", source=path) from exc


def parse_catalog(data: Any, *, source: str | Path = "<catalog>") -> Catalog:
    """Validate an already-decoded catalog (e.g. received from the center)."""
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(describe_validation_error(exc, data), source=source) from exc


def load_catalog(path: str | Path) -> Catalog:
    return parse_catalog(read_json(path), source=path)

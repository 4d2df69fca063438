"""Property-based fuzzing of a running server through its OpenAPI schema (schemathesis).

Only the HTTP surface is used: the schema the server publishes and bearer tokens. For every
operation two kinds of requests are generated: schemathesis's coverage cases (deterministic
boundary values: the longest string allowed and one longer, the largest integer and one more,
wrong types, missing fields) and Hypothesis examples, both fitting the schema (positive) and
breaking it (negative). Each request is sent as several callers (no token, a garbage token,
each device and staff role, ...), so a route's checks are tried from every side.

The property: no answer is a 5xx or a dropped connection, and every 4xx is
application/problem+json with `detail` and `detail_zh`.

Bounded and reproducible: a fixed number of Hypothesis examples per operation and mode,
derandomized (the seed comes from the test, not the clock), no example database, no shrinking
(a finding is recorded with its request instead of failing the example). To keep the run short,
only the first `probe` requests of an operation go to every caller; after that each request goes
to two in turn: one of the callers the operation has let in (any answer but 401, 403 or the
router's 405) and one of those it has only refused.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable

PROBLEM = "application/problem+json"
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
REFUSED = (401, 403)
NOT_ROUTED = (405,)  # the router answers it before any check of the caller


@dataclass
class FuzzFigures:
    """What a run tried and what it found: the numbers a report quotes."""

    operations: int = 0
    cases: int = 0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    no_answers: list[str] = field(default_factory=list)
    not_problems: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[str]:
        return self.server_errors + self.no_answers + self.not_problems

    def summary(self) -> str:
        lines = [
            f"{self.operations} operations, {self.cases} generated requests, "
            f"{self.requests} sent; 5xx: {len(self.server_errors)}, "
            f"dropped: {len(self.no_answers)}, non-problem errors: {len(self.not_problems)}; "
            f"statuses {dict(sorted(self.statuses.items()))}"
        ]
        lines += [f"  {f}" for f in self.findings[:60]]
        return "\n".join(lines)


class Callers:
    """Who sends each request. `tokens()` maps a caller's name to its bearer token (None: no
    Authorization header); `renew(name)` is asked for a fresh token when a caller that should
    be signed in got 401 (the fuzzer itself may have signed it out)."""

    anonymous: tuple[str, ...] = ("none", "garbage")

    def tokens(self) -> dict[str, str | None]:
        raise NotImplementedError

    def renew(self, name: str) -> None:
        """By default nothing to renew."""


_FREE = {"title", "description", "default", "type"}


def _breakable(definition: dict[str, Any]) -> bool:
    """Whether a request can break the operation's schema at all: not when all it takes is
    free text in the path, query or headers (Hypothesis would spend seconds proving that)."""
    if "requestBody" in definition:
        return True
    for parameter in definition.get("parameters", []):
        schema = parameter.get("schema", {})
        for option in schema.get("anyOf", [schema]):
            if option.get("type") == "null":
                continue
            if option.get("type") != "string" or set(option) - _FREE:
                return True
    return False


def _is_problem(response: requests.Response) -> bool:
    if not response.headers.get("content-type", "").startswith(PROBLEM):
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    return (
        isinstance(body, dict)
        and body.get("status") == response.status_code
        and bool(body.get("detail"))
        and bool(body.get("detail_zh"))
    )


def _describe(role: str, kwargs: dict[str, Any], outcome: str) -> str:
    sent = kwargs.get("json", kwargs.get("data"))
    body = f" body={sent!r}"[:200] if sent is not None else ""
    headers = {k: v for k, v in kwargs["headers"].items() if k.lower().startswith("x-hall")}
    query = f" query={kwargs['params']!r}"[:120] if kwargs.get("params") else ""
    return (
        f"as {role}: {kwargs['method']} {kwargs['url']}{query}"
        f"{' ' + repr(headers) if headers else ''}{body} -> {outcome}"
    )


class _Run:
    """One fuzzing run: sends cases as the callers, keeps the figures."""

    def __init__(
        self,
        base_url: str,
        callers: Callers,
        pages: set[str],
        prepare: Callable[[Any], None],
        probe: int,
    ) -> None:
        self.base_url = base_url
        self.callers = callers
        self.pages = pages
        self.prepare = prepare
        self.probe = probe
        self.figures = FuzzFigures()
        self.session = requests.Session()
        self.sent: Counter[str] = Counter()
        self.let_in: dict[str, set[str]] = {}

    def roles(self, label: str) -> Iterator[tuple[str, str | None]]:
        tokens = self.callers.tokens()
        index = self.sent[label]
        self.sent[label] += 1
        if index < self.probe:
            yield from tokens.items()
            return
        let_in = self.let_in.setdefault(label, set())
        admitted = [name for name in tokens if name in let_in]
        refused = [name for name in tokens if name not in let_in]
        for group in (admitted, refused):
            if group:
                name = group[index % len(group)]
                yield name, tokens[name]

    def examples(self, operation: Any, mode: Any, count: int, pinned: dict[str, Any]) -> None:
        """`count` Hypothesis examples of the operation in this mode, each sent."""

        @settings(
            max_examples=count,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(mode))
        def fuzz(case: Any) -> None:
            self.send(case, pinned)

        # Unsatisfiable: nothing more to draw, the schema allows few distinct requests
        with contextlib.suppress(Unsatisfiable):
            fuzz()

    def send(self, case: Any, pinned: dict[str, Any]) -> None:
        self.prepare(case)
        self._send_one(case)
        if pinned:
            twin = case.derive()
            twin.path_parameters.update(pinned)
            self._send_one(twin)

    def _send_one(self, case: Any) -> None:
        self.figures.cases += 1
        label = case.operation.label
        base = case.as_transport_kwargs(base_url=self.base_url)
        for role, token in self.roles(label):
            kwargs = {**base, "headers": dict(base.get("headers") or {})}
            kwargs["headers"].pop("Authorization", None)
            if token is not None:
                kwargs["headers"]["Authorization"] = f"Bearer {token}"
            self.figures.requests += 1
            try:
                response = self.session.request(**kwargs, timeout=30, allow_redirects=False)
            except requests.RequestException as exc:  # a dropped connection is no answer
                self.figures.no_answers.append(_describe(role, kwargs, f"no answer: {exc!r}"))
                continue
            status = response.status_code
            self.figures.statuses[status] += 1
            if status not in REFUSED + NOT_ROUTED:
                self.let_in.setdefault(label, set()).add(role)
            outcome = f"{status} {response.text[:160]!r}"
            page = case.operation.path in self.pages
            if status >= 500:
                self.figures.server_errors.append(_describe(role, kwargs, outcome))
            elif status >= 400 and not page and not _is_problem(response):
                self.figures.not_problems.append(_describe(role, kwargs, outcome))
            if status == 401 and role not in self.callers.anonymous:
                self.callers.renew(role)


def fuzz_api(
    base_url: str,
    callers: Callers,
    *,
    examples: int,
    negative_examples: int,
    pinned: dict[str, Any] | None = None,
    pages: Iterable[str] = (),
    prepare: Callable[[Any], None] = lambda _case: None,
    probe: int = 3,
) -> FuzzFigures:
    """Fuzz every operation of the server's /openapi.json as every caller.

    `pinned` path parameters (e.g. a hall's own code, so its token gets past the ownership
    check into the code behind it) are tried besides the generated ones; `pages` are paths
    answering HTML to browsers, whose errors are pages, not problem documents; `prepare(case)`
    may adjust a generated case before it is sent."""
    spec = requests.get(f"{base_url}/openapi.json", timeout=10).json()
    schema = schemathesis.openapi.from_dict(spec)
    # requests with methods the path does not have only ever meet the router's 405
    schema.config.phases.coverage.unexpected_methods = set()
    run = _Run(base_url, callers, set(pages), prepare, probe)
    for result in schema.get_all_operations():
        operation = result.ok()
        run.figures.operations += 1
        names = {p.name for p in operation.path_parameters}
        pinned_here = {k: v for k, v in (pinned or {}).items() if k in names}
        config = schema.config.generation_for(operation=operation)
        for case in schema.iter_coverage_cases(
            operation, generation_modes=list(MODES), generation_config=config
        ):
            run.send(case, pinned_here)
        breakable = _breakable(operation.definition.raw)
        for mode, count in ((MODES[0], examples), (MODES[1], negative_examples)):
            if count and (mode is MODES[0] or breakable):
                run.examples(operation, mode, count, pinned_here)
    run.session.close()
    return run.figures

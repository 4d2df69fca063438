/* The city office's page: the report book from /api/v1/office/report as tables and charts.
 * Every number shown is the API's number, formatted by the figure's unit kind; nothing is
 * recomputed here, so the page, the workbook and the JSON agree. The token lives in
 * sessionStorage (gone when the tab closes) and goes in the Authorization header. */
(function () {
  "use strict";

  const KEY = "office-token";
  const LEVEL_ZH = { city: "市级", district: "区级", township: "乡镇" };
  // the figures the tables show, in this order, where a view has them; all are in the workbook
  const TABLE_FIGURES = [
    "tickets", "finished", "correction_rate", "first_time_rate", "wait_p50_min", "wait_p90_min",
    "satisfaction_rate", "bad_rating_rate", "extra_materials_rate", "case_closure_rate",
    "case_on_time_rate", "items_nonstandard", "pause_min_per_window_day",
  ];
  const DETAILS = ["missing_top", "items_off", "items_differing", "catalog_version"];
  // pairs: a hall's rows of the hall x item view, read when the page drills down to it (over
  // a province that view is most of the report, so the first read leaves it out)
  const state = { book: null, halls: [], level: null, hall: null, figure: null, pairs: {} };
  const $ = (id) => document.getElementById(id);
  const charts = {};

  function token() { return sessionStorage.getItem(KEY) || ""; }

  async function api(path, raw) {
    const res = await fetch(path, { headers: { Authorization: "Bearer " + token() } });
    if (res.status === 401) { showLogin("令牌无效或已失效，请重新输入"); throw new Error("401"); }
    if (!res.ok) {
      let msg = res.status + "";
      try { const p = await res.json(); msg = p.detail_zh || p.detail || msg; } catch (e) { /* */ }
      throw new Error(msg);
    }
    return raw ? res : res.json();
  }

  function showLogin(message) {
    $("login").hidden = false;
    $("app").hidden = true;
    $("logout").hidden = true;
    $("login-error").textContent = message || "";
  }

  // ---- formatting by unit kind ----
  function isNum(v) { return typeof v === "number" && isFinite(v); }
  function fmtValue(unit, v) {
    if (!isNum(v)) return "—";
    if (unit === "percent") return (v * 100).toFixed(1) + "%";
    if (unit === "minutes") return v.toFixed(1);
    if (unit === "count") {
      return Number.isInteger(v) ? v.toLocaleString("zh-CN") : v.toFixed(2);
    }
    return String(v);
  }
  function fmtChange(unit, v) {
    if (!isNum(v)) return "";
    const sign = v > 0 ? "+" : v < 0 ? "−" : "±";
    if (unit === "percent") return sign + Math.abs(v).toFixed(1) + "个百分点";
    return sign + Math.abs(v * 100).toFixed(1) + "%";
  }
  function unitLabel(unit) { return unit === "minutes" ? "（分钟）" : ""; }
  function fmtLag(seconds) {
    if (!isNum(seconds)) return "—";
    if (seconds < 120) return Math.round(seconds) + " 秒";
    if (seconds < 7200) return Math.round(seconds / 60) + " 分钟";
    if (seconds < 172800) return (seconds / 3600).toFixed(1) + " 小时";
    return (seconds / 86400).toFixed(1) + " 天";
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, v);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function viewFigures(data) {
    const wanted = data.figures;
    return state.book.figures.filter((f) => !wanted || wanted.includes(f.key));
  }

  function worstIds(rows, fig) {
    // the same rule as the workbook: the worst max(1, min(3, n / 3)) rows of a figure, ties
    // included, never the best value
    if (!fig.worse || rows.length < 2) return new Set();
    const vals = rows.filter((r) => isNum(r.values[fig.key]));
    vals.sort((a, b) => fig.worse === "high"
      ? b.values[fig.key] - a.values[fig.key] : a.values[fig.key] - b.values[fig.key]);
    const rank = Math.max(1, Math.min(3, Math.floor(rows.length / 3)));
    if (!vals.length) return new Set();
    const cut = vals[Math.min(rank, vals.length) - 1].values[fig.key];
    const best = vals[vals.length - 1].values[fig.key];
    return new Set(vals.filter((r) => r.values[fig.key] !== best && (fig.worse === "high"
      ? r.values[fig.key] >= cut : r.values[fig.key] <= cut)).map((r) => r.id));
  }

  function renderTable(table, view, rows, total, onClick, given) {
    const data = given || state.book.views[view];  // a view of another book: a hall's items
    const shown = viewFigures(data);
    const figs = TABLE_FIGURES.map((k) => shown.find((f) => f.key === k)).filter(Boolean);
    table.replaceChildren();
    table.dataset.view = view;
    const head = el("thead");
    const tr = el("tr");
    for (const h of data.heads) tr.appendChild(el("th", { scope: "col" }, h.zh));
    for (const f of figs) {
      const th = el("th", { scope: "col", "data-fig": f.key }, f.zh + unitLabel(f.unit));
      tr.appendChild(th);
    }
    head.appendChild(tr);
    table.appendChild(head);
    const body = el("tbody");
    const worst = {};
    for (const f of figs) worst[f.key] = worstIds(rows, f);
    const all = total ? rows.concat([total]) : rows;
    for (const row of all) {
      const isTotal = row === total;
      const r = el("tr", { "data-row": row.id, class: isTotal ? "total" : "" });
      data.heads.forEach((h, i) => {
        const td = el("td", { class: i === 0 ? "name" : "" }, row.cells[h.key] ?? "");
        if (i === 0 && row.depth) td.style.paddingLeft = (0.6 + 1.4 * row.depth) + "em";
        r.appendChild(td);
      });
      for (const f of figs) {
        const v = row.values[f.key];
        const c = row.change[f.key];
        const td = el("td", {
          class: "num" + (!isTotal && worst[f.key].has(row.id) ? " worst" : ""),
          "data-fig": f.key,
          "data-value": isNum(v) ? String(v) : "",
        });
        td.appendChild(el("span", { class: "v" }, fmtValue(f.unit, v)));
        if (isNum(c)) {
          const bad = f.worse === "high" ? c > 0 : f.worse === "low" ? c < 0 : false;
          const good = f.worse === "high" ? c < 0 : f.worse === "low" ? c > 0 : false;
          td.appendChild(el("span", {
            class: "chg" + (bad ? " bad" : good ? " good" : ""), "data-change": String(c),
          }, fmtChange(f.unit, c)));
        }
        r.appendChild(td);
      }
      if (onClick && !isTotal) {
        r.classList.add("clickable");
        r.tabIndex = 0;
        r.addEventListener("click", () => onClick(row));
        r.addEventListener("keydown", (e) => { if (e.key === "Enter") onClick(row); });
      }
      body.appendChild(r);
    }
    table.appendChild(body);
  }

  function chartFor(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: "canvas" });
    return charts[id];
  }

  function renderCharts() {
    const fig = state.book.figures.find((f) => f.key === state.figure) || state.book.figures[0];
    const scale = (v) => (isNum(v) ? (fig.unit === "percent" ? +(v * 100).toFixed(2) : v) : null);
    const unit = fig.unit === "percent" ? "%" : fig.unit === "minutes" ? "分钟" : "";
    const hasPrev = !!state.book.compare_from;
    const levels = state.book.views.level.rows;
    chartFor("chart-level").setOption({
      title: { text: fig.zh + " · 按层级", left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 50 },
      xAxis: { type: "category", data: levels.map((r) => r.cells.level) },
      yAxis: { type: "value", name: unit },
      series: [
        { name: "本期", type: "bar", data: levels.map((r) => scale(r.values[fig.key])) },
      ].concat(hasPrev ? [{ name: "上期", type: "bar",
        data: levels.map((r) => scale(r.previous[fig.key])) }] : []),
    }, true);
    const halls = hallRows().slice().reverse();
    chartFor("chart-hall").setOption({
      title: { text: fig.zh + " · 按大厅", left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 10, right: 30, top: 40, bottom: 40, containLabel: true },
      yAxis: { type: "category", data: halls.map((r) => r.cells.name) },
      xAxis: { type: "value", name: unit },
      series: [
        { name: "本期", type: "bar", data: halls.map((r) => scale(r.values[fig.key])) },
      ].concat(hasPrev ? [{ name: "上期", type: "bar",
        data: halls.map((r) => scale(r.previous[fig.key])) }] : []),
    }, true);
    $("chart-hall").style.height = Math.max(260, 60 + 44 * halls.length) + "px";
    charts["chart-hall"].resize();
  }

  function hallRows() {
    const rows = state.book.views.hall.rows;
    if (!state.level) return rows;
    const zh = LEVEL_ZH[state.level];
    return rows.filter((r) => r.cells.level === zh);
  }

  function renderCrumbs() {
    const nav = $("crumbs");
    nav.replaceChildren();
    const top = el("a", { href: "#", "data-crumb": "top" }, "全部层级");
    top.addEventListener("click", (e) => { e.preventDefault(); drill(null, null); });
    nav.appendChild(top);
    if (state.level) {
      nav.appendChild(el("span", {}, " › "));
      const lv = el("a", { href: "#", "data-crumb": "level" }, LEVEL_ZH[state.level]);
      lv.addEventListener("click", (e) => { e.preventDefault(); drill(state.level, null); });
      nav.appendChild(lv);
    }
    if (state.hall) {
      nav.appendChild(el("span", {}, " › "));
      nav.appendChild(el("span", { "data-crumb": "hall" }, state.hall.cells.name));
    }
  }

  function renderDetail() {
    // the text figures of the hall drilled into: what was missing, what differs from standard
    const box = $("hall-detail");
    box.replaceChildren();
    if (!state.hall) { box.hidden = true; return; }
    box.hidden = false;
    const names = Object.fromEntries(state.book.figures.map((f) => [f.key, f.zh]));
    for (const key of DETAILS) {
      if (!(key in state.hall.values)) continue;
      const dt = el("dt", {}, names[key] || key);
      const dd = el("dd", { "data-fig": key }, state.hall.values[key] || "无");
      box.appendChild(dt);
      box.appendChild(dd);
    }
  }

  function renderItems() {
    const book = state.book;
    const note = $("item-note");
    const table = $("item-table");
    note.textContent = "";
    renderDetail();
    const pairs = state.hall ? state.pairs[state.hall.id] : null;
    if (state.hall && pairs && pairs.view) {
      const rows = pairs.view.rows.filter((r) => r.cells.hall === state.hall.id);
      $("item-title").textContent = "按事项 · " + state.hall.cells.name;
      renderTable(table, "hall_item", rows, null, null, pairs.view);
    } else if (state.hall && (!pairs || pairs.loading || pairs.error)) {
      table.replaceChildren();
      $("item-title").textContent = "按事项 · " + state.hall.cells.name;
      note.textContent = pairs && pairs.error ? "查询失败：" + pairs.error : "正在查询…";
    } else if (!state.hall && book.views.item) {
      $("item-title").textContent = "按事项";
      renderTable(table, "item", book.views.item.rows, null, null);
    } else {
      table.replaceChildren();
      $("item-title").textContent = "按事项" + (state.hall ? " · " + state.hall.cells.name : "");
      note.textContent = "本报表未提供该范围的事项明细。";
    }
  }

  function renderSync() {
    const table = $("sync-table");
    table.replaceChildren();
    const head = el("tr");
    for (const h of ["大厅", "层级", "最近联系", "已确认事件", "待确认事件", "数据滞后", "目录版本"]) {
      head.appendChild(el("th", { scope: "col" }, h));
    }
    const thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el("tbody");
    for (const h of state.halls) {
      const stale = !h.last_contact || (Date.now() - Date.parse(h.last_contact)) > 3600e3;
      const tr = el("tr", { "data-hall": h.code, class: stale ? "stale" : "" });
      tr.appendChild(el("td", { class: "name" }, h.name));
      tr.appendChild(el("td", {}, LEVEL_ZH[h.level] || h.level));
      tr.appendChild(el("td", {}, h.last_contact ? new Date(h.last_contact).toLocaleString("zh-CN") : "从未联系"));
      tr.appendChild(el("td", { class: "num" }, String(h.acked_seq)));
      tr.appendChild(el("td", { class: "num", "data-lag-events": String(h.lag_events) }, String(h.lag_events)));
      tr.appendChild(el("td", { class: "num" }, fmtLag(h.lag_s)));
      tr.appendChild(el("td", {}, h.catalog_version || "—"));
      body.appendChild(tr);
    }
    table.appendChild(body);
  }

  function render() {
    const book = state.book;
    let text = "统计期间 " + book.from + " 至 " + book.to;
    if (book.compare_from) text += "，对比 " + book.compare_from + " 至 " + book.compare_to;
    $("period").textContent = text;
    const select = $("figure");
    if (!select.options.length || select.dataset.spec !== JSON.stringify(book.figures.map((f) => f.key))) {
      select.replaceChildren();
      for (const f of book.figures) {
        if (f.unit !== "text") select.appendChild(el("option", { value: f.key }, f.zh));
      }
      select.dataset.spec = JSON.stringify(book.figures.map((f) => f.key));
      state.figure = state.figure || (book.figures.find((f) => f.key === "correction_rate") || book.figures[0]).key;
    }
    select.value = state.figure;
    renderCrumbs();
    renderTable($("level-table"), "level", book.views.level.rows, book.views.level.total,
      (row) => drill(row.id, null));
    $("hall-title").firstChild.textContent = "按大厅" + (state.level ? " · " + LEVEL_ZH[state.level] : "") + " ";
    renderTable($("hall-table"), "hall", hallRows(), state.level ? null : book.views.hall.total,
      (row) => drill(levelOf(row), row));
    renderItems();
    renderCharts();
    renderSync();
  }

  function levelOf(row) {
    for (const [k, v] of Object.entries(LEVEL_ZH)) if (v === row.cells.level) return k;
    return null;
  }

  function drill(level, hall) {
    state.level = level;
    state.hall = hall;
    if (hall && (!state.pairs[hall.id] || state.pairs[hall.id].error)) loadPairs(hall.id);
    render();
  }

  async function loadPairs(code) {
    const entry = { loading: true, view: null, error: null };
    state.pairs[code] = entry;
    const p = params();
    p.set("hall", code);
    try {
      const book = await api("/api/v1/office/report?" + p.toString());
      entry.view = book.views.hall_item || null;
      if (!entry.view) entry.error = "本报表未提供该大厅的事项明细";
    } catch (err) {
      entry.error = err.message;  // asked again on the next drill
    }
    entry.loading = false;
    if (state.hall && state.hall.id === code) renderItems();
  }

  function params() {
    const p = new URLSearchParams();
    p.set("from", $("from").value);
    p.set("to", $("to").value);
    if ($("cfrom").value && $("cto").value) {
      p.set("compare_from", $("cfrom").value);
      p.set("compare_to", $("cto").value);
    }
    return p;
  }

  async function load() {
    $("status").textContent = "正在查询…";
    document.body.dataset.state = "loading";
    try {
      const first = params();
      first.set("hall_items", "false");
      const [book, halls] = await Promise.all([
        api("/api/v1/office/report?" + first.toString()),
        api("/api/v1/office/halls"),
      ]);
      state.book = book;
      state.halls = halls.halls;
      state.hall = null;
      state.pairs = {};
      render();
      $("status").textContent = "生成于 " + new Date(book.generated_at).toLocaleString("zh-CN");
      document.body.dataset.state = "ready";
    } catch (err) {
      $("status").textContent = "查询失败：" + err.message;
      document.body.dataset.state = "error";
    }
  }

  async function download(ext) {
    const p = params();
    let path = "/api/v1/office/report." + ext + "?" + p.toString();
    if (ext === "csv") path += "&view=hall";
    $("status").textContent = "正在生成文件…";
    try {
      const res = await api(path, true);
      const blob = await res.blob();
      const a = el("a", { href: URL.createObjectURL(blob), download: "三级对比报表_" + p.get("from") + "_" + p.get("to") + "." + ext });
      document.body.appendChild(a);
      a.click();
      a.remove();
      $("status").textContent = "已下载";
    } catch (err) {
      $("status").textContent = "下载失败：" + err.message;
    }
  }

  function monthRange(value) {
    const [y, m] = value.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, "0");
    return [y + "-" + mm + "-01", y + "-" + mm + "-" + String(last).padStart(2, "0")];
  }

  function defaultPeriod() {
    const q = new URLSearchParams(location.search);
    if (q.get("from") && q.get("to")) return [q.get("from"), q.get("to")];
    const now = new Date();
    const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    return monthRange(prev.getFullYear() + "-" + String(prev.getMonth() + 1).padStart(2, "0"));
  }

  async function start() {
    if (!token()) { showLogin(""); return; }
    let me;
    try { me = await api("/api/v1/office/me"); } catch (err) { return; }
    $("login").hidden = true;
    $("app").hidden = false;
    $("logout").hidden = false;
    const s = me.scope;
    $("scope").textContent = s.kind === "city" ? "范围：全市" : "范围：" + s.name + "及所辖乡镇";
    $("scope").dataset.kind = s.kind;
    const [f, t] = defaultPeriod();
    $("from").value = f;
    $("to").value = t;
    $("month").value = f.slice(0, 7);
    await load();
  }

  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $("token").value.trim());
    $("token").value = "";
    start();
  });
  $("logout").addEventListener("click", () => { sessionStorage.removeItem(KEY); showLogin(""); });
  $("month").addEventListener("change", () => {
    if (!$("month").value) return;
    const [f, t] = monthRange($("month").value);
    $("from").value = f;
    $("to").value = t;
  });
  $("run").addEventListener("click", load);
  $("xlsx").addEventListener("click", () => download("xlsx"));
  $("csv").addEventListener("click", () => download("csv"));
  $("figure").addEventListener("change", () => { state.figure = $("figure").value; renderCharts(); });
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  start();
})();

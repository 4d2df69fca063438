/* The citizen's ticket page: number, people ahead, "your turn: window N", rating, follow-up.
   Plain script, no framework or CDN: the hall server serves it next to the page. State comes
   embedded in the page, then from GET /api/v1/tickets/{id} whenever the live socket says
   something that may change it. ?live=0 turns the socket off (the page then only refreshes
   when shown again). Once the link expires the server refuses it, and the page reloads into
   the server's "link expired" page. */
(function () {
  "use strict";
  var TEXT = {
    zh: {
      yourNumber: "您的号码", ahead: "前面还有 {n} 人", next: "下一位就是您，请留意叫号",
      est: "预计等候约 {m} 分钟", estRange: "预计等候约 {a}-{b} 分钟", soon: "即将叫到您",
      noWindow: "暂无窗口办理", noWindowHint: "目前没有窗口办理此类业务，请留意大厅通知或咨询服务台",
      first: "前面没有人在等候", goTo: "请到 {w} 号窗口办理",
      yourTurn: "轮到您了！", recalled: "第 {n} 次重呼，请尽快前往", serving: "正在 {w} 号窗口办理",
      transferred: "已转至 {w} 号窗口，请稍候叫号", done: "办理结束", missingList: "需补正的材料：",
      no_show: "已过号", noShowHint: "如需继续办理，请到咨询台重新排队",
      cancelled: "号码已失效", cancelledHint: "当日业务已结束，请下个工作日重新取号",
      rateTitle: "请您评价本次服务", tagsTitle: "哪些方面需要改进？（可多选）",
      commentHint: "其他意见（选填）", submit: "提交评价", sending: "正在提交…",
      pickLevel: "请先选择满意程度", thanks: "感谢您的评价！", yourRating: "您的评价：{level}",
      already: "本次服务已评价，不能重复评价", failed: "提交失败，请稍后重试",
      caseTitle: "差评跟进", caseIntro: "您的意见已登记，工作人员将在{d}前回访处理。",
      caseDone: "跟进已完成，感谢您的监督。", liveOn: "实时更新中", liveOff: "连接中断，正在重新连接…",
      vibrate: "开启振动提醒", vibrateOn: "振动提醒已开启", privacy: "本页只显示号码和办理进度，请勿将链接转发他人。",
      langButton: "English", title: "我的排队号", titleCalled: "【到您了】{w}号窗口",
      missing: "未找到该号码",
      levels: { 5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意" },
      outcomes: { completed: "已办结", accepted: "已受理", correction: "需补正材料", rejected: "不予受理" },
      tags: { attitude: "服务态度", efficiency: "办事效率", cumbersome: "流程繁琐",
        extra_materials: "要求额外材料", environment: "大厅环境", other: "其他" },
      steps: { open: "已登记", called_back: "已回访", verified: "已核实", rectified: "已整改",
        revisited: "已复访", closed: "已办结", appealed: "申诉复核中" }
    },
    en: {
      yourNumber: "Your number", ahead: "{n} ahead of you", next: "You are next, please listen for your number",
      est: "Estimated wait about {m} min", estRange: "Estimated wait about {a}-{b} min", soon: "You will be called soon",
      noWindow: "No window is serving this at the moment", noWindowHint: "No window handles this service right now; please watch the hall notices or ask at the help desk",
      first: "Nobody is ahead of you", goTo: "Please go to window {w}",
      yourTurn: "It is your turn!", recalled: "Called again ({n}), please go now", serving: "Being served at window {w}",
      transferred: "Transferred to window {w}, please wait", done: "Service finished", missingList: "Materials still needed:",
      no_show: "Missed", noShowHint: "To continue, ask at the help desk to rejoin the queue",
      cancelled: "Ticket no longer valid", cancelledHint: "The service day has ended; please take a new ticket next working day",
      rateTitle: "Please rate this service", tagsTitle: "What was wrong? (choose any)",
      commentHint: "Other comments (optional)", submit: "Send rating", sending: "Sending…",
      pickLevel: "Please choose a rating first", thanks: "Thank you for your rating!", yourRating: "Your rating: {level}",
      already: "This service has already been rated", failed: "Could not send, please try again",
      caseTitle: "Follow-up", caseIntro: "Your feedback is recorded; staff will follow up by {d}.",
      caseDone: "The follow-up is complete. Thank you.", liveOn: "Live updates on", liveOff: "Connection lost, reconnecting…",
      vibrate: "Turn on vibration alert", vibrateOn: "Vibration alert on", privacy: "This page shows only your number and progress. Do not share the link.",
      langButton: "中文", title: "My ticket", titleCalled: "Your turn: window {w}",
      missing: "Ticket not found",
      levels: { 5: "Very satisfied", 4: "Satisfied", 3: "Basically satisfied", 2: "Dissatisfied", 1: "Very dissatisfied" },
      outcomes: { completed: "Completed", accepted: "Accepted", correction: "Correction needed", rejected: "Rejected" },
      tags: { attitude: "Attitude", efficiency: "Efficiency", cumbersome: "Cumbersome process",
        extra_materials: "Asked for extra materials", environment: "Environment", other: "Other" },
      steps: { open: "Recorded", called_back: "Called back", verified: "Verified", rectified: "Rectified",
        revisited: "Revisited", closed: "Closed", appealed: "Under review" }
    }
  };
  var TAGS = ["attitude", "efficiency", "cumbersome", "extra_materials", "environment", "other"];
  var FACE_COLORS = { 5: "#1b7f3b", 4: "#4c9a2a", 3: "#c98a00", 2: "#d9622b", 1: "#b3261e" };

  var initial = JSON.parse(document.getElementById("state").textContent);
  var token = initial.token;
  var state = { ticket: initial.ticket, caseInfo: initial["case"], live: false, refused: "", error: "" };
  var form = { level: 0, tags: [], comment: "", sending: false, key: "" };
  var ticketId = state.ticket.id;
  var lang = pickLang();
  var seen = { status: state.ticket.status, recalls: state.ticket.recall_count || 0 };
  var vibrateOn = false, socket = null, retry = null, backoff = 1000, pending = null, inflight = false, again = false;
  var app = document.getElementById("app");

  function pickLang() {
    var saved = null;
    try { saved = window.localStorage.getItem("phone.lang"); } catch (e) { saved = null; }
    return saved === "en" || saved === "zh" ? saved : (document.documentElement.lang === "en" ? "en" : "zh");
  }
  function t(key, args) {
    var s = TEXT[lang][key];
    Object.keys(args || {}).forEach(function (k) { s = s.replace("{" + k + "}", args[k]); });
    return s;
  }
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { el.textContent = attrs[k]; }
      else if (k.slice(0, 2) === "on") { el.addEventListener(k.slice(2), attrs[k]); }
      else if (attrs[k] !== false && attrs[k] !== null) { el.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    });
    (kids || []).forEach(function (kid) { if (kid) { el.appendChild(kid); } });
    return el;
  }
  function face(level) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var mouth = { 5: "M7 14 Q12 20 17 14", 4: "M8 15 Q12 18 16 15", 3: "M8 16 L16 16",
      2: "M8 17 Q12 14 16 17", 1: "M7 18 Q12 12 17 18" }[level];
    [["circle", { cx: 12, cy: 12, r: 11, fill: FACE_COLORS[level] }],
     ["circle", { cx: 8.5, cy: 9.5, r: 1.5, fill: "#fff" }], ["circle", { cx: 15.5, cy: 9.5, r: 1.5, fill: "#fff" }],
     ["path", { d: mouth, stroke: "#fff", "stroke-width": 1.8, fill: "none", "stroke-linecap": "round" }]
    ].forEach(function (p) {
      var el = document.createElementNS(ns, p[0]);
      Object.keys(p[1]).forEach(function (k) { el.setAttribute(k, p[1][k]); });
      svg.appendChild(el);
    });
    return svg;
  }

  function api(method, path, body, headers) {
    var init = { method: method, cache: "no-store", headers: { Authorization: "Bearer " + token } };
    Object.keys(headers || {}).forEach(function (k) { init.headers[k] = headers[k]; });
    if (body) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; });
    });
  }
  function refresh() {
    if (inflight) { again = true; return; }
    inflight = true;
    api("GET", "/api/v1/tickets/" + encodeURIComponent(ticketId)).then(function (r) {
      /* the link's time is over: the server's page says so, with nothing of the ticket */
      if (r.status === 401 || r.status === 410) { window.location.reload(); return null; }
      if (r.status !== 200) { return null; }
      state.ticket = r.body;
      if (r.body.rating !== null && r.body.rating <= 2) {
        return api("GET", "/api/v1/tickets/" + encodeURIComponent(ticketId) + "/case").then(function (c) {
          if (c.status === 200) { state.caseInfo = c.body["case"]; }
        });
      }
      return null;
    }).catch(function () { return null; }).then(function () {
      inflight = false;
      render();
      if (again) { again = false; refresh(); }
    });
  }
  function soon(ms) { if (!pending) { pending = setTimeout(function () { pending = null; refresh(); }, ms); } }

  function connect() {
    if (/[?&]live=0/.test(window.location.search) || socket) { return; }
    if (retry) { clearTimeout(retry); retry = null; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + "/api/v1/tickets/" + encodeURIComponent(ticketId) +
      "/live?token=" + encodeURIComponent(token));
    socket.onopen = function () { backoff = 1000; state.live = true; renderFoot(); };
    socket.onmessage = function (m) {
      var msg = JSON.parse(m.data), tk = state.ticket;
      if (msg.type === "hello" || msg.mine) { refresh(); return; }
      if (tk.status === "waiting" && (!msg.category || msg.category === tk.category)) { soon(300); }
    };
    socket.onclose = function (e) {
      socket = null; state.live = false; renderFoot();
      if (e.code === 4401) { refresh(); }  /* refused: perhaps the link has expired */
      retry = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function alertIfCalled() {
    var tk = state.ticket, recalls = tk.recall_count || 0;
    var fresh = tk.status === "called" && (seen.status !== "called" || recalls > seen.recalls);
    seen = { status: tk.status, recalls: recalls };
    if (fresh && navigator.vibrate) {
      try { navigator.vibrate([400, 200, 400, 200, 800]); } catch (e) { /* not allowed yet */ }
    }
  }
  /* "about 25 min", or a range ("about 20-30 min") where the spread is wide */
  function estimateText(tk) {
    var m = Math.max(tk.ahead > 0 ? 1 : 0, Math.ceil((tk.estimated_wait_s || 0) / 60));
    var r = tk.estimated_wait_range_s;
    if (m > 0 && r && r.length === 2) {
      var a = Math.floor(r[0] / 300) * 5, b = Math.ceil(r[1] / 300) * 5;
      if (b - a >= 10) { return t("estRange", { a: Math.max(a, 1), b: b }); }
    }
    return m > 0 ? t("est", { m: m }) : t("soon");
  }
  function statusCard() {
    var tk = state.ticket, lines = [], cls = "card status " + tk.status;
    if (tk.status === "waiting") {
      if (tk.target_window) { lines.push(h("p", { "class": "lead", text: t("transferred", { w: tk.target_window }) })); }
      /* nobody can call the ticket (no open, unpaused window serves it): no number, no "next" */
      var noWindow = tk.estimated_wait_s === null || tk.estimated_wait_s === undefined;
      lines.push(h("p", { "class": "lead", id: "ahead",
        text: tk.ahead > 0 ? t("ahead", { n: tk.ahead }) : t(noWindow ? "first" : "next") }));
      lines.push(h("p", { id: "estimate", text: noWindow ? t("noWindow") : estimateText(tk) }));
      if (noWindow) { lines.push(h("p", { id: "estimate-hint", text: t("noWindowHint") })); }
      if (navigator.vibrate) {
        lines.push(h("button", { type: "button", "class": "ghost", id: "vibrate", disabled: vibrateOn,
          text: vibrateOn ? t("vibrateOn") : t("vibrate"),
          onclick: function () { vibrateOn = true; try { navigator.vibrate(150); } catch (e) { /* ignore */ } render(); } }));
      }
    } else if (tk.status === "called" || tk.status === "serving") {
      var key = tk.status === "called" ? "goTo" : "serving";
      lines.push(h("p", { "class": "callout", id: "window", text: t(key, { w: tk.window_no }) }));
      if (tk.status === "called") {
        lines.push(h("p", { "class": "lead", text: tk.recall_count ? t("recalled", { n: tk.recall_count }) : t("yourTurn") }));
      }
    } else if (tk.status === "done") {
      lines.push(h("p", { "class": "lead", text: t("done") + (tk.outcome ? " · " + TEXT[lang].outcomes[tk.outcome] : "") }));
      var missing = (lang === "en" && tk.missing_materials_en) || tk.missing_materials || [];
      if (missing.length) {
        lines.push(h("p", { text: t("missingList") }));
        lines.push(h("ul", {}, missing.map(function (x) { return h("li", { text: x }); })));
      }
    } else {
      var hint = tk.status === "no_show" ? "noShowHint" : "cancelledHint";
      lines.push(h("p", { "class": "lead", text: t(tk.status === "no_show" ? "no_show" : "cancelled") }));
      lines.push(h("p", { text: t(hint) }));
    }
    return h("section", { "class": cls, id: "status" }, lines);
  }
  function rateCard() {
    var faces = [5, 4, 3, 2, 1].map(function (lv) {
      return h("button", { type: "button", "class": "face", "data-level": lv, "aria-pressed": String(form.level === lv),
        onclick: function () { form.level = lv; state.error = ""; render(); } }, [face(lv), h("span", { text: TEXT[lang].levels[lv] })]);
    });
    var tags = TAGS.map(function (tag) {
      var on = form.tags.indexOf(tag) >= 0;
      return h("button", { type: "button", "class": "chip", "data-tag": tag, "aria-pressed": String(on),
        onclick: function () { form.tags = on ? form.tags.filter(function (x) { return x !== tag; }) : form.tags.concat([tag]); render(); },
        text: TEXT[lang].tags[tag] });
    });
    var comment = h("textarea", { id: "comment", maxlength: 200, rows: 2, placeholder: t("commentHint"),
      oninput: function (e) { form.comment = e.target.value; } });
    comment.value = form.comment;
    var bad = form.level > 0 && form.level <= 2;  /* like the pad: reasons only for a bad rating */
    return h("section", { "class": "card rate", id: "rate" }, [
      h("h2", { text: t("rateTitle") }), h("div", { "class": "faces" }, faces),
      bad ? h("p", { "class": "small", text: t("tagsTitle") }) : null,
      bad ? h("div", { "class": "chips" }, tags) : null, bad ? comment : null,
      state.error ? h("p", { "class": "error", id: "rate-error", text: state.error }) : null,
      h("button", { type: "button", "class": "primary", id: "submit", disabled: form.sending,
        text: form.sending ? t("sending") : t("submit"), onclick: submit })
    ]);
  }
  function submit() {
    if (!form.level) { state.error = t("pickLevel"); render(); return; }
    form.sending = true; form.key = form.key || String(Date.now()) + Math.random().toString(16).slice(2);
    render();
    var bad = form.level <= 2;
    var body = { ticket_id: ticketId, level: form.level, tags: bad ? form.tags : [],
      comment: (bad && form.comment.trim()) || null, channel: "phone" };
    api("POST", "/api/v1/ratings", body, { "Idempotency-Key": form.key }).then(function (r) {
      form.sending = false;
      if (r.status === 201) { state.ticket.rating = form.level; state.error = ""; }
      else if (r.status === 409) { state.refused = t("already"); }
      else { state.error = (lang === "zh" ? r.body.detail_zh : r.body.detail) || t("failed"); }
      refresh();
    }, function () { form.sending = false; state.error = t("failed"); render(); });
  }
  function ratedCard() {
    var lv = state.ticket.rating, kids = [];
    if (state.refused) { kids.push(h("p", { "class": "error", id: "refused", text: state.refused })); }
    if (lv) {
      kids.push(h("p", { "class": "lead", id: "rated", text: t("yourRating", { level: TEXT[lang].levels[lv] }) }));
      kids.push(h("p", { text: t("thanks") }));
    }
    return h("section", { "class": "card rated", id: "rated-card" }, kids);
  }
  function localDate(iso) {
    var p = String(iso).split("-").map(Number);
    if (p.length !== 3) { return String(iso); }
    return lang === "zh" ? p[0] + "年" + p[1] + "月" + p[2] + "日"
      : new Date(p[0], p[1] - 1, p[2]).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
  }
  // the date in a no-wrap span: "2026年12月4日" never breaks across lines
  function withDate(key, date) {
    var parts = t(key, { d: "\u0000" }).split("\u0000");
    return [document.createTextNode(parts[0]), h("span", { "class": "nowrap", text: date }),
      document.createTextNode(parts[1] || "")];
  }
  function caseCard() {
    var c = state.caseInfo, reached = {};
    c.history.forEach(function (s) { reached[s.status] = s.at; });
    var steps = c.steps.concat(c.status === "appealed" ? ["appealed"] : []).map(function (s) {
      // in the hall's time zone, whatever zone the phone is set to
      var at = reached[s] ? new Date(reached[s]).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB",
        { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
          timeZone: (initial.hall && initial.hall.timezone) || undefined }) : "";
      return h("li", { "class": reached[s] ? "reached" : "", "data-step": s }, [h("span", { text: TEXT[lang].steps[s] }), h("small", { text: at })]);
    });
    return h("section", { "class": "card case", id: "case" }, [
      h("h2", { text: t("caseTitle") }),
      c.status === "closed" ? h("p", { id: "case-state", text: t("caseDone") })
        : h("p", { id: "case-state" }, withDate("caseIntro", localDate(c.deadline))),
      h("ol", { "class": "steps" }, steps)
    ]);
  }
  function renderFoot() {
    var el = document.getElementById("conn");
    if (el) { el.textContent = state.live ? t("liveOn") : t("liveOff"); el.className = state.live ? "conn on" : "conn off"; }
  }
  function render() {
    var tk = state.ticket, focused = document.activeElement && document.activeElement.id === "comment";
    alertIfCalled();
    document.documentElement.lang = lang;
    document.title = tk.status === "called" ? t("titleCalled", { w: tk.window_no }) : tk.number + " · " + t("title");
    var hall = initial.hall[lang];
    var kids = [
      h("header", { "class": "bar" }, [h("span", { "class": "hall", text: hall }),
        h("button", { type: "button", "class": "lang", id: "lang", text: t("langButton"), onclick: toggleLang })]),
      h("section", { "class": "card ticket" }, [h("p", { "class": "small", text: t("yourNumber") }),
        h("div", { "class": "number", id: "number", text: tk.number }),
        h("p", { "class": "category", text: lang === "zh" ? tk.category_name_zh : tk.category_name_en })]),
      statusCard()
    ];
    if (tk.status === "done" && !tk.rating && !state.refused) { kids.push(rateCard()); }
    if (tk.rating || state.refused) { kids.push(ratedCard()); }
    if (tk.rating && tk.rating <= 2 && state.caseInfo) { kids.push(caseCard()); }
    kids.push(h("p", { id: "conn" }), h("footer", { text: t("privacy") }));
    app.replaceChildren.apply(app, kids);
    app.className = "status-" + tk.status;
    renderFoot();
    if (focused) { document.getElementById("comment").focus(); }
  }
  function toggleLang() {
    lang = lang === "zh" ? "en" : "zh";
    try { window.localStorage.setItem("phone.lang", lang); } catch (e) { /* private mode */ }
    render();
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { refresh(); connect(); }
  });
  render();
  connect();
}());

/* uprdraft serve: a document form generated from the kind's JSON Schema.
 *
 * The data typed is kept in `state` (plain JSON, exactly the input file's fields), saved in
 * localStorage on every change, and sent (debounced) to POST /api/validate/<kind>?fields=1:
 * the server applies the same rules as the CLI and says which field each finding is about.
 * Nothing here applies a rule. Vanilla JavaScript, no library, nothing fetched from outside.
 */
(function () {
  "use strict";
  var setup = JSON.parse(document.getElementById("setup").textContent);
  var schema = setup.schema;
  var cat = setup.catalogue;
  var T = cat.ui;
  var KIND = setup.kind;
  var STORE = "uprdraft:draft:" + KIND;
  var LONG = ["body", "summary", "methodology", "conclusions", "description", "text", "assessment",
              "children_participation", "expected_results", "budget"];
  var state = {};
  var timer = null;
  var seq = 0;
  var lastReport = null;

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "text") e.textContent = v;
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function resolve(s) {
    while (s && s.$ref) s = schema.$defs[s.$ref.split("/").pop()];
    return s || {};
  }
  /* the schema of a value, nulls removed; unions kept as {union: [...]} */
  function shape(s) {
    s = resolve(s);
    if (s.anyOf) {
      var alts = s.anyOf.filter(function (a) { return a.type !== "null"; }).map(resolve);
      var merged = {};
      Object.keys(s).forEach(function (k) { if (k !== "anyOf") merged[k] = s[k]; });
      if (alts.length === 1) { Object.keys(alts[0]).forEach(function (k) { merged[k] = alts[0][k]; }); return merged; }
      var arr = alts.filter(function (a) { return a.type === "array"; })[0];
      if (arr) { Object.keys(arr).forEach(function (k) { merged[k] = arr[k]; }); merged.orText = true; return merged; }
      if (alts.every(function (a) { return a.type === "boolean" || a.type === "string"; })) {
        merged.type = "string"; merged.boolText = true; return merged;
      }
      merged.union = alts;
      return merged;
    }
    return s;
  }
  function label(name, s) {
    if (name === "status" && s && s.enum && s.enum.indexOf("no-data") >= 0) return cat.fields.implementation_status;
    return cat.fields[name] || (schema.properties[name] && schema.properties[name].title) ||
      String(name).replace(/_/g, " ").replace(/^./, function (c) { return c.toUpperCase(); });
  }
  function helpText(name, s) {
    if (name === "body" && setup.markdown) return T.body_help;
    return (s.description && cat.descriptions[s.description]) || s.description || "";
  }
  function pid(path) { return "f-" + path.join("-").replace(/[^A-Za-z0-9_-]/g, "_"); }
  function getAt(obj, path) {
    for (var i = 0; i < path.length; i++) { if (obj === undefined || obj === null) return undefined; obj = obj[path[i]]; }
    return obj;
  }
  function setAt(obj, path, value) {
    for (var i = 0; i < path.length - 1; i++) {
      var k = path[i];
      if (obj[k] === undefined || obj[k] === null || typeof obj[k] !== "object") obj[k] = typeof path[i + 1] === "number" ? [] : {};
      obj = obj[k];
    }
    var last = path[path.length - 1];
    if (value === undefined) { if (Array.isArray(obj)) obj[last] = undefined; else delete obj[last]; }
    else obj[last] = value;
  }
  /* the data sent: empty optional values left out, as in a hand-written file */
  function prune(v) {
    if (Array.isArray(v)) return v.map(function (x) { var p = prune(x); return p === undefined ? "" : p; });
    if (v && typeof v === "object") {
      var out = {};
      Object.keys(v).forEach(function (k) {
        var p = prune(v[k]);
        if (p === undefined || p === "" || p === null) return;
        if (typeof p === "object" && !Array.isArray(p) && Object.keys(p).length === 0) return;
        out[k] = p;
      });
      return out;
    }
    return v;
  }

  /* ------------------------------------------------------------------ rendering */
  function findingsList(path) {
    return el("ul", { "class": "field-findings", id: pid(path) + "-findings", "data-findings": path.join(".") });
  }
  function convert(s, raw, input) {
    if (s.type === "boolean") return input.checked;
    if (raw === "") return undefined;
    if (s.type === "integer") { var n = parseInt(raw, 10); return isNaN(n) ? raw : n; }
    if (s.type === "number") { var f = parseFloat(raw); return isNaN(f) ? raw : f; }
    if (s.boolText) { if (raw === "true") return true; if (raw === "false") return false; }
    return raw;
  }
  function scalarInput(path, s, name, labelText, required, long) {
    var id = pid(path);
    var value = getAt(state, path);
    var describedBy = [];
    var help = helpText(name, s);
    var helpEl = help ? el("p", { "class": "help", id: id + "-help", text: help }) : null;
    if (helpEl) describedBy.push(id + "-help");
    describedBy.push(id + "-findings");
    var common = { id: id, name: path.join("."), "aria-describedby": describedBy.join(" "),
                   "data-path": JSON.stringify(path), required: required ? true : null };
    var input;
    if (s.enum) {
      input = el("select", common, [el("option", { value: "", text: T.choose })].concat(s.enum.map(function (o) {
        var shown = cat.choices && cat.choices[String(o)];
        return el("option", { value: String(o), text: shown && shown !== String(o) ? shown + " (" + o + ")" : String(o), selected: String(value) === String(o) });
      })));
    } else if (s.type === "boolean") {
      common.type = "checkbox";
      input = el("input", common);
      input.checked = !!value;
    } else if (s.type === "string" && !s.format && (long || LONG.indexOf(name) >= 0)) {
      common.rows = name === "body" ? 18 : 5;
      common.spellcheck = "true";
      if (name === "body") common.lang = state.language || null;
      input = el("textarea", common);
      input.value = value === undefined || value === null ? "" : String(value);
    } else {
      if (s.type === "integer" || s.type === "number") { common.type = "number"; common.inputmode = "numeric";
        if (s.minimum !== undefined) common.min = s.minimum; if (s.maximum !== undefined) common.max = s.maximum; }
      else if (s.format === "date") common.type = "date";
      else if (s.format === "time") common.type = "time";
      else if (name === "email") { common.type = "email"; common.autocomplete = "email"; }
      else common.type = "text";
      input = el("input", common);
      input.value = value === undefined || value === null ? "" : String(value);
    }
    input.addEventListener(input.tagName === "SELECT" || common.type === "checkbox" ? "change" : "input", function () {
      setAt(state, path, convert(s, input.value, input));
      changed();
    });
    var lab = el("label", { "for": id }, [labelText, required ? el("span", { "class": "req", text: " (" + T.required + ")" }) : null]);
    var wrap = el("div", { "class": "field" + (s.type === "boolean" ? " check" : ""), "data-field": path.join(".") },
      s.type === "boolean" ? [input, lab, helpEl, findingsList(path)] : [lab, helpEl, input, findingsList(path)]);
    if (name === "body" && path.length === 1 && schema.properties.footnotes) {
      wrap.appendChild(el("div", { "class": "buttons" }, [
        el("button", { type: "button", id: "add-footnote", text: T.footnote_add, onclick: function () { addFootnote(input); } })]));
    }
    return wrap;
  }
  function addFootnote(textarea) {
    var notes = state.footnotes || {};
    var n = 1;
    while (notes[String(n)] !== undefined || (state.body || "").indexOf("[^" + n + "]") >= 0) n++;
    var at = textarea.selectionEnd || textarea.value.length;
    textarea.value = textarea.value.slice(0, at) + "[^" + n + "]" + textarea.value.slice(at);
    state.body = textarea.value;
    notes[String(n)] = "";
    state.footnotes = notes;
    changed();
    render();
    var box = document.getElementById(pid(["footnotes", String(n)]));
    if (box) box.focus();
  }
  function objectGroup(path, s, legendText, required) {
    var id = pid(path);
    var fs = el("fieldset", { "class": "group", "data-field": path.join("."), id: id + "-group" },
      [el("legend", { text: legendText + (required ? " (" + T.required + ")" : "") })]);
    var help = helpText(path[path.length - 1], s);
    if (help && typeof path[path.length - 1] === "string") fs.appendChild(el("p", { "class": "help", text: help }));
    var req = s.required || [];
    Object.keys(s.properties || {}).forEach(function (name) {
      var sub = s.properties[name];
      if (name === "kind" || setup.file_fields.indexOf(name) >= 0 && path.length === 0) return;
      fs.appendChild(node(path.concat([name]), sub, name, label(name, shape(sub)), req.indexOf(name) >= 0));
    });
    fs.appendChild(findingsList(path));
    return fs;
  }
  function defaultFor(s) {
    s = shape(s);
    if (s.union) s = s.union.filter(function (a) { return a.type === "string"; })[0] || s.union[0];
    if (s.type === "object" || s.properties) return {};
    if (s.type === "array") return [];
    if (s.type === "boolean") return false;
    return "";
  }
  function listGroup(path, s, name, legendText, required) {
    var id = pid(path);
    var items = getAt(state, path);
    if (!Array.isArray(items)) items = (typeof items === "string" && items) ? [items] : [];
    var fs = el("fieldset", { "class": "list", "data-field": path.join("."), id: id + "-group" },
      [el("legend", { text: legendText + (required ? " (" + T.required + ")" : "") })]);
    var help = helpText(name, s);
    if (help) fs.appendChild(el("p", { "class": "help", text: help }));
    var ol = el("ol", {});
    items.forEach(function (item, i) {
      var itemPath = path.concat([i]);
      var itemLabel = legendText + " " + (i + 1);
      var li = el("li", {}, [node(itemPath, s.items, name, itemLabel, true, true)]);
      li.appendChild(el("button", { type: "button", "class": "remove", text: T.remove,
        "aria-label": fmt(T.remove_item, { what: legendText, n: i + 1 }),
        onclick: function () {
          var arr = getAt(state, path);
          if (!Array.isArray(arr)) arr = [arr];
          arr.splice(i, 1);
          setAt(state, path, arr);
          changed(); render();
          var add = document.getElementById(id + "-add"); if (add) add.focus();
        } }));
      ol.appendChild(li);
    });
    fs.appendChild(ol);
    fs.appendChild(el("button", { type: "button", "class": "add", id: id + "-add", text: T.add,
      "aria-label": fmt(T.add_item, { what: legendText }),
      onclick: function () {
        var arr = getAt(state, path);
        if (!Array.isArray(arr)) arr = (typeof arr === "string" && arr) ? [arr] : [];
        arr.push(defaultFor(s.items));
        setAt(state, path, arr);
        changed(); render();
        var group = document.getElementById(pid(path.concat([arr.length - 1])) + "-group") ||
          document.getElementById(pid(path.concat([arr.length - 1])));
        var first = group && (group.matches("input,select,textarea") ? group : group.querySelector("input,select,textarea"));
        if (first) first.focus();
      } }));
    fs.appendChild(findingsList(path));
    return fs;
  }
  function mapGroup(path, s, name, legendText, required) {
    var id = pid(path);
    var map = getAt(state, path) || {};
    var fs = el("fieldset", { "class": "list map", "data-field": path.join("."), id: id + "-group" },
      [el("legend", { text: legendText })]);
    var help = helpText(name, s);
    if (help) fs.appendChild(el("p", { "class": "help", text: help }));
    var ol = el("ul", {});
    Object.keys(map).forEach(function (key, i) {
      var kid = id + "-key-" + i;
      var tid = pid(path.concat([key]));
      var keyInput = el("input", { type: "text", id: kid, value: key, size: 6 });
      keyInput.addEventListener("change", function () {
        var m = getAt(state, path) || {};
        var nk = keyInput.value.trim();
        if (!nk || nk === key || m[nk] !== undefined) { keyInput.value = key; return; }
        var out = {};
        Object.keys(m).forEach(function (k) { out[k === key ? nk : k] = m[k]; });
        setAt(state, path, out); changed(); render();
      });
      var text = el("textarea", { id: tid, rows: 2, "aria-describedby": tid + "-findings" });
      text.value = map[key] || "";
      text.addEventListener("input", function () { setAt(state, path.concat([key]), text.value); changed(); });
      ol.appendChild(el("li", { "class": "map-row", "data-field": path.concat([key]).join(".") }, [
        el("div", { "class": "field key" }, [el("label", { "for": kid, text: T.footnote_id }), keyInput]),
        el("div", { "class": "field" }, [el("label", { "for": tid, text: T.footnote_text + " [^" + key + "]" }), text,
          findingsList(path.concat([key]))]),
        el("button", { type: "button", "class": "remove", text: T.remove,
          "aria-label": fmt(T.remove_item, { what: legendText, n: key }),
          onclick: function () { var m = getAt(state, path) || {}; delete m[key]; changed(); render(); } })]));
    });
    fs.appendChild(ol);
    fs.appendChild(el("button", { type: "button", "class": "add", id: id + "-add", text: T.add,
      "aria-label": fmt(T.add_item, { what: legendText }),
      onclick: function () {
        var m = getAt(state, path) || {};
        var n = 1; while (m[String(n)] !== undefined) n++;
        m[String(n)] = ""; setAt(state, path, m); changed(); render();
        var box = document.getElementById(pid(path.concat([String(n)]))); if (box) box.focus();
      } }));
    fs.appendChild(findingsList(path));
    return fs;
  }
  function node(path, rawSchema, name, labelText, required, inList) {
    var s = shape(rawSchema);
    if (s.union) {
      var value = getAt(state, path);
      var obj = s.union.filter(function (a) { return a.type === "object" || a.properties; })[0];
      var str = s.union.filter(function (a) { return a.type === "string"; })[0];
      s = (value && typeof value === "object" && obj) ? obj : (str || obj);
    }
    if (s.orText && typeof getAt(state, path) === "string") {
      /* text or a list of texts (voluntary_commitments): text given, kept as text */
      return scalarInput(path, { type: "string", description: s.description }, name, labelText, required && !inList, true);
    }
    if (s.type === "array") return listGroup(path, s, name, labelText, required);
    if (s.properties) return objectGroup(path, s, labelText, required && !inList);
    if (s.type === "object" && s.additionalProperties) return mapGroup(path, s, name, labelText, required);
    return scalarInput(path, s, name, labelText, required && !inList);
  }
  function render() {
    var root = document.getElementById("fields");
    var active = document.activeElement && document.activeElement.id;
    root.textContent = "";
    var req = schema.required || [];
    Object.keys(schema.properties).forEach(function (name) {
      if (name === "kind" || setup.file_fields.indexOf(name) >= 0) return;
      root.appendChild(node([name], schema.properties[name], name, label(name), req.indexOf(name) >= 0));
    });
    if (active && document.getElementById(active)) document.getElementById(active).focus();
    if (lastReport) showFindings(lastReport);
  }

  /* ------------------------------------------------------------------ checking */
  function changed() {
    state.kind = KIND;
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: keep going */ }
    clearTimeout(timer);
    timer = setTimeout(validate, 400);
    document.getElementById("summary").setAttribute("aria-busy", "true");
  }
  function api(url, body) {
    return fetch(url, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Requested-With": "uprdraft" }, body: JSON.stringify(body) });
  }
  function validate() {
    var mine = ++seq;
    api("/api/validate/" + KIND + "?fields=1", prune(state)).then(function (r) { return r.json(); }).then(function (report) {
      if (mine !== seq) return;
      lastReport = report;
      showFindings(report);
      showMeter(report.stats || {});
    }).catch(function () { /* the server went away: keep the draft, try at the next change */ });
  }
  function findingItem(f) {
    var sev = f.severity === "error" ? T.error : T.warning;
    return el("li", { "class": "finding " + f.severity, "data-code": f.code }, [
      el("span", { "class": "sev", text: sev + ": " }), f.message + " ", el("code", { text: "[" + f.code + "]" })]);
  }
  function target(field) {
    var parts = field ? field.split(".") : [];
    while (parts.length) {
      var list = document.querySelector('[data-findings="' + parts.join(".").replace(/"/g, "") + '"]');
      if (list) return list;
      parts.pop();
    }
    return null;
  }
  function showFindings(report) {
    document.querySelectorAll("[data-findings]").forEach(function (ul) { ul.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach(function (i) { i.removeAttribute("aria-invalid"); });
    var general = document.getElementById("general");
    general.textContent = "";
    var generalList = el("ul", { "class": "field-findings" });
    var errors = 0, warnings = 0;
    (report.findings || []).forEach(function (f) {
      if (f.severity === "error") errors++; else warnings++;
      var where = target(f.field);
      (where || generalList).appendChild(findingItem(f));
      if (where && f.severity === "error") {
        var input = document.getElementById(where.id.replace(/-findings$/, ""));
        if (input) input.setAttribute("aria-invalid", "true");
      }
    });
    if (generalList.childNodes.length) {
      general.appendChild(el("h3", { text: T.general_findings }));
      general.appendChild(generalList);
    }
    var summary = document.getElementById("summary");
    summary.removeAttribute("aria-busy");
    summary.textContent = "";
    summary.className = report.ok ? (warnings ? "summary warn" : "summary ok") : "summary bad";
    summary.appendChild(el("p", { text: (errors + warnings) === 0 ? T.all_good :
      errors + " " + T.errors + ", " + warnings + " " + T.warnings }));
    document.querySelectorAll("#downloads button").forEach(function (b) { b.setAttribute("aria-disabled", report.ok ? "false" : "true"); });
  }
  function num(n) { return Number(n).toLocaleString(setup.lang); }
  function mmss(sec) { sec = Math.round(sec); return Math.floor(sec / 60) + ":" + ("0" + (sec % 60)).slice(-2); }
  function fillBar(pct) {
    var f = el("div", { "class": "fill" });
    f.style.width = pct + "%";  /* through the CSSOM: allowed by the page's style policy */
    return f;
  }
  function bar(value, limit, text) {
    var over = value > limit;
    var pct = Math.min(100, Math.round(100 * value / Math.max(limit, 1)));
    return el("div", { "class": "gauge" + (over ? " over" : "") }, [
      el("p", { "class": "gauge-text", id: "gauge-" + Math.random().toString(36).slice(2), text: text }),
      el("div", { "class": "track", "aria-hidden": "true" }, [fillBar(pct)])]);
  }
  function showMeter(stats) {
    var meter = document.getElementById("meter");
    meter.textContent = "";
    var words = stats.words;
    var total = words && typeof words === "object" ? words.total : words;
    if (typeof total === "number") {
      var limit = stats.limit;
      var text = limit ? fmt(T.words_of, { n: num(total), limit: num(limit) }) : fmt(T.words, { n: num(total) });
      if (limit && total > limit) text += " — " + fmt(T.over_by, { n: num(total - limit) });
      var g = limit ? bar(total, limit, text) : el("p", { "class": "gauge-text", text: text });
      g.id = "word-count"; g.setAttribute("data-words", total); if (limit) g.setAttribute("data-limit", limit);
      meter.appendChild(g);
    }
    if (typeof stats.seconds === "number" && stats.limit_seconds) {
      var t = bar(stats.seconds, stats.limit_seconds, fmt(T.time_of, { time: mmss(stats.seconds), limit: mmss(stats.limit_seconds) }));
      t.id = "speaking-time"; meter.appendChild(t);
    }
    if (stats.deadline) {
      var days = Math.round((new Date(stats.deadline) - new Date(setup.today)) / 86400000);
      meter.appendChild(el("p", { id: "deadline", "class": days < 0 ? "late" : "", text: fmt(T.deadline, { date: stats.deadline }) + " (" +
        (days < 0 ? fmt(T.days_ago, { n: -days }) : fmt(T.days_left, { n: days })) + ")" }));
    }
    var dl = el("dl", { "class": "stats" });
    Object.keys(stats).forEach(function (k) {
      var v = stats[k];
      if (["words", "limit", "seconds", "limit_seconds", "deadline"].indexOf(k) >= 0) return;
      if (v === null || typeof v === "object" || !cat.stats[k]) return;
      dl.appendChild(el("dt", { text: cat.stats[k] }));
      dl.appendChild(el("dd", { text: String(v) }));
    });
    if (dl.childNodes.length) meter.appendChild(dl);
  }

  /* ------------------------------------------------------------------ files */
  function saveBlob(blob, name) {
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function filename(r, fallback) {
    var m = /filename="([^"]+)"/.exec(r.headers.get("content-disposition") || "");
    return m ? m[1] : fallback;
  }
  function showError(where, report) {
    where.textContent = "";
    where.appendChild(el("span", { text: T.download_failed }));
    var ul = el("ul", { "class": "field-findings" });
    (report.findings || []).forEach(function (f) { ul.appendChild(findingItem(f)); });
    where.appendChild(ul);
  }
  function download(role, suffix) {
    var status = document.getElementById("download-status");
    status.textContent = T.checking;
    var url = "/api/render/" + KIND + "?output=" + encodeURIComponent(role);
    var sent;
    if (setup.inputs.length) {
      var fd = new FormData();
      fd.append("input", JSON.stringify(prune(state)));
      setup.inputs.forEach(function (n) { var f = document.getElementById("input-" + n).files[0]; if (f) fd.append(n, f); });
      sent = fetch(url, { method: "POST", body: fd, credentials: "same-origin" });
    } else {
      sent = api(url, prune(state));
    }
    sent.then(function (r) {
      if (r.ok) return r.blob().then(function (b) { saveBlob(b, filename(r, KIND + suffix)); status.textContent = filename(r, KIND + suffix); });
      return r.json().then(function (rep) { showError(status, rep); });
    });
  }
  function save(format) {
    api("/api/save/" + KIND + "?format=" + format, prune(state)).then(function (r) {
      if (r.ok) return r.blob().then(function (b) { saveBlob(b, filename(r, KIND + "." + format)); });
      return r.json().then(function (rep) { showError(document.getElementById("form-status"), rep); });
    });
  }
  function load(file) {
    var fd = new FormData(); fd.append("file", file);
    fetch("/api/load", { method: "POST", body: fd, credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (out) {
      var status = document.getElementById("form-status");
      if (!out.report || !out.report.ok) { showError(status, out.report || out); return; }
      state = out.data || {};
      setup.file_fields.forEach(function (f) { delete state[f]; });
      status.textContent = T.loaded;
      render(); changed();
    });
  }
  function starter() {
    fetch("/api/starter/" + KIND, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (out) {
      state = out.data || { kind: KIND }; render(); changed();
    });
  }

  /* ------------------------------------------------------------------ start */
  var downloads = document.getElementById("downloads");
  setup.inputs.forEach(function (n) {
    downloads.parentNode.insertBefore(el("div", { "class": "field" }, [
      el("label", { "for": "input-" + n, text: T.input_docx }),
      el("input", { type: "file", id: "input-" + n, accept: ".docx" })]), downloads);
  });
  setup.outputs.forEach(function (o) {
    downloads.appendChild(el("button", { type: "button", id: "download-" + o.role, "data-role": o.role,
      text: fmt(T.download_as, { what: cat.roles[o.role] || o.role + " (" + o.suffix + ")" }),
      onclick: function () { download(o.role, o.suffix); } }));
  });
  document.getElementById("save-yaml").addEventListener("click", function () { save("yaml"); });
  var md = document.getElementById("save-md");
  if (md) md.addEventListener("click", function () { save("md"); });
  document.getElementById("load-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var f = document.getElementById("load-file").files[0];
    if (f) load(f);
  });
  document.getElementById("starter").addEventListener("click", function () {
    if (window.confirm(T.confirm_starter)) starter();
  });
  document.getElementById("clear").addEventListener("click", function () {
    if (window.confirm(T.confirm_clear)) { state = { kind: KIND }; render(); changed(); }
  });
  document.getElementById("doc-form").addEventListener("submit", function (e) { e.preventDefault(); });
  var kept = null;
  try { kept = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { kept = null; }
  var pending = null;
  try { pending = JSON.parse(sessionStorage.getItem("uprdraft:import") || "null"); } catch (e) { pending = null; }
  if (pending && pending.kind === KIND) {
    sessionStorage.removeItem("uprdraft:import");
    state = kept || {};
    fetch("/api/starter/" + KIND, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (out) {
      if (!kept) state = out.data || {};
      state[pending.field || "recommendations"] = pending.recommendations;
      render(); changed();
    });
  } else if (kept && typeof kept === "object") {
    state = kept; render(); validate();
  } else {
    starter();
  }
})();

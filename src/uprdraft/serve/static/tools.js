/* uprdraft serve: the check/fix page and the import page. Vanilla JavaScript. */
(function () {
  "use strict";
  var setup = JSON.parse(document.getElementById("setup").textContent);
  var T = setup.catalogue.ui;
  var S = setup.catalogue.stats;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === undefined || attrs[k] === null || attrs[k] === false) return;
      if (k === "text") e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function saveBlob(blob, name) {
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function filename(r, fallback) {
    var m = /filename="([^"]+)"/.exec(r.headers.get("content-disposition") || "");
    return m ? m[1] : fallback;
  }
  function showReport(where, report, extra) {
    where.textContent = "";
    var findings = report.findings || [];
    var errors = findings.filter(function (f) { return f.severity === "error"; }).length;
    where.appendChild(el("p", { "class": "summary " + (report.ok ? (findings.length ? "warn" : "ok") : "bad"),
      text: findings.length ? errors + " " + T.errors + ", " + (findings.length - errors) + " " + T.warnings : T.all_good }));
    if (extra) where.appendChild(extra);
    var ul = el("ul", { "class": "field-findings" });
    findings.forEach(function (f) {
      ul.appendChild(el("li", { "class": "finding " + f.severity, "data-code": f.code }, [
        el("span", { "class": "sev", text: (f.severity === "error" ? T.error : T.warning) + ": " }),
        (f.location ? f.location + ": " : "") + f.message + " ", el("code", { text: "[" + f.code + "]" })]));
    });
    where.appendChild(ul);
  }
  function statsList(stats, keys) {
    var dl = el("dl", { "class": "stats" });
    keys.forEach(function (k) {
      var v = k.split(".").reduce(function (o, p) { return o && o[p]; }, stats);
      if (v === undefined || v === null || typeof v === "object") return;
      dl.appendChild(el("dt", { text: S[k.split(".").pop()] || k }));
      dl.appendChild(el("dd", { text: String(v) }));
    });
    return dl;
  }
  function formData(form) {
    var fd = new FormData();
    Array.prototype.forEach.call(form.elements, function (i) {
      if (!i.name) return;
      if (i.type === "file") { if (i.files[0]) fd.append(i.name, i.files[0]); }
      else if (i.value) fd.append(i.name, i.value);
    });
    return fd;
  }

  var check = document.getElementById("check-form");
  if (check) {
    var results = document.getElementById("results");
    check.addEventListener("submit", function (e) {
      e.preventDefault();
      results.textContent = T.checking;
      fetch("/api/check", { method: "POST", body: formData(check), credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (rep) { showReport(results, rep, statsList(rep.stats || {}, ["words.total", "words.body", "words.footnotes", "limit", "runs"])); });
    });
    document.getElementById("run-fix").addEventListener("click", function () {
      var status = document.getElementById("fix-status");
      if (!check.reportValidity()) return;
      status.textContent = T.checking;
      var fd = formData(check); fd.delete("status");
      fetch("/api/fix", { method: "POST", body: fd, credentials: "same-origin" }).then(function (r) {
        if (r.ok) return r.blob().then(function (b) {
          var n = filename(r, "fixed.docx");
          saveBlob(b, n);
          status.textContent = "";
          var link = el("a", { href: URL.createObjectURL(b), download: n, id: "fixed-link", text: T.download_fixed + " (" + n + ")" });
          status.appendChild(link);
        });
        return r.json().then(function (rep) { status.textContent = ""; showReport(results, rep); });
      });
    });
  }

  var imp = document.getElementById("import-form");
  if (imp) {
    var out = document.getElementById("results");
    var actions = document.getElementById("import-actions");
    var last = null;
    imp.addEventListener("submit", function (e) {
      e.preventDefault();
      out.textContent = T.checking;
      actions.hidden = true;
      fetch("/api/import", { method: "POST", body: formData(imp), credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (res) {
          var rep = res.report || res;
          showReport(out, rep, statsList(rep.stats || {}, ["rows", "imported", "skipped"]));
          last = res;
          actions.hidden = !res.yaml;
        });
    });
    document.getElementById("download-yaml").addEventListener("click", function () {
      if (last && last.yaml) saveBlob(new Blob([last.yaml], { type: "application/yaml" }), last.name || "recommendations.yaml");
    });
    [["use-midterm", "midterm-report"], ["use-plan", "action-plan"]].forEach(function (p) {
      document.getElementById(p[0]).addEventListener("click", function () {
        if (!last) return;
        var recs = last.recommendations;
        if (p[1] === "action-plan") recs = recs.map(function (r) { return { recommendation: r }; });
        var data = { kind: p[1], recommendations: p[1] === "midterm-report" ? recs : undefined, items: p[1] === "action-plan" ? recs : undefined };
        sessionStorage.setItem("uprdraft:import", JSON.stringify({ kind: p[1], recommendations: data.recommendations || data.items, field: p[1] === "action-plan" ? "items" : "recommendations" }));
        window.location.href = "/form/" + p[1];
      });
    });
  }
})();

// Filters for presslint's HTML report: by severity, by rule and by text.
// The page reads the same without this script; it only hides what does
// not match and says how many findings are shown.
(function () {
  "use strict";
  var box = document.getElementById("filters");
  if (!box) return;
  var form = box.querySelector("form");
  var rule = document.getElementById("rule-filter");
  var search = document.getElementById("search-filter");
  var status = document.getElementById("filter-status");
  var findings = document.getElementsByClassName("finding");
  var total = findings.length;
  // Filled on first use: each finding's spot, card and file, and the
  // text a search looks in (its own, its image's facts, its file's name).
  var owners = null;
  var texts = null;
  var groups = ["div.spot", "li.card", "article.file"];

  function severity(f) {
    return f.classList.contains("error") ? "error" : f.classList.contains("warning") ? "warning" : "info";
  }

  function lookups() {
    owners = [];
    texts = [];
    for (var i = 0; i < total; i++) {
      var f = findings[i];
      owners.push(groups.map(function (g) { return f.closest(g); }));
      var facts = owners[i][1] ? owners[i][1].querySelector(".facts dl") : null;
      var file = owners[i][2];
      var head = file ? file.querySelector("h3").textContent + " " + file.getAttribute("data-path") : "";
      texts.push((f.textContent + " " + (facts ? facts.textContent : "") + " " + head).toLowerCase());
    }
  }

  function say(shown, filtering) {
    status.textContent = "Showing " + shown + " of " + total + " findings" +
      (filtering ? "; images and files without a matching finding are hidden." : ".");
    status.setAttribute("data-shown", String(shown));
  }

  function apply() {
    if (!owners) lookups();
    var severities = {};
    var off = false;
    form.querySelectorAll("input[name=severity]").forEach(function (b) {
      severities[b.value] = b.checked;
      off = off || !b.checked;
    });
    var wanted = rule.value;
    var q = search.value.trim().toLowerCase();
    var filtering = off || !!wanted || !!q;
    var shown = 0;
    var seen = new Set();
    for (var i = 0; i < total; i++) {
      var f = findings[i];
      var ok = severities[severity(f)] &&
        (!wanted || f.getAttribute("data-rule") === wanted) &&
        (!q || texts[i].indexOf(q) !== -1);
      if (f.hidden === ok) f.hidden = !ok;
      if (ok) {
        shown++;
        owners[i].forEach(function (o) { if (o) seen.add(o); });
      }
    }
    groups.forEach(function (g) {
      document.querySelectorAll(g).forEach(function (el) {
        var hide = filtering && !seen.has(el);
        if (el.hidden !== hide) el.hidden = hide;
      });
    });
    say(shown, filtering);
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  box.hidden = false;
  say(total, false);
})();

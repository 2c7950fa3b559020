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
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var cards = Array.prototype.slice.call(document.querySelectorAll("li.card"));
  var files = Array.prototype.slice.call(document.querySelectorAll("article.file"));
  var texts = null;

  // What a search looks in: a finding's text, and its image's and file's.
  function haystacks() {
    return findings.map(function (f) {
      var card = f.closest("li.card");
      var file = f.closest("article.file");
      var own = f.textContent;
      var facts = card ? card.querySelector(".facts dl") : null;
      var head = file ? file.querySelector("h3").textContent + " " + file.getAttribute("data-path") : "";
      return (own + " " + (facts ? facts.textContent : "") + " " + head).toLowerCase();
    });
  }

  function apply() {
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      severities[box.value] = box.checked;
    });
    var wanted = rule.value;
    var q = search.value.trim().toLowerCase();
    if (q && !texts) texts = haystacks();
    var filtering = !!(wanted || q) || Object.keys(severities).some(function (k) { return !severities[k]; });
    var shown = 0;
    findings.forEach(function (f, i) {
      var ok = severities[f.getAttribute("data-severity")] &&
        (!wanted || f.getAttribute("data-rule") === wanted) &&
        (!q || texts[i].indexOf(q) !== -1);
      f.hidden = !ok;
      if (ok) shown++;
    });
    cards.forEach(function (c) {
      c.hidden = filtering && !c.querySelector("li.finding:not([hidden])");
    });
    files.forEach(function (a) {
      a.hidden = filtering && !a.querySelector("li.finding:not([hidden])");
    });
    status.textContent = "Showing " + shown + " of " + findings.length + " findings" +
      (filtering ? "; images and files without a matching finding are hidden." : ".");
    status.setAttribute("data-shown", String(shown));
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  box.hidden = false;
  apply();
})();

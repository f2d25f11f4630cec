// The review desk's keys. Plain JavaScript, no build step.
// Conflict page: every control has data-key="<key>" (a, 1-9, x, s, u, j, k); pressing the key clicks it,
// so a decision is the same form POST a mouse click makes (CSRF token included).
// Queue page: j/k move the selection, Enter or o opens the selected conflict.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function queueKeys(e) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row[data-href]"));
    if (!rows.length) return false;
    var at = rows.findIndex(function (r) { return r.classList.contains("sel"); });
    if (e.key === "j" || e.key === "k") {
      if (at >= 0) rows[at].classList.remove("sel");
      at = e.key === "j" ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1);
      rows[at].classList.add("sel");
      rows[at].scrollIntoView({block: "nearest"});
      return true;
    }
    if ((e.key === "Enter" || e.key === "o") && at >= 0) {
      window.location.href = rows[at].getAttribute("data-href");
      return true;
    }
    return false;
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (document.body.getAttribute("data-page") === "queue") {
      if (queueKeys(e)) e.preventDefault();
      return;
    }
    if ("ax123456789sujk".indexOf(e.key) < 0 || e.key.length !== 1) return;
    var el = document.querySelector('[data-key="' + e.key + '"]');
    if (!el || el.disabled) return;
    e.preventDefault();
    el.click();
  });
  document.addEventListener("click", function (e) {
    var row = e.target.closest && e.target.closest("tr.row[data-href]");
    if (row && !e.target.closest("a")) window.location.href = row.getAttribute("data-href");
  });
  // Show each version's marked region inside its scrolling box.
  Array.prototype.forEach.call(document.querySelectorAll(".fulltext"), function (box) {
    var m = box.querySelector("mark.region");
    if (m) box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - box.clientHeight / 3);
  });
})();

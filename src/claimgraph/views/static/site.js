// claimgraph site: filters, search and sorting. The pages read fully without it.
// It only reads the page (data-* attributes and text) and toggles `hidden`,
// classes and `open`: it never builds markup from text.
(function () {
  "use strict";
  var doc = document;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }
  function checkedValues(form, name) {
    var out = {};
    all(form, "input[type=checkbox]").forEach(function (box) {
      if (box.name === name && box.checked) {
        out[box.value] = true;
      }
    });
    return out;
  }
  function folded(text) {
    return (text || "").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }
  function searchText(el) {
    return folded(all(el, ".q-text, .speaker").map(function (n) {
      return n.textContent;
    }).join(" \u2029 "));
  }

  // ------------------------------------------------------------ an event page
  function eventPage(form) {
    var table = doc.querySelector("table.sbs");
    if (!table) {
      return;
    }
    var timeline = all(doc, "table.timeline tbody tr");
    var rows = all(table, "tbody tr");
    var sideHeads = all(table, "thead tr.sides th[data-side]");
    var partyCells = all(table, "[data-party]");
    var search = form.querySelector("input[type=search]");
    var count = form.querySelector(".filter-count");
    var partySide = {};
    all(table, "thead tr.parties th[data-party]").forEach(function (th) {
      partySide[th.getAttribute("data-party")] = th.getAttribute("data-side");
    });
    var cellText = new Map();
    all(table, "tbody td").concat(timeline).forEach(function (el) {
      cellText.set(el, searchText(el));
    });

    function apply() {
      var sides = checkedValues(form, "side");
      var parties = checkedValues(form, "party");
      var questions = checkedValues(form, "question");
      var query = folded(search ? search.value : "");
      function partyShown(party) {
        return parties[party] === true && sides[partySide[party]] === true;
      }
      partyCells.forEach(function (el) {
        el.hidden = !partyShown(el.getAttribute("data-party"));
      });
      sideHeads.forEach(function (th) {
        var side = th.getAttribute("data-side");
        var n = 0;
        Object.keys(partySide).forEach(function (party) {
          if (partySide[party] === side && partyShown(party)) {
            n += 1;
          }
        });
        th.hidden = n === 0;
        th.colSpan = Math.max(n, 1);
      });
      var shown = 0;
      rows.forEach(function (tr) {
        var visible = questions[tr.getAttribute("data-question")] === true;
        var anyMatch = false;
        all(tr, "td[data-party]").forEach(function (td) {
          var hit = query !== "" && !td.hidden && cellText.get(td).indexOf(query) !== -1;
          td.classList.toggle("match", hit);
          all(td, "details.answer").forEach(function (d) {
            if (hit && searchText(d).indexOf(query) !== -1) {
              if (!d.open) {
                d.open = true;
                d.setAttribute("data-opened", "search");
              }
            } else if (d.getAttribute("data-opened") === "search") {
              d.open = false;
              d.removeAttribute("data-opened");
            }
          });
          anyMatch = anyMatch || hit;
        });
        if (query !== "" && !anyMatch) {
          visible = false;
        }
        tr.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      var statements = 0;
      timeline.forEach(function (tr) {
        var visible = questions[tr.getAttribute("data-question")] === true &&
          partyShown(tr.getAttribute("data-party")) &&
          (query === "" || cellText.get(tr).indexOf(query) !== -1);
        tr.hidden = !visible;
        if (visible) {
          statements += 1;
        }
      });
      if (count) {
        count.textContent = shown + " of " + rows.length + " questions, " +
          statements + " of " + timeline.length + " statements shown";
      }
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  // ------------------------------------------------------------ the index
  function indexPage(form) {
    var table = doc.querySelector("table.events");
    if (!table) {
      return;
    }
    var body = table.tBodies[0];
    var rows = all(body, "tr");
    var status = form.querySelector("select[name=status]");
    var place = form.querySelector("select[name=place]");
    var from = form.querySelector("input[name=from]");
    var to = form.querySelector("input[name=to]");
    var count = form.querySelector(".filter-count");

    function apply() {
      var shown = 0;
      rows.forEach(function (tr) {
        var day = tr.getAttribute("data-date") || "";
        var last = tr.getAttribute("data-date-end") || day;
        var ok = (!status.value || tr.getAttribute("data-status") === status.value) &&
          (!place.value || tr.getAttribute("data-place") === place.value) &&
          (!from.value || (last !== "" && last >= from.value)) &&
          (!to.value || (day !== "" && day <= to.value));
        tr.hidden = !ok;
        if (ok) {
          shown += 1;
        }
      });
      if (count) {
        count.textContent = shown + " of " + rows.length + " events shown";
      }
    }

    all(table, "thead th[data-sort]").forEach(function (th) {
      var button = doc.createElement("button");
      button.type = "button";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        var numeric = th.getAttribute("data-sort-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        all(table, "thead th[aria-sort]").forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (tr, i) {
          var v = tr.getAttribute("data-" + key) || "";
          return { tr: tr, v: numeric ? Number(v) : v, i: i };
        });
        keyed.sort(function (a, b) {
          var c = 0;
          if (numeric) {
            c = a.v - b.v;
          } else if (a.v === "" || b.v === "") {
            c = (a.v === "") - (b.v === "");
            return c !== 0 ? c : a.i - b.i; // empty values last either way
          } else {
            c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
          }
          if (!ascending) {
            c = -c;
          }
          return c !== 0 ? c : a.i - b.i;
        });
        keyed.forEach(function (k) {
          body.appendChild(k.tr);
        });
      });
    });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  function start() {
    var form = doc.getElementById("filters");
    if (!form) {
      return;
    }
    if (form.getAttribute("data-page") === "index") {
      indexPage(form);
    } else {
      eventPage(form);
    }
  }
  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

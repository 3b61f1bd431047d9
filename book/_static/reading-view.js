/* The reading view's switches and the people's rich tooltips. Without this script the page still
   reads: every layer is shown, and every name carries its tooltip in its title. */
(function () {
  "use strict";
  var STORE = "rv-layers";

  function saved() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }

  function save(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function switches(root) {
    var state = saved();
    root.querySelectorAll(".rv-legend input[data-layer]").forEach(function (box) {
      var layer = box.getAttribute("data-layer");
      if (Object.prototype.hasOwnProperty.call(state, layer)) { box.checked = !!state[layer]; }
      var apply = function () {
        root.classList.toggle("rv-off-" + layer, !box.checked);
        state[layer] = box.checked;
      };
      apply();
      box.addEventListener("change", function () { apply(); save(state); });
    });
  }

  function line(text, cls) {
    var p = document.createElement("p");
    if (cls) { p.className = cls; }
    p.textContent = text;
    return p;
  }

  function tooltips(root) {
    var source = document.getElementById("rv-people-data");
    if (!source) { return; }
    var people = JSON.parse(source.textContent);
    var pop = document.createElement("div");
    pop.className = "rv-pop";
    pop.id = "rv-pop";
    pop.setAttribute("role", "tooltip");
    pop.hidden = true;
    document.body.appendChild(pop);
    var current = null;

    function show(link) {
      var who = people[link.getAttribute("data-person")];
      if (!who) { return; }
      hide();
      current = link;
      if (link.hasAttribute("title")) {
        link.setAttribute("data-title", link.getAttribute("title"));
        link.removeAttribute("title");
      }
      pop.textContent = "";
      pop.appendChild(line(who.name + (who.dates ? " (" + who.dates + ")" : ""), "rv-pop-name"));
      if (who.role) { pop.appendChild(line(who.role)); }
      var where = [who.nationality, who.affiliation].filter(Boolean).join(" · ");
      if (where) { pop.appendChild(line(where)); }
      if (who.fate) { pop.appendChild(line("Fate: " + who.fate)); }
      if (who.record) { pop.appendChild(line("The record: " + who.record, "rv-pop-record")); }
      pop.appendChild(line("Follow the name for the entry in the who's who."));
      link.setAttribute("aria-describedby", "rv-pop");
      pop.hidden = false;
      var box = link.getBoundingClientRect();
      var width = pop.offsetWidth;
      var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
      pop.style.left = (left + window.scrollX) + "px";
      pop.style.top = (box.bottom + window.scrollY + 6) + "px";
    }

    function hide() {
      if (current) {
        if (current.hasAttribute("data-title")) {
          current.setAttribute("title", current.getAttribute("data-title"));
          current.removeAttribute("data-title");
        }
        current.removeAttribute("aria-describedby");
      }
      current = null;
      pop.hidden = true;
    }

    root.addEventListener("mouseover", function (e) {
      var link = e.target.closest && e.target.closest("a.rv-person");
      if (link && link !== current) { show(link); }
    });
    root.addEventListener("mouseout", function (e) {
      var link = e.target.closest && e.target.closest("a.rv-person");
      if (link && !(e.relatedTarget && link.contains(e.relatedTarget))) { hide(); }
    });
    root.addEventListener("focusin", function (e) {
      var link = e.target.closest && e.target.closest("a.rv-person");
      if (link) { show(link); }
    });
    root.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  }

  function finder(root) {
    var box = root.querySelector(".ww-filter");
    if (!box) { return; }
    var people = Array.prototype.slice.call(root.querySelectorAll(".ww-person"));
    var links = Array.prototype.slice.call(root.querySelectorAll(".ww-index a"));
    var shown = root.querySelector(".ww-shown");
    var words = people.map(function (p) { return p.textContent.toLowerCase(); });
    var filter = function () {
      var q = box.value.trim().toLowerCase(), n = 0;
      people.forEach(function (p, i) {
        var keep = !q || words[i].indexOf(q) !== -1;
        p.hidden = !keep;
        if (keep) { n += 1; }
      });
      links.forEach(function (a) {
        var entry = document.getElementById(a.getAttribute("href").slice(1));
        a.hidden = !!(entry && entry.hidden);
      });
      shown.textContent = q ? n + " of " + people.length + " people" : "";
    };
    box.addEventListener("input", filter);
    root.querySelector(".ww-find").hidden = false;
  }

  function start() {
    document.querySelectorAll(".rv").forEach(function (root) {
      switches(root);
      tooltips(root);
    });
    document.querySelectorAll(".ww").forEach(finder);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

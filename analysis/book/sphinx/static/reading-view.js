/* The reading view's switches and tooltips, and the who's-who's search. Without this script the
   page still reads: the switches still show and hide their layers (the style sheet does that),
   every name, tone mark, hindsight sign and time expression carries its tooltip in its title, and
   every entry is shown. */
(function () {
  "use strict";
  var STORE = "rv-layers";

  function saved() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }

  function save(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  /* The switches: the style sheet hides the layer of a switch that is off; this remembers them. */
  function switches(root) {
    var state = saved();
    root.querySelectorAll(".rv-legend input[data-layer]").forEach(function (box) {
      var layer = box.getAttribute("data-layer");
      if (Object.prototype.hasOwnProperty.call(state, layer)) { box.checked = !!state[layer]; }
      box.addEventListener("change", function () { state[layer] = box.checked; save(state); });
    });
  }

  function line(text, cls) {
    var p = document.createElement("p");
    if (cls) { p.className = cls; }
    p.textContent = text;
    return p;
  }

  /* The tooltips of names and of the marks whose title says what they are (tone, hindsight, time):
     on pointing, on focus, and on a tap (a first tap on a name shows who it was, with a link to
     the entry; a second follows the name). A mark of a layer switched off shows nothing. */
  var TITLED = ".rv-tone, .rv-hs-mark, .rv-timex";

  function tooltips(root) {
    var source = document.getElementById("rv-people-data");
    var people = source ? JSON.parse(source.textContent) : {};
    var pop = document.createElement("div");
    pop.className = "rv-pop";
    pop.id = "rv-pop";
    pop.setAttribute("role", "tooltip");
    pop.hidden = true;
    document.body.appendChild(pop);
    var current = null;
    var touched = false;

    function person(link) {
      var who = people[link.getAttribute("data-person")];
      if (!who) { return false; }
      pop.appendChild(line(who.name + (who.dates ? " (" + who.dates + ")" : ""), "rv-pop-name"));
      if (who.role) { pop.appendChild(line(who.role)); }
      var where = [who.nationality, who.affiliation].filter(Boolean).join(" · ");
      if (where) { pop.appendChild(line(where)); }
      if (who.fate) { pop.appendChild(line("Fate in the text: " + who.fate)); }
      if (who.record_fate) { pop.appendChild(line("By the record: " + who.record_fate)); }
      if (who.record) { pop.appendChild(line("Where the text errs: " + who.record, "rv-pop-record")); }
      var go = document.createElement("p");
      var a = document.createElement("a");
      a.href = link.getAttribute("href");
      a.textContent = "The entry in the who's who →";
      go.appendChild(a);
      pop.appendChild(go);
      return true;
    }

    function titled(mark) {
      var text = mark.getAttribute("title") || mark.getAttribute("data-title") || "";
      if (!text) { return false; }
      text.split("; ").forEach(function (part, i) { pop.appendChild(line(part, i ? "" : "rv-pop-name")); });
      return true;
    }

    function show(target) {
      hide();
      pop.textContent = "";
      var ok = target.matches(TITLED) ? titled(target) : person(target);
      if (!ok) { return; }
      current = target;
      if (target.hasAttribute("title")) {
        target.setAttribute("data-title", target.getAttribute("title"));
        target.removeAttribute("title");
      }
      target.setAttribute("aria-describedby", "rv-pop");
      pop.hidden = false;
      var box = target.getBoundingClientRect();
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

    function off(mark) {
      var layer = mark.getAttribute("data-rv-layer");
      var box = layer && root.querySelector('.rv-legend input[data-layer="' + layer + '"]');
      return !!(box && !box.checked);
    }

    function trigger(e) {
      var t = e.target.closest ? e.target.closest("a.rv-person, " + TITLED) : null;
      return t && !off(t) ? t : null;
    }

    document.addEventListener("pointerdown", function (e) { touched = e.pointerType !== "mouse"; }, true);
    root.addEventListener("mouseover", function (e) {
      var t = trigger(e);
      if (t && t !== current && !touched) { show(t); }
    });
    root.addEventListener("mouseout", function (e) {
      var t = trigger(e);
      if (t && t === current && !touched && !(e.relatedTarget && (t.contains(e.relatedTarget)
          || pop.contains(e.relatedTarget)))) { hide(); }
    });
    root.addEventListener("focusin", function (e) {
      var t = e.target.closest && e.target.closest("a.rv-person");
      if (t && t !== current && !touched) { show(t); }  // a tap focuses too: the click decides
    });
    root.addEventListener("click", function (e) {
      var t = trigger(e);
      if (!t) { return; }
      if (t.matches(TITLED)) {
        if (t === current) { hide(); } else { show(t); }
      } else if (touched && t !== current) {
        e.preventDefault();  // a first tap on a name shows who it was
        show(t);
      }
    });
    document.addEventListener("click", function (e) {
      if (current && !pop.contains(e.target) && !(trigger(e))) { hide(); }
    });
    pop.addEventListener("mouseleave", function (e) {
      if (!touched && !(e.relatedTarget && current && current.contains(e.relatedTarget))) { hide(); }
    });
    document.addEventListener("keydown", function (e) {
      touched = false;
      if (e.key === "Escape") { hide(); }
    });
  }

  /* Search text: without accents or case ("Maurin" finds "Maurín"). */
  var LETTERS = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i" };

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .toLowerCase().replace(/[łøđðþæœßı]/g, function (c) { return LETTERS[c]; });
  }

  function finder(root) {
    var box = root.querySelector(".ww-filter");
    if (!box) { return; }
    var people = Array.prototype.slice.call(root.querySelectorAll(".ww-person"));
    var links = Array.prototype.slice.call(root.querySelectorAll(".ww-index a"));
    var shown = root.querySelector(".ww-shown");
    var words = people.map(function (p) {
      return plain((p.getAttribute("data-names") || "") + " " + p.textContent);
    });
    var filter = function () {
      var q = plain(box.value.trim()), n = 0;
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

/* Agreement tables: text filter, state/model/type filters, sortable columns, shareable URLs.
 *
 * Progressive enhancement over a complete server-rendered table: without this script every row
 * is still there. A table split over several pages loads its other pages (same rows, same
 * markup) the first time a reader filters or sorts, so filters cover every agreement.
 */
(function () {
  "use strict";

  var FILTERS = ["q", "state", "model", "type"];
  // A long table (data-preview) lists at most that many matching rows at a time, and a button
  // lists the rest: laying out thousands of rows on load or on every keystroke costs seconds on
  // a phone. The page comes with the first rows in one row group and the rest in a second one,
  // which CSS hides when this script can run (html.g287-preview).
  var CHUNK = 50;

  function first(cell) {
    // The value of a cell without the importer's notes (<small>) after it.
    var node = cell && cell.firstChild;
    return node ? node.textContent.trim() : "";
  }

  function setup(form, index) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) return;
    var status = document.getElementById(table.id + "-status");
    var noun = (status && status.getAttribute("data-noun")) || "agreements";
    var prefix = index === 0 ? "" : table.id + ".";
    var tbody = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var col = {};
    heads.forEach(function (th, i) { col[th.getAttribute("data-key")] = i; });
    var pages = JSON.parse(table.getAttribute("data-pages") || "[]");
    var preview = parseInt(table.getAttribute("data-preview") || "0", 10);
    var previewing = preview > 0 && document.documentElement.classList.contains("g287-preview");
    var current = parseInt(table.getAttribute("data-page") || "1", 10);
    var total = parseInt(table.getAttribute("data-total") || "0", 10);
    var items = null; // described on first use: nothing to do until a reader filters or sorts
    var sortKey = null;
    var sortDir = "ascending";
    var loading = null;
    var statusTimer = null;
    var unlimited = !previewing;
    var chunkTimer = null;
    var target = null; // a row a link points at, to scroll to once it is listed
    var focusRow = null; // the first row "List all" added, to focus once it is listed
    // A previewed table holds the rest of its rows in a second, hidden, row group.
    var pageRows = Array.prototype.slice.call(table.querySelectorAll(":scope > tbody > tr"));
    var attached = previewing ? Array.prototype.slice.call(tbody.rows) : pageRows.slice();
    var pageOf = {};
    var more = document.getElementById(table.id + "-more");
    var moreLink = more && more.querySelector("a");
    if (moreLink) {
      moreLink.addEventListener("click", function (event) {
        event.preventDefault();
        var from = attached.length;
        unlimited = true;
        // Focus moves to the first newly listed row, as the button it was on goes away.
        focusRow = apply()[from] || null;
        land();
      });
    }

    function describe(tr) {
      var c = tr.cells;
      var state = col.state !== undefined ? first(c[col.state]) : "";
      return {
        tr: tr,
        order: items.length,
        text: (first(c[col.agency]) + " \u0001 " + first(c[col.county]) + " \u0001 " + state).toLowerCase(),
        state: state,
        model: first(c[col.model]),
        type: first(c[col.type])
      };
    }

    function addRows(rows) {
      for (var i = 0; i < rows.length; i++) items.push(describe(rows[i]));
    }

    function described() {
      if (!items) { items = []; addRows(pageRows); }
      return items;
    }

    function loadAll() {
      if (loading) return loading;
      if (pages.length < 2) {
        table.setAttribute("data-loaded", "all");
        loading = Promise.resolve();
        return loading;
      }
      say("Loading all " + total.toLocaleString("en-US") + " " + noun + "\u2026", true);
      var others = pages.map(function (url, i) {
        if (i + 1 === current) return Promise.resolve(null);
        return fetch(url).then(function (r) { return r.text(); }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var other = doc.getElementById(table.id);
          return other ? Array.prototype.slice.call(other.querySelectorAll(":scope > tbody > tr")) : [];
        });
      });
      loading = Promise.all(others).then(function (lists) {
        var all = [];
        lists.forEach(function (rows, i) {
          if (rows === null) { all = all.concat(pageRows); return; }
          rows.forEach(function (tr) {
            var mine = document.importNode(tr, true);
            pageOf[mine.id] = i;
            all.push(mine);
          });
        });
        items = [];
        addRows(all);
        var nav = table.closest(".g287-table-wrap").nextElementSibling;
        while (nav && !nav.classList.contains("g287-pages")) nav = nav.nextElementSibling;
        if (nav) nav.hidden = true;
        table.setAttribute("data-loaded", "all");
      }).catch(function () {
        say("Could not load the other pages; filters cover this page only.", true);
      });
      return loading;
    }

    function say(text, now) {
      if (!status) return;
      clearTimeout(statusTimer);
      if (now) { status.textContent = text; return; }
      // Screen readers hear the count once typing pauses, not on every key.
      statusTimer = setTimeout(function () { status.textContent = text; }, 300);
    }

    function values() {
      var v = {};
      FILTERS.forEach(function (name) {
        var el = form.elements[name];
        v[name] = el ? el.value.trim() : "";
      });
      return v;
    }

    function land() {
      if (target && target.parentNode === tbody) {
        // Re-attached rows lose :target, so the row is marked by a class too.
        var old = tbody.querySelector("tr.g287-target");
        if (old) old.classList.remove("g287-target");
        target.classList.add("g287-target");
        target.scrollIntoView({ block: "center" });
        target = null;
      }
      if (focusRow && focusRow.parentNode === tbody) {
        var cell = focusRow.cells[col.agency];
        cell.tabIndex = -1;
        cell.focus();
        focusRow = null;
      }
    }

    function apply() {
      var v = values();
      var q = v.q.toLowerCase();
      var shown = 0;
      var limit = unlimited ? Infinity : preview;
      var visible = [];
      described();
      for (var i = 0; i < items.length; i++) {
        var it = items[i];
        if ((!q || it.text.indexOf(q) !== -1) &&
            (!v.state || it.state === v.state) &&
            (!v.model || it.model === v.model) &&
            (!v.type || it.type === v.type)) {
          if (shown < limit) visible.push(it.tr);
          shown++;
        }
      }
      // Only the rows to show stay in the table: thousands of hidden rows would still cost
      // style work on every keystroke.
      var same = visible.length === attached.length;
      for (var j = 0; same && j < visible.length; j++) same = visible[j] === attached[j];
      if (!same) {
        // The first rows at once (they fill the screen), the rest in the next tasks: the
        // keystroke is answered in one frame however many rows change.
        clearTimeout(chunkTimer);
        // From now on this script lists the rows, all in the first row group.
        while (table.tBodies.length > 1) table.removeChild(table.tBodies[1]);
        // The rows in the table now: those listed so far, in order (later chunks may be pending).
        var listed = tbody.rows;
        var kept = listed.length > 0 && listed.length < visible.length;
        for (var m = 0; kept && m < listed.length; m++) kept = visible[m] === listed[m];
        var next;
        if (kept) {
          // More of the same list ("List all", or the other pages once loaded): the listed rows
          // stay put, so the page does not jump, and the others follow them.
          next = listed.length;
        } else {
          tbody.replaceChildren.apply(tbody, visible.slice(0, CHUNK));
          next = CHUNK;
        }
        attached = visible;
        land();
        var append = function () {
          var frag = document.createDocumentFragment();
          for (var k = next; k < Math.min(next + CHUNK, visible.length); k++) frag.appendChild(visible[k]);
          tbody.appendChild(frag);
          next += CHUNK;
          land();
          if (next < visible.length) chunkTimer = setTimeout(append, 0);
          else table.removeAttribute("data-rendering");
        };
        if (next < visible.length) {
          table.setAttribute("data-rendering", "");
          chunkTimer = setTimeout(append, 0);
        } else {
          table.removeAttribute("data-rendering");
        }
      }
      var of = loading || pages.length < 2 ? total : items.length;
      var text = "Showing " + shown.toLocaleString("en-US") + " of " + of.toLocaleString("en-US") + " " + noun;
      if (shown > limit) {
        text += " (the first " + limit.toLocaleString("en-US") + " are listed)";
        var filtered = v.q || v.state || v.model || v.type;
        moreLink.textContent = "List all " + shown.toLocaleString("en-US") + (filtered ? " matching " : " ") + noun;
      }
      if (more) more.hidden = !(shown > limit);
      say(text);
      return visible;
    }

    function reveal() {
      // A link to a row (a search result, a shared link): mark it, and list all rows first
      // when the preview does not list it.
      var id = decodeURIComponent(location.hash.slice(1));
      var tr = id && document.getElementById(id);
      if (!tr || pageRows.indexOf(tr) === -1) return;
      target = tr;
      if (attached.indexOf(tr) !== -1) {
        land();
      } else {
        unlimited = true;
        apply();
      }
    }

    function sortValue(it, key) {
      var text = first(it.tr.cells[col[key]]);
      return text === "not given" || text === "none" || text === "" ? "\uffff" : text.toLowerCase();
    }

    function sort() {
      heads.forEach(function (th) {
        if (th.getAttribute("data-key") === sortKey) th.setAttribute("aria-sort", sortDir);
        else th.removeAttribute("aria-sort");
      });
      var sorted = described().slice();
      if (sortKey) {
        var keyed = sorted.map(function (it) { return [sortValue(it, sortKey), it]; });
        var sign = sortDir === "ascending" ? 1 : -1;
        keyed.sort(function (a, b) {
          if (a[0] < b[0]) return -sign;
          if (a[0] > b[0]) return sign;
          return a[1].order - b[1].order;
        });
        sorted = keyed.map(function (pair) { return pair[1]; });
      } else {
        sorted.sort(function (a, b) { return a.order - b.order; });
      }
      items = sorted;
    }

    function writeUrl() {
      var params = new URLSearchParams(location.search);
      var v = values();
      FILTERS.forEach(function (name) {
        if (v[name]) params.set(prefix + name, v[name]); else params.delete(prefix + name);
      });
      if (sortKey) {
        params.set(prefix + "sort", sortKey);
        params.set(prefix + "dir", sortDir === "ascending" ? "asc" : "desc");
      } else {
        params.delete(prefix + "sort");
        params.delete(prefix + "dir");
      }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function update() {
      unlimited = false;
      loadAll().then(function () { apply(); writeUrl(); });
      apply();
    }

    heads.forEach(function (th) {
      var key = th.getAttribute("data-key");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "g287-sort";
      button.textContent = th.textContent;
      var icon = document.createElement("span");
      icon.className = "g287-sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortDir = sortKey === key && sortDir === "ascending" ? "descending" : "ascending";
        sortKey = key;
        loadAll().then(function () { sort(); apply(); writeUrl(); });
        sort();
        apply();
        writeUrl();
      });
    });

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { sortKey = null; sort(); update(); }, 0);
    });
    form.hidden = false;
    window.addEventListener("hashchange", reveal);

    // Restore a shared view: ?q=...&state=...&sort=signed&dir=desc
    var params = new URLSearchParams(location.search);
    var restored = false;
    FILTERS.forEach(function (name) {
      var value = params.get(prefix + name);
      var el = form.elements[name];
      if (value !== null && el) { el.value = value; restored = true; }
    });
    var key = params.get(prefix + "sort");
    if (key && col[key] !== undefined) {
      sortKey = key;
      sortDir = params.get(prefix + "dir") === "desc" ? "descending" : "ascending";
      restored = true;
    }
    var hash = decodeURIComponent(location.hash.slice(1));
    var missing = index === 0 && hash && !document.getElementById(hash) && /^[a-z]{2}-[a-z0-9-]+$/.test(hash);
    if (restored || missing) {
      loadAll().then(function () {
        // A link to an agreement on another page of the list: go to that page.
        if (missing && pageOf[hash] !== undefined) {
          location.replace(pages[pageOf[hash]] + location.search + "#" + hash);
          return;
        }
        if (sortKey) sort();
        apply();
      });
      if (sortKey) sort();
      apply();
    } else {
      reveal();
    }
  }

  function init() {
    var forms = document.querySelectorAll("form.g287-filters");
    for (var i = 0; i < forms.length; i++) setup(forms[i], i);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

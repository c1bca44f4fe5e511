/* County finder: a county name or a ZIP code -> the 287(g) agreements of that county and the
 * state-wide ones, read from the site's own files (counties/*.json). No other host is asked.
 * Without this script the form stays hidden and the states' county lists do the job.
 */
(function () {
  "use strict";

  var form = document.getElementById("finder");
  if (!form || !window.fetch) return;
  var root = form.getAttribute("data-root") || "./";
  var models = JSON.parse(form.getAttribute("data-models") || "{}");
  var results = document.getElementById("finder-results");
  var cache = {};

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + "counties/" + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  // The words of a name, as the site's Python code compares them: no accents, lower case,
  // apostrophes dropped, Saint written St.
  function words(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/'/g, "").match(/[a-z0-9]+/g) || [];
  }

  function bareKey(text, suffixes) {
    var ws = words(text).map(function (w) { return w === "saint" ? "st" : w === "sainte" ? "ste" : w; });
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i].split(" ");
      if (ws.length > s.length && ws.slice(-s.length).join(" ") === suffixes[i]) {
        ws = ws.slice(0, -s.length);
        break;
      }
    }
    return ws.join("");
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function agencyItem(doc, id) {
    var a = doc.agreements[id];
    var li = el("li");
    if (a.href) {
      var link = el("a", a.agency);
      link.href = root + a.href;
      li.appendChild(link);
    } else {
      li.appendChild(document.createTextNode(a.agency));
    }
    var what = models[a.model] || a.model;
    li.appendChild(document.createTextNode(": " + what + (a.list === "pending" ? " (requested)" : "")));
    return li;
  }

  function show(found, names) {
    results.textContent = "";
    if (!found.length) {
      results.appendChild(el("p", "No county matches. Try the county's name (such as Harris County) or a five-digit ZIP code."));
      return;
    }
    found.forEach(function (f) {
      var section = el("section");
      var name = (names.states[f.state] || {})[f.fips] || ("county " + f.fips);
      section.appendChild(el("h2", name + ", " + f.stateName));
      var county = f.doc.counties[f.fips] || {ids: []};
      var list = el("ul");
      county.ids.forEach(function (id) { list.appendChild(agencyItem(f.doc, id)); });
      f.doc.statewide.forEach(function (id) { list.appendChild(agencyItem(f.doc, id)); });
      if (list.children.length) {
        section.appendChild(el("p", county.ids.length + " agreement(s) in the county and " + f.doc.statewide.length + " of state agencies that cover it:"));
        section.appendChild(list);
      } else {
        section.appendChild(el("p", "No 287(g) agreement in this county or of a state agency."));
      }
      results.appendChild(section);
    });
  }

  function find(query) {
    return get("names.json").then(function (names) {
      var zip = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(query);
      var lookup = zip
        ? get("zip/" + zip[1].slice(0, 2) + ".json").then(function (z) { return z[zip[1]] || []; }, function () { return []; })
        : Promise.resolve(names.keys[bareKey(query.replace(/,.*$/, ""), names.suffixes)] || []);
      var state = (/,\s*([A-Za-z]{2})\s*$/.exec(query) || [])[1];
      return lookup.then(function (fipsList) {
        var states = {};
        Object.keys(names.states).forEach(function (st) {
          Object.keys(names.states[st]).forEach(function (fips) { states[fips] = st; });
        });
        var wanted = fipsList.filter(function (fips) { return !state || states[fips] === state.toUpperCase(); });
        return Promise.all(wanted.map(function (fips) {
          var st = states[fips];
          return get("state/" + st.toLowerCase() + ".json").then(function (doc) {
            return {fips: fips, state: st, stateName: doc.name || st, doc: doc};
          });
        })).then(function (found) { show(found, names); });
      });
    }).catch(function () {
      results.textContent = "The county data could not be loaded; use the states' county lists below.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = form.elements.q.value.trim();
    if (query) {
      results.textContent = "Searching\u2026";
      find(query);
      var url = new URL(location.href);
      url.searchParams.set("q", query);
      history.replaceState(null, "", url);
    }
  });
  form.hidden = false;
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    form.elements.q.value = initial;
    find(initial);
  }
})();

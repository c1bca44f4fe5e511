/* Tables wider than the page scroll sideways inside Material's wrapper. Let keyboard users
   reach and scroll them (WCAG 2.1.1; axe rule scrollable-region-focusable): a wrapper that
   scrolls becomes a labelled Tab stop; one that no longer scrolls stops being one. */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var heading = null;
    var all = document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3");
    for (var i = 0; i < all.length; i++) {
      if (all[i].compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) {
        heading = all[i];
      }
    }
    return (heading ? heading.textContent.trim() + ": " : "") + "table, scrolls sideways";
  }

  function update() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      var scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
        wrap.setAttribute("data-g287-scroll", "");
      } else if (!scrolls && wrap.hasAttribute("data-g287-scroll")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("data-g287-scroll");
      }
    }
  }

  if (window.document$) window.document$.subscribe(update);
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();

/* Below 76.25em Material's menu, search and sub-menu buttons are <label>s for hidden
   checkboxes, which the keyboard cannot reach. Make them Tab stops that Enter (which Material
   handles for focused labels) or Space presses; g287.css hides the closed drawer and closed sub-menus from Tab. */
(function () {
  "use strict";

  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var SELECTOR =
    'label.md-header__button[for="__drawer"], label.md-header__button[for="__search"], ' +
    'label.md-nav__link[for], label.md-nav__title[for^="__nav"], label.md-nav__title[for="__toc"]';
  var NAMES = { __drawer: "Open navigation", __search: "Search" };

  // The header buttons show only an icon: give each a name in text (a <label> may carry no
  // ARIA role or label, so the name is visually hidden text inside it).
  function name(label) {
    var text = NAMES[label.htmlFor];
    if (!text || !label.classList.contains("md-header__button")) return;
    if (label.querySelector(".g287-sr-only")) return;
    var span = document.createElement("span");
    span.className = "g287-sr-only";
    span.textContent = text;
    label.appendChild(span);
  }

  function mark() {
    var labels = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < labels.length; i++) {
      if (narrow.matches) {
        labels[i].setAttribute("tabindex", "0");
        name(labels[i]);
      } else {
        labels[i].removeAttribute("tabindex");
      }
    }
  }

  // Material already clicks a focused label on Enter; Space is the other key of a button.
  document.addEventListener("keydown", function (event) {
    var label = event.target;
    if (event.key !== " " || !narrow.matches) return;
    if (!label.matches || !label.matches(SELECTOR)) return;
    event.preventDefault();
    label.click();
  });

  // Going back out of a sub-menu hides its "back" button: return focus to the entry that
  // opened the sub-menu instead of losing it. Opening search from its button: focus the box.
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    // The search button opened search: put the cursor in the search box.
    if (toggle.id === "__search" && toggle.checked && document.activeElement.htmlFor === "__search") {
      var input = document.querySelector(".md-search__input");
      if (input) input.focus();
      return;
    }
    if (!toggle.classList || !toggle.classList.contains("md-nav__toggle") || toggle.checked) return;
    var active = document.activeElement;
    if (active && active.matches("label.md-nav__title") && active.htmlFor === toggle.id) {
      var opener = document.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
      if (opener) opener.focus();
    }
  });

  mark();
  narrow.addEventListener("change", mark);
})();

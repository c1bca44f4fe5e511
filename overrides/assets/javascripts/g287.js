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

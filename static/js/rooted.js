/* Rooted: small enhancements only. Every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // Filters: a side panel on wide screens, a closed disclosure on phones. The
  // stylesheet shows the panel in browsers that can; this opens it in the others.
  var filters = document.querySelector("[data-filters]");
  var wide = window.matchMedia("(min-width: 56rem)");
  function fitFilters() {
    if (filters) {
      filters.open = wide.matches;
    }
  }
  fitFilters();
  wide.addEventListener("change", fitFilters);

  // Moving around Rooted replaces the page in this tab's history instead of adding
  // one, so after a quick exit the Back button cannot lead to any Rooted page.
  function sameSite(url) {
    return url.origin === window.location.origin && /^https?:$/.test(url.protocol);
  }

  function go(url) {
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // a deliberate new tab or window behaves as usual
    }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (!sameSite(url) || link.hasAttribute("data-quick-exit")) {
      return;
    }
    event.preventDefault();
    go(url.href);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") {
      return; // a form that changes something posts as usual
    }
    var url = new URL(form.action || window.location.href, window.location.href);
    if (!sameSite(url)) {
      return;
    }
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    var query = new URLSearchParams();
    data.forEach(function (value, name) {
      if (typeof value === "string") {
        query.append(name, value);
      }
    });
    url.search = query.toString();
    url.hash = "";
    event.preventDefault();
    go(url.href);
  });

  // Quick exit: leave for a neutral site and replace this page in history, so
  // the back button does not lead here. The link itself is the no-JS fallback.
  var exit = document.querySelector("[data-quick-exit]");
  if (!exit) {
    return;
  }

  function leave() {
    document.title = "";
    document.body.hidden = true;
    window.location.replace(exit.href);
  }

  exit.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey) {
      return; // let a deliberate new-tab click behave as usual
    }
    event.preventDefault();
    leave();
  });

  // Pressing Escape twice within a second also leaves.
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave();
    }
    lastEscape = now;
  });
})();

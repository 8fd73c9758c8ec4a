/* Rooted: small enhancements only. Every page works without this file. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

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

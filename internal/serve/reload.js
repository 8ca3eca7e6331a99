// gazette serve: reload the page when the site has been rebuilt. This file
// is served only by gazette serve and is never part of a built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = new URL(script.src).searchParams.get("v");
  var events = new EventSource("/_gazette/events");
  events.addEventListener("build", function (e) {
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  });
})();

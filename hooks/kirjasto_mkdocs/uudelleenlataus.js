// Live reload for `make serve` (kirjasto_mkdocs/live.py), served as a file because
// the site's Content-Security-Policy refuses inline scripts. The same long poll as
// MkDocs' own inline script (mkdocs/livereload, BSD licence): the server answers
// /livereload/EPOCH/ID when a build newer than EPOCH is ready, and the page reloads.
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script && script.dataset.epoch);
  var requestId = Date.now();
  var request, timeout;

  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId);
    request.send();
  }

  function stop() {
    if (request) request.abort();
    if (timeout) clearTimeout(timeout);
    request = timeout = undefined;
  }

  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") poll();
  });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
})();

/* ovaltime live pages: follow the competition's stream and swap in the page's live part.
 *
 * <body data-stream="URL" data-events="result-recorded ..."> names the stream (server-sent
 * events) and the message types to act on; each element with data-fragment="NAME" is replaced
 * by the same page fetched with ?fragment=NAME. The browser resumes a dropped stream by itself
 * with Last-Event-ID; a "reset" message just refetches. Without this script the page is
 * complete as served and a reload shows the latest state.
 */
(function () {
  "use strict";
  var body = document.body;
  var stream = body.getAttribute("data-stream");
  if (!stream || !window.EventSource || !window.fetch) {
    return;
  }
  var regions = document.querySelectorAll("[data-fragment]");
  var names = (body.getAttribute("data-events") || "reset").split(/\s+/);
  var status = document.querySelector(".live-status");
  var timer = null;
  var busy = false;
  var again = false;

  function show(state, text) {
    if (!status) {
      return;
    }
    status.hidden = false;
    status.setAttribute("data-state", state);
    status.textContent = text;
  }

  function fragmentUrl(name) {
    var url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.set("fragment", name);
    return url.toString();
  }

  function fetchInto(element) {
    var name = element.getAttribute("data-fragment");
    return fetch(fragmentUrl(name), { cache: "no-store", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var open = [];
        element.querySelectorAll("details[open]").forEach(function (d, i) { open.push(i); });
        element.innerHTML = html;
        var all = element.querySelectorAll("details");
        open.forEach(function (i) { if (all[i]) { all[i].open = true; } });
      });
  }

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    Promise.all(Array.prototype.map.call(regions, fetchInto))
      .then(function () {
        show("live", "Live · updated " + new Date().toLocaleTimeString());
      })
      .catch(function () {
        show("error", "Could not update; retrying with the next change.");
      })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function soon() {
    if (timer === null) {
      timer = window.setTimeout(function () {
        timer = null;
        refresh();
      }, 150);
    }
  }

  var source = new EventSource(stream);
  source.addEventListener("open", function () { show("live", "Live"); });
  source.addEventListener("error", function () { show("offline", "Reconnecting…"); });
  source.addEventListener("message", soon);
  names.forEach(function (name) {
    if (name) {
      source.addEventListener(name, soon);
    }
  });
})();

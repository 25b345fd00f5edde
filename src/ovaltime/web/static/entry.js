/* ovaltime entry screen: keyboard-first entry through the JSON API.
 *
 * Without this script every form posts to its page route and the screen comes back.
 * With it: Enter moves to the next field (Enter on the last one, or Ctrl+Enter anywhere,
 * records the pair); the pair form and the correction forms record through the API with the
 * session's CSRF token; a refusal is shown next to its field and nothing typed is lost.
 */
(function () {
  "use strict";
  var screen = document.querySelector(".entry-screen");
  if (!screen || !window.fetch) { return; }
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  var apiRace = screen.getAttribute("data-api");

  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { ok: response.ok, status: response.status, data: data };
      });
    }, function () {
      return { ok: false, status: 0, data: { error: { message:
        "the server cannot be reached: nothing was recorded; try again", field: null } } };
    });
  }

  function errorOf(result) {
    var error = result.data && result.data.error;
    if (error) { return error; }
    return { message: "refused (" + result.status + ")", field: null, code: "" };
  }

  function spotFor(field) {
    var id = field.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function showError(field, message) {
    var spot = spotFor(field);
    if (spot) { spot.textContent = message; }
    field.setAttribute("aria-invalid", "true");
    var box = field.closest(".field");
    if (box) { box.classList.add("has-error"); }
  }

  function clearError(field) {
    var spot = spotFor(field);
    if (spot) { spot.textContent = ""; }
    field.removeAttribute("aria-invalid");
    var box = field.closest(".field");
    if (box) { box.classList.remove("has-error"); }
  }

  function fields(form) {
    return Array.prototype.filter.call(
      form.querySelectorAll("input, select, button[type=submit]"),
      function (el) { return el.type !== "hidden" && !el.disabled && !el.readOnly &&
                             el.offsetParent !== null; });
  }

  /* Enter: the next field; on the last one, or with Ctrl, submit the form. */
  function keyboard(form) {
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target.tagName === "BUTTON" ||
          event.target.tagName === "TEXTAREA") { return; }
      event.preventDefault();
      var list = fields(form);
      var at = list.indexOf(event.target);
      var next = list[at + 1];
      if (event.ctrlKey || event.metaKey || !next || next.tagName === "BUTTON") {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      } else {
        next.focus();
        if (next.select && next.tagName === "INPUT" && next.type !== "checkbox") { next.select(); }
      }
    });
  }

  /* The DQ code only means something with DQ. */
  function statuses(form) {
    Array.prototype.forEach.call(form.querySelectorAll("select[data-status]"), function (select) {
      var box = select.closest("fieldset, form");
      var code = box && box.querySelector("input[data-infraction]");
      function update() { if (code) { code.disabled = select.value !== "DQ"; } }
      select.addEventListener("change", update);
      update();
    });
  }

  function outcomeOf(box, prefix) {
    var time = box.querySelector('[name="' + prefix + 'time"]');
    var status = box.querySelector('[name="' + prefix + 'status"]');
    var code = box.querySelector('[name="' + prefix + 'infraction"]');
    var fell = box.querySelector('[name="' + prefix + 'fell"]');
    var body = { status: status ? status.value : "OK", fell: !!(fell && fell.checked) };
    if (time && time.value.trim()) { body.time = time.value.trim(); }
    if (code && !code.disabled && code.value.trim()) { body.infraction = code.value.trim(); }
    return { body: body, time: time, status: status, code: code, fell: fell };
  }

  function fieldFor(outcome, name, fallback) {
    if (name === "infraction" && outcome.code) { return outcome.code; }
    if (name === "status" && outcome.status) { return outcome.status; }
    return fallback || outcome.time || outcome.status;
  }

  /* One skater of the pair form: passages in order, then the outcome. */
  function recordSkater(box) {
    var id = box.getAttribute("data-result");
    var prefix = "r" + id + "-";
    var passages = Array.prototype.filter.call(
      box.querySelectorAll("input[data-metres]"),
      function (input) { return !input.readOnly && input.value.trim(); });
    var chain = Promise.resolve(true);
    passages.forEach(function (input) {
      chain = chain.then(function (ok) {
        if (!ok) { return false; }
        clearError(input);
        return api("POST", "/api/results/" + id + "/passages",
                   { metres: Number(input.getAttribute("data-metres")), time: input.value.trim() })
          .then(function (result) {
            if (!result.ok) { showError(input, errorOf(result).message); return false; }
            input.readOnly = true;
            input.setAttribute("data-done", "1");
            input.closest(".field").classList.add("recorded");
            return true;
          });
      });
    });
    return chain.then(function (ok) {
      if (!ok) { return false; }
      if (box.getAttribute("data-recorded") === "1") { return true; }
      var outcome = outcomeOf(box, prefix);
      if (!outcome.body.time && outcome.body.status === "OK") {
        if (outcome.fell && outcome.fell.checked) {
          showError(outcome.time, "a time, or a status other than OK");
          return false;
        }
        return true;  /* nothing entered yet for this skater */
      }
      [outcome.time, outcome.status, outcome.code].forEach(function (f) { if (f) { clearError(f); } });
      return api("POST", "/api/results/" + id, outcome.body).then(function (result) {
        if (!result.ok) {
          var error = errorOf(result);
          showError(fieldFor(outcome, error.field), error.message);
          return false;
        }
        box.setAttribute("data-recorded", "1");
        [outcome.time, outcome.status, outcome.code, outcome.fell].forEach(function (f) {
          if (f) { f.disabled = true; }
        });
        return true;
      });
    });
  }

  /* To the screen at ``target``, reloading it when only the anchor would change. */
  function go(target) {
    var parts = target.split("#");
    if (parts[0] === window.location.pathname + window.location.search) {
      window.location.reload();
    } else {
      window.location.assign(target);
    }
  }

  function pairForm(form) {
    keyboard(form);
    statuses(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
      var boxes = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-result]"));
      var allOk = true;
      var chain = Promise.resolve();
      boxes.forEach(function (box) {
        chain = chain.then(function () {
          return recordSkater(box).then(function (ok) { allOk = allOk && ok; });
        });
      });
      chain.then(function () {
        if (button) { button.disabled = false; }
        if (!allOk) {
          var bad = form.querySelector("[aria-invalid=true]");
          if (bad) { bad.focus(); }
          return;
        }
        var complete = boxes.every(function (box) {
          return box.getAttribute("data-recorded") === "1";
        });
        go(form.getAttribute(complete ? "data-next" : "data-same"));
      });
    });
  }

  /* A correction: PATCH with the version shown; a stale version shows the current value. */
  function correctForm(form) {
    keyboard(form);
    statuses(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = form.getAttribute("data-result");
      var outcome = outcomeOf(form, "");
      var reason = form.querySelector('[name="reason"]');
      var version = form.querySelector("[data-version-input]");
      var versionSpot = form.querySelector('[data-error-for="version"]');
      Array.prototype.forEach.call(form.querySelectorAll("input, select"), clearError);
      if (versionSpot) { versionSpot.textContent = ""; }
      if (!reason.value.trim()) { showError(reason, "a correction needs a reason"); reason.focus(); return; }
      var body = Object.assign({}, outcome.body,
                               { version: Number(version.value), reason: reason.value.trim() });
      api("PATCH", "/api/results/" + id, body).then(function (result) {
        if (result.ok) { window.location.reload(); return; }
        var error = errorOf(result);
        if (error.code === "stale_version") { return stale(form, id, error.message); }
        showError(error.field === "reason" ? reason : fieldFor(outcome, error.field), error.message);
      });
    });
  }

  function stale(form, id, message) {
    return api("GET", apiRace).then(function (result) {
      var spot = form.querySelector('[data-error-for="version"]');
      var entry = null;
      ((result.data && result.data.pairs) || []).forEach(function (pair) {
        pair.entries.forEach(function (e) { if (String(e.result_id) === id) { entry = e; } });
      });
      if (!entry) { if (spot) { spot.textContent = message; } return; }
      var now = entry.time || entry.status || "not recorded";
      form.querySelector("[data-current]").textContent = now;
      form.querySelector("[data-current-version]").textContent = entry.version;
      form.querySelector("[data-version-input]").value = entry.version;
      var cell = document.querySelector('[data-outcome="' + id + '"]');
      if (cell) { cell.textContent = now; }
      if (spot) {
        spot.textContent = "Someone else changed this result meanwhile: it now reads " + now +
          " (version " + entry.version + "). Nothing was changed; check it, then save your " +
          "correction again if it is still needed.";
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-pair-form]"), pairForm);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-correct-form]"), correctForm);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-start-list-form]"), keyboard);
  /* Ready for the next pair: the first field still to enter has the focus. */
  function focusFirst() {
    var first = document.querySelector(
      "form[data-pair-form] input:not([readonly]):not([type=hidden]):not(:disabled)");
    var idle = !document.activeElement || document.activeElement === document.body;
    if (first && idle && !document.querySelector(".has-error")) { first.focus(); }
  }
  focusFirst();
  window.addEventListener("load", focusFirst);
})();

// Progressive enhancement only: every form and link works without this file.
(function () {
  "use strict";

  // Live filtering: a changed filter resubmits its form (htmx turns that into a
  // partial request that keeps the URL shareable). The speaker box submits only
  // when a suggestion is picked, or on Enter.
  function submitSoon(form, delay) {
    clearTimeout(form._liveTimer);
    form._liveTimer = setTimeout(function () { form.requestSubmit(); }, delay);
  }
  document.addEventListener("change", function (event) {
    var form = event.target.closest("form[data-live]");
    if (form && !event.target.matches("[data-autocomplete]")) submitSoon(form, 0);
  });
  document.addEventListener("submit", function (event) {
    clearTimeout(event.target._liveTimer);  // a submit supersedes a pending live update
  });
  document.addEventListener("input", function (event) {
    var form = event.target.closest("form[data-live]");
    if (form && event.target.name === "q") submitSoon(form, 400);
  });

  // On a phone, fold the filters away so the results come first.
  if (window.matchMedia("(max-width: 50rem)").matches) {
    document.querySelectorAll("details[data-collapse-on-phone]").forEach(function (details) {
      details.open = false;
    });
  }

  // Keep shareable URLs short: empty fields are left out of live requests.
  document.addEventListener("htmx:configRequest", function (event) {
    var parameters = event.detail.parameters;
    Array.from(parameters.keys()).forEach(function (key) {
      if (parameters.getAll(key).every(function (value) { return value === ""; })) parameters.delete(key);
    });
  });

  // Screen readers hear the new result count after a live update.
  document.addEventListener("htmx:afterSettle", function (event) {
    var status = document.getElementById("results-status");
    var count = document.querySelector("#results .results__count");
    if (!status || !count || event.detail.elt.closest("[data-autocomplete]")) return;
    status.textContent = count.textContent;
  });

  // Speaker autocomplete: suggestions arrive from the server as a list of buttons.
  function optionsFor(input) { return document.getElementById(input.getAttribute("aria-controls")); }
  function close(input) {
    var list = optionsFor(input);
    if (list) list.innerHTML = "";
  }
  function pick(button) {
    var list = button.closest(".autocomplete__options");
    var input = document.querySelector('[aria-controls="' + list.id + '"]');
    input.value = button.dataset.value;
    close(input);
    input.focus();
    var form = input.closest("form");
    if (form) form.requestSubmit();
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".autocomplete__option");
    if (button) pick(button);
  });
  document.addEventListener("focusout", function (event) {
    var box = event.target.closest(".autocomplete");
    if (!box) return;
    setTimeout(function () {
      if (!box.contains(document.activeElement)) close(box.querySelector("[data-autocomplete]"));
    }, 150);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.matches("[data-autocomplete]")) {
      var first = optionsFor(target) && optionsFor(target).querySelector("button");
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
      if (event.key === "Escape") close(target);
      return;
    }
    if (!target.matches(".autocomplete__option")) return;
    var item = target.closest("li");
    if (event.key === "ArrowDown" && item.nextElementSibling) { event.preventDefault(); item.nextElementSibling.querySelector("button").focus(); }
    if (event.key === "ArrowUp") {
      event.preventDefault();
      if (item.previousElementSibling) item.previousElementSibling.querySelector("button").focus();
      else document.querySelector('[aria-controls="' + target.closest(".autocomplete__options").id + '"]').focus();
    }
    if (event.key === "Escape") {
      var input = document.querySelector('[aria-controls="' + target.closest(".autocomplete__options").id + '"]');
      close(input);
      input.focus();
    }
  });
})();

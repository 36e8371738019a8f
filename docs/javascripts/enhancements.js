// Progressive enhancements. Every page is complete without JavaScript; this script adds:
// - filters: a [data-filter-root] with a text box [data-filter-input] and/or selects
//   [data-filter-select=KEY] narrows its [data-filter-item]s (text in data-filter-text, select values in
//   data-KEY, space-separated), hides [data-filter-group]s left empty and announces the count in
//   [data-filter-status] (role=status, so screen readers hear it);
// - the print button [data-print];
// - the current month marked in the annual clock [data-clock], and its year switch [data-year-switch];
// - a filter chosen by the address: ?tutkinto=351301 selects that qualification in the finder.
// Material's instant navigation swaps pages without a reload, so set-up runs on every document$ event.
(function () {
  "use strict";

  function normalise(text) {
    return (text || "").toLocaleLowerCase("fi").trim();
  }

  function setUpFilter(root) {
    if (root.dataset.filterReady) return;
    root.dataset.filterReady = "1";
    var input = root.querySelector("[data-filter-input]");
    var selects = Array.prototype.slice.call(root.querySelectorAll("[data-filter-select]"));
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-filter-item]"));
    var groups = Array.prototype.slice.call(root.querySelectorAll("[data-filter-group]"));
    var status = root.querySelector("[data-filter-status]");
    var empty = root.querySelector("[data-filter-empty]");
    root.querySelectorAll("[data-filter-form]").forEach(function (form) {
      form.hidden = false;
      // The filters work as you type; Enter must not reload the page.
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });

    function apply() {
      var words = normalise(input ? input.value : "").split(/\s+/).filter(Boolean);
      var visible = 0;
      items.forEach(function (item) {
        var text = item.getAttribute("data-filter-text") || "";
        var show = words.every(function (w) { return text.indexOf(w) !== -1; });
        selects.forEach(function (select) {
          var key = select.getAttribute("data-filter-select");
          var values = (item.getAttribute("data-" + key) || "").split(" ");
          if (select.value && values.indexOf(select.value) === -1) show = false;
        });
        item.hidden = !show;
        if (show) visible += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
      });
      if (status) {
        var one = status.getAttribute("data-filter-noun-one");
        var many = status.getAttribute("data-filter-noun");
        status.textContent = visible + " " + (visible === 1 ? one : many) +
          (visible === items.length ? "" : " (" + items.length + " yhteensä)");
      }
      if (empty) empty.hidden = visible !== 0;
    }

    // A link may choose a filter: tunnistamisraportit/?tutkinto=351301 opens the finder at that qualification.
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.getAttribute("data-filter-select"));
      if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) select.value = wanted;
    });

    if (input) input.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    if ((input && input.value) || selects.some(function (s) { return s.value; })) apply();
  }

  function markCurrentMonth(clock) {
    var month = String(new Date().getMonth() + 1);
    clock.querySelectorAll("[data-month='" + month + "']").forEach(function (el) {
      el.classList.add("is-current-month");
    });
  }

  // The annual clock's year switch: one year at a time (every year is shown without JavaScript).
  function setUpYearSwitch(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var buttons = Array.prototype.slice.call(root.querySelectorAll("[data-year]"));
    var panels = Array.prototype.slice.call(root.querySelectorAll("[data-year-panel]"));
    function show(year) {
      panels.forEach(function (panel) { panel.hidden = panel.getAttribute("data-year-panel") !== year; });
      buttons.forEach(function (button) {
        var on = button.getAttribute("data-year") === year;
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () { show(button.getAttribute("data-year")); });
    });
    root.querySelector("[data-year-buttons]").hidden = false;
    var current = root.querySelector("[data-year-panel][data-current]") || panels[0];
    show(current.getAttribute("data-year-panel"));
  }

  function setUp() {
    document.querySelectorAll("[data-year-switch]").forEach(setUpYearSwitch);
    document.querySelectorAll("[data-filter-root]").forEach(setUpFilter);
    document.querySelectorAll("[data-clock]").forEach(markCurrentMonth);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () {
        // A button may print one part of the page only (data-print-only): the print style keys on this.
        var only = button.getAttribute("data-print-only");
        if (only) document.documentElement.setAttribute("data-printing", only);
        window.print();
        document.documentElement.removeAttribute("data-printing");
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// Small progressive enhancements. Every page works without JavaScript; this adds the print button.
// Material's instant navigation swaps pages without a reload, so set-up runs on each document$ event.
(function () {
  function setUp() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();

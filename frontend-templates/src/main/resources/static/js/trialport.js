// Trialport's only script, a progressive enhancement: every page works without it.
// On a wide screen the search filters stand open beside the results. The style sheet already shows them there;
// opening the disclosure too keeps its state true for browsers without ::details-content and for assistive
// technology, which would otherwise hear a closed disclosure whose content is visible.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 992px)");
  function openOnWideScreens() {
    if (!wide.matches) {
      return;
    }
    document.querySelectorAll("details.filter-disclosure").forEach(function (disclosure) {
      disclosure.open = true;
    });
  }
  openOnWideScreens();
  wide.addEventListener("change", openOnWideScreens);
})();

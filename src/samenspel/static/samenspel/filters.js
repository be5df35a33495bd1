// On wide screens the search filters are a side column, so they start open. On phones they
// stay folded behind "Filters (n)" so the results come first. Without JavaScript the control
// works the same (it is a plain <details>).
(function () {
  "use strict";
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 48rem)").matches) filters.open = true;
})();

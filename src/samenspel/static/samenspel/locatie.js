// Adds "use my location" to the search form when the browser can tell where it is.
(function () {
  "use strict";
  // Django's JavaScript catalogue (base.html) translates; without it the Dutch source shows.
  var gettext = window.gettext || function (s) { return s; };
  var lat = document.querySelector("input[name=lat]");
  var lon = document.querySelector("input[name=lon]");
  var bij = document.querySelector("input[name=bij]");
  if (!lat || !lon || !bij || !navigator.geolocation) return;
  var knop = document.createElement("button");
  knop.type = "button";
  knop.className = "utrecht-button utrecht-button--secondary-action";
  knop.textContent = gettext("Gebruik mijn locatie");
  knop.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      lat.value = pos.coords.latitude.toFixed(5);
      lon.value = pos.coords.longitude.toFixed(5);
      var sorteer = document.querySelector("select[name=sorteer]");
      if (sorteer) sorteer.value = "afstand";
      knop.form.submit();
    });
  });
  bij.parentNode.appendChild(knop);
})();

// Progressive enhancement: the list works without this; with JavaScript a map shows the results.
(function () {
  "use strict";
  // Django's JavaScript catalogue (base.html) translates; without it the Dutch source shows.
  var gettext = window.gettext || function (s) { return s; };
  var el = document.getElementById("kaart");
  var data = document.getElementById("kaartpunten");
  if (!el || !data || typeof L === "undefined") return;
  var items = JSON.parse(data.textContent);
  var punten = [];
  items.forEach(function (item) {
    item.punten.forEach(function (p) { punten.push({ naam: item.naam, url: item.url, p: p }); });
  });
  if (!punten.length) return;
  el.hidden = false;
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", gettext("Kaart met de resultaten"));
  var kaart = L.map(el, { scrollWheelZoom: false });
  if (el.dataset.tegels) {
    L.tileLayer(el.dataset.tegels, { maxZoom: 19, attribution: el.dataset.bron || "" }).addTo(kaart);
  }
  var groep = L.featureGroup();
  punten.forEach(function (item) {
    var marker = L.marker(item.p, { title: item.naam, alt: item.naam });
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.naam;
    marker.bindPopup(link);
    groep.addLayer(marker);
  });
  groep.addTo(kaart);
  kaart.fitBounds(groep.getBounds(), { padding: [20, 20], maxZoom: 15 });
})();

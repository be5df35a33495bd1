// Progressive enhancement: the table below the map says the same without JavaScript.
// Buurten are coloured by the level of their cell (the same colours as the matrix), the
// listings of the chosen bouwsteen are dots. Texts come from data attributes.
(function () {
  "use strict";
  var el = document.getElementById("wijkscankaart");
  var data = document.getElementById("wijkscankaartdata");
  if (!el || !data || typeof L === "undefined") return;
  var kaartdata = JSON.parse(data.textContent);
  var vlakken = kaartdata.vlakken;
  var punten = kaartdata.punten;
  if (!vlakken.features.length && !punten.length) return;
  var tekst = el.dataset;
  var KLEUREN = { geen: "#eeeeee", bereik: "#f6c86e", weinig: "#9cc8ec", genoeg: "#2f6fb3" };
  el.hidden = false;
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", tekst.label);
  var kaart = L.map(el, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: tekst.inzoomen, zoomOutTitle: tekst.uitzoomen }).addTo(kaart);
  if (tekst.tegels) {
    L.tileLayer(tekst.tegels, { maxZoom: 19, attribution: tekst.bron || "" }).addTo(kaart);
  }
  var laag = L.geoJSON(vlakken, {
    interactive: false,
    style: function (f) {
      return { color: "#333333", weight: 1, fillOpacity: 0.65, fillColor: KLEUREN[f.properties.niveau] || "#eeeeee" };
    },
  }).addTo(kaart);
  var grenzen = vlakken.features.length ? laag.getBounds() : L.latLngBounds([]);
  punten.forEach(function (p) {
    var stip = L.circleMarker([p.lat, p.lon], {
      radius: 6, color: "#1a1a1a", weight: 2, fillColor: "#ffffff", fillOpacity: 1,
    });
    // Built from text nodes only: a listing's name is its owner's words, never markup.
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.naam;
    stip.bindPopup(link);
    stip.addTo(kaart);
    grenzen.extend([p.lat, p.lon]);
  });
  kaart.on("popupopen", function (e) {
    var sluit = e.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (sluit && tekst.sluiten) sluit.setAttribute("aria-label", tekst.sluiten);
  });
  if (grenzen.isValid()) kaart.fitBounds(grenzen, { padding: [10, 10], maxZoom: 16 });
  else kaart.setView([52.1, 5.1], 12);
})();

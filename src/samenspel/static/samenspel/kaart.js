// Progressive enhancement: the list works without this; with JavaScript a map shows the results.
// Texts come from data attributes on #kaart, so they are translated with the page.
(function () {
  "use strict";
  var el = document.getElementById("kaart");
  var data = document.getElementById("kaartpunten");
  if (!el || !data || typeof L === "undefined" || typeof L.markerClusterGroup !== "function") return;
  var tekst = el.dataset;
  var punten = [];
  JSON.parse(data.textContent).forEach(function (item) {
    item.punten.forEach(function (p) { punten.push({ item: item, p: p }); });
  });
  if (!punten.length) return;
  el.hidden = false;
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", tekst.label);
  var kaart = L.map(el, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: tekst.inzoomen, zoomOutTitle: tekst.uitzoomen }).addTo(kaart);
  if (tekst.tegels) {
    L.tileLayer(tekst.tegels, { maxZoom: 19, attribution: tekst.bron || "" }).addTo(kaart);
  }

  function regel(label, waarde) {
    var p = document.createElement("p");
    var kop = document.createElement("strong");
    kop.textContent = label;
    p.appendChild(kop);
    p.appendChild(document.createTextNode(" " + waarde));
    return p;
  }

  // Built from text nodes only: names and addresses are the owners' words, never markup.
  function popup(item, p) {
    var blok = document.createElement("div");
    blok.className = "kaart-popup";
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.naam;
    var kop = document.createElement("p");
    kop.className = "kaart-popup__naam";
    kop.appendChild(link);
    blok.appendChild(kop);
    if (item.wanneer) blok.appendChild(regel(tekst.wanneer, item.wanneer));
    if (p.waar) blok.appendChild(regel(tekst.waar, p.waar));
    return blok;
  }

  // Same size steps as the library's default icon; the number is also said in words.
  function clusterIcoon(cluster) {
    var n = cluster.getChildCount();
    var maat = n < 10 ? "small" : n < 100 ? "medium" : "large";
    var html = document.createElement("div");
    var getal = document.createElement("span");
    getal.setAttribute("aria-hidden", "true");
    getal.textContent = n;
    var uitleg = document.createElement("span");
    uitleg.className = "visueel-verborgen";
    uitleg.textContent = (tekst.cluster || "{n}").replace("{n}", n);
    html.appendChild(getal);
    html.appendChild(uitleg);
    return L.divIcon({
      html: html.outerHTML,
      className: "marker-cluster marker-cluster-" + maat,
      iconSize: L.point(40, 40),
    });
  }

  var groep = L.markerClusterGroup({
    iconCreateFunction: clusterIcoon,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
  });
  punten.forEach(function (punt) {
    var marker = L.marker([punt.p.lat, punt.p.lon], { title: punt.item.naam, alt: punt.item.naam });
    marker.bindPopup(popup(punt.item, punt.p));
    groep.addLayer(marker);
  });
  kaart.on("popupopen", function (e) {
    var sluit = e.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (sluit && tekst.sluiten) sluit.setAttribute("aria-label", tekst.sluiten);
  });
  groep.addTo(kaart);
  kaart.fitBounds(groep.getBounds(), { padding: [20, 20], maxZoom: 15 });
})();

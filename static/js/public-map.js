/* Public maps (home, province, regency and library pages).
 * The page already lists what the map shows, so without JavaScript or tiles nothing is lost.
 * Leaflet (its CSS and JS, from django-leaflet's static files) is loaded only when the map
 * comes into view. Circle markers need no marker images (no image requests to miss).
 * The container carries data-leaflet-js, data-leaflet-css, data-tiles, data-attribution,
 * data-zoom-in/data-zoom-out (the zoom buttons' titles, translated) and either
 * data-lat/data-lng (one library) or data-source: the id of a json_script with
 * {"clusters": [{name, url, libraries, lat, lng}], "points": [{name, url, lat, lng}]}. */
(function () {
  "use strict";

  // Leaflet is added once, however many maps come into view before it has loaded.
  var waiting = null;

  function load(container, done) {
    if (window.L) { done(); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = container.getAttribute("data-leaflet-css");
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = container.getAttribute("data-leaflet-js");
    script.onload = function () { waiting.forEach(function (callback) { callback(); }); };
    document.head.appendChild(script);
  }

  function link(item) {
    var a = document.createElement("a");
    a.href = item.url;
    a.textContent = item.name + (item.libraries ? " (" + item.libraries + ")" : "");
    return a;
  }

  function draw(container) {
    var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
    // Leaflet's own button titles ("Zoom in") are English: the page gives them in its language.
    L.control.zoom({
      zoomInTitle: container.getAttribute("data-zoom-in") || "Zoom in",
      zoomOutTitle: container.getAttribute("data-zoom-out") || "Zoom out"
    }).addTo(map);
    L.tileLayer(container.getAttribute("data-tiles"), {
      attribution: container.getAttribute("data-attribution") || "",
      maxZoom: 18
    }).addTo(map);
    var bounds = [];
    var lat = parseFloat(container.getAttribute("data-lat"));
    var lng = parseFloat(container.getAttribute("data-lng"));
    if (isFinite(lat) && isFinite(lng)) {
      L.circleMarker([lat, lng], { radius: 9, color: "#0a58ca", fillOpacity: 0.8 })
        .addTo(map).bindTooltip(container.getAttribute("data-label") || "");
      map.setView([lat, lng], 15);
      return;
    }
    var source = document.getElementById(container.getAttribute("data-source"));
    var data = source ? JSON.parse(source.textContent) : { clusters: [], points: [] };
    (data.clusters || []).forEach(function (item) {
      if (item.lat === null || item.lng === null) { return; }
      var radius = Math.min(30, 8 + Math.sqrt(item.libraries) * 2);
      L.circleMarker([item.lat, item.lng], { radius: radius, color: "#0a58ca", fillOpacity: 0.5 })
        .addTo(map)
        .bindTooltip(String(item.libraries), { permanent: true, direction: "center", className: "map-count" })
        .bindPopup(link(item));
      bounds.push([item.lat, item.lng]);
    });
    (data.points || []).forEach(function (item) {
      L.circleMarker([item.lat, item.lng], { radius: 7, color: "#0a58ca", fillOpacity: 0.8 })
        .addTo(map).bindPopup(link(item));
      bounds.push([item.lat, item.lng]);
    });
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
    } else {
      map.setView([-2.5, 118], 4);
    }
  }

  function start(container) {
    load(container, function () { draw(container); });
  }

  document.querySelectorAll("[data-public-map]").forEach(function (container) {
    // Hidden in the HTML: without JavaScript there is no empty box, only the list.
    container.hidden = false;
    if (!("IntersectionObserver" in window)) { start(container); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        start(container);
      }
    }, { rootMargin: "200px" });
    observer.observe(container);
  });
})();

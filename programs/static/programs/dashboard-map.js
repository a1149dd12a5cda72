/* Dashboard map (django-leaflet callback): libraries coloured by stage.
 * The page puts the points in <script id="dashboard-map-data" type="application/json">:
 * at national and province level one circle per unit (sized by its libraries, coloured
 * by its most common stage), at regency level one dot per library, each with its stage's
 * `colour` (the legend under the map names them). Each links to its page. The same
 * figures are in the tables beside the map. */
(function () {
  "use strict";

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = String(text);
    return span.innerHTML;
  }

  window.perpusDashboardMap = function (map) {
    var source = document.getElementById("dashboard-map-data");
    if (!source) return;
    // Leaflet's zoom buttons say "Zoom in"/"Zoom out": use the page's language.
    var box = map.getContainer();
    if (map.zoomControl && box.dataset.zoomIn) {
      map.zoomControl.remove();
      L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
    }
    var points = JSON.parse(source.textContent);
    var largest = points.reduce(function (most, p) { return Math.max(most, p.count); }, 1);
    var bounds = [];
    points.forEach(function (point) {
      var colour = point.colour;
      var radius = point.count > 1 ? 6 + 18 * Math.sqrt(point.count / largest) : 6;
      var rows = point.stages.filter(function (s) { return s[1] > 0; })
        .map(function (s) { return escape(s[0]) + ": " + s[1]; }).join("<br>");
      L.circleMarker([point.lat, point.lng], {
        radius: radius, color: "#fff", weight: 1, fillColor: colour, fillOpacity: 0.85,
      }).bindPopup('<a href="' + escape(point.url) + '">' + escape(point.name) + "</a><br>" + rows)
        .bindTooltip(escape(point.name) + " (" + point.count + ")")
        .addTo(map);
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12 });
  };
})();

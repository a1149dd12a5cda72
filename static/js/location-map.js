/* Library location map (django-leaflet callback).
 * Read-only: the container carries data-lat / data-lng and shows one marker.
 * Editable (data-editable): a click sets the inputs marked data-map-input="lat"/"lng",
 * and typing coordinates moves the marker. Without JS the inputs work alone.
 * data-zoom-in/data-zoom-out give the zoom buttons' titles in the page's language. */
(function () {
  "use strict";

  function parse(value) {
    var number = parseFloat(String(value || "").replace(",", "."));
    return isFinite(number) ? number : null;
  }

  window.perpusLocationMap = function (map) {
    var container = map.getContainer();
    var editable = container.hasAttribute("data-editable");
    var latInput = document.querySelector('[data-map-input="lat"]');
    var lngInput = document.querySelector('[data-map-input="lng"]');
    var marker = null;

    // django-leaflet adds Leaflet's zoom buttons with English titles: put translated ones instead.
    if (map.zoomControl && container.hasAttribute("data-zoom-in")) {
      map.removeControl(map.zoomControl);
      map.zoomControl = L.control.zoom({
        zoomInTitle: container.getAttribute("data-zoom-in"),
        zoomOutTitle: container.getAttribute("data-zoom-out")
      }).addTo(map);
    }

    function current() {
      if (editable) {
        var lat = parse(latInput && latInput.value);
        var lng = parse(lngInput && lngInput.value);
        return lat !== null && lng !== null ? [lat, lng] : null;
      }
      var dlat = parse(container.getAttribute("data-lat"));
      var dlng = parse(container.getAttribute("data-lng"));
      return dlat !== null && dlng !== null ? [dlat, dlng] : null;
    }

    function place(latlng, zoom) {
      if (!marker) {
        // A circle marker needs no marker images (Leaflet's default icon images were 404s).
        marker = L.circleMarker(latlng, { radius: 9, color: "#0a58ca", fillOpacity: 0.8 }).addTo(map);
      } else {
        marker.setLatLng(latlng);
      }
      map.setView(latlng, zoom || Math.max(map.getZoom(), 14));
    }

    var start = current();
    if (start) {
      place(start, 15);
    }
    if (!editable || !latInput || !lngInput) {
      return;
    }
    map.on("click", function (event) {
      latInput.value = event.latlng.lat.toFixed(6);
      lngInput.value = event.latlng.lng.toFixed(6);
      place([event.latlng.lat, event.latlng.lng]);
    });
    [latInput, lngInput].forEach(function (input) {
      input.addEventListener("input", function () {
        var latlng = current();
        if (latlng && Math.abs(latlng[0]) <= 90 && Math.abs(latlng[1]) <= 180) {
          place(latlng);
        }
      });
    });
  };
})();

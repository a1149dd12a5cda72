/* Names the levels of a stage history's y axis ("Rintisan", "Maju"…) instead of numbers.
 * Chartkick sends its options as JSON, which cannot hold Chart.js's tick callback: the
 * names come as the chart's `stage_names` option ({level: name}, written by Django in the
 * page's language, see programs.views.common.stage_axis) and are applied here, once every
 * chart of the page is drawn (this script is deferred). Charts without it are left alone. */
(function () {
  "use strict";

  function nameOf(names, value) {
    var name = names[value];
    return name === undefined ? "" : name;
  }

  function nameLevels(chart) {
    var names = chart.getOptions().stage_names;
    var drawn = chart.getChartObject();
    if (!names || !drawn || !drawn.options.scales || !drawn.options.scales.y) return;
    drawn.options.scales.y.ticks.callback = function (value) {
      return nameOf(names, value);
    };
    drawn.options.plugins.tooltip.callbacks.label = function (context) {
      return nameOf(names, context.parsed.y);
    };
    drawn.update();
  }

  if (window.Chartkick) window.Chartkick.eachChart(nameLevels);
})();

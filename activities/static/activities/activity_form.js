// Activity form: live participant total and the fields of the chosen kind.
// Progressive enhancement only: the server validates everything again.
(function () {
  "use strict";
  var form = document.getElementById("activity-form");
  if (!form) { return; }

  function sum(selector) {
    var total = 0;
    form.querySelectorAll(selector).forEach(function (input) {
      var value = parseInt(input.value, 10);
      if (!isNaN(value) && value > 0) { total += value; }
    });
    return total;
  }

  function updateTotal() {
    var total = sum('[data-participants="gender"]');
    var groups = sum('[data-participants="group"]');
    var output = document.getElementById("participants-total");
    var warning = document.getElementById("participants-warning");
    if (output) { output.textContent = total; }
    if (warning) { warning.hidden = groups <= total; }
  }

  function updateKind() {
    var kind = form.querySelector('[name="kind"]');
    var value = kind ? kind.value : "";
    form.querySelectorAll(".kind-fields").forEach(function (block) {
      var kinds = (block.getAttribute("data-kinds") || "").split(" ");
      block.hidden = kinds.indexOf(value) === -1;
    });
  }

  form.addEventListener("input", function (event) {
    if (event.target.hasAttribute("data-participants")) { updateTotal(); }
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === "kind") { updateKind(); }
  });
  updateTotal();
  updateKind();
})();

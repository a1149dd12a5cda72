/* Village picker: enhances a text input marked data-village-search="<url>" with a list of
 * suggestions from the villages:village_search JSON endpoint. Picking one fills the input with
 * "Name, District, Regency (code)"; the server reads the code. Without JS the user types a
 * name or code. Keyboard: arrows move, Enter picks, Escape closes. */
(function () {
  "use strict";

  function setup(input) {
    var url = input.getAttribute("data-village-search");
    var list = document.createElement("div");
    list.className = "list-group position-absolute w-100 shadow-sm village-picker-list";
    list.style.zIndex = "1050";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var wrapper = input.parentNode;
    wrapper.style.position = "relative";
    wrapper.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var active = -1;
    var request = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }

    function choose(item) {
      input.value = item.text;
      close();
      input.dispatchEvent(new CustomEvent("village:picked", { detail: item, bubbles: true }));
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.classList.toggle("active", i === index);
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
    }

    function show(results) {
      list.innerHTML = "";
      if (!results.length) {
        close();
        return;
      }
      results.forEach(function (item, index) {
        var option = document.createElement("button");
        option.type = "button";
        option.className = "list-group-item list-group-item-action small";
        option.setAttribute("role", "option");
        option.id = list.id + "-" + index;
        option.textContent = item.text;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          choose(item);
        });
        option.addEventListener("click", function () {
          choose(item);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function search() {
      var term = input.value.trim();
      if (term.length < 2) {
        close();
        return;
      }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(term), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request) {
            show(data.results || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (event) {
      var options = list.querySelectorAll("[role=option]");
      if (list.hidden || !options.length) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        options[active].click();
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  document.querySelectorAll("[data-village-search]").forEach(setup);
})();

/* Rooted: long checkbox lists in the listing editor, searchable by typing, with the
   chosen items shown as chips. An enhancement only: without this file the plain
   list of checkboxes works, and the chips show what was saved. */
(function () {
  "use strict";

  function fold(text) {
    // Case and accents do not matter: "ingles" finds "Inglés".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase().trim();
  }

  function enhance(list) {
    var items = Array.prototype.slice.call(list.querySelectorAll(".checkbox"));
    var groups = list.querySelectorAll("[data-choice-group]");
    var filter = list.querySelector("[data-choice-filter]");
    var input = filter ? filter.querySelector("input") : null;
    var nothing = list.querySelector("[data-choice-nothing]");
    var chips = list.querySelector("[data-choice-chips]");

    function labelOf(item) {
      return item.querySelector("label").textContent;
    }

    function showChosen() {
      if (!chips) {
        return;
      }
      chips.textContent = "";
      items.forEach(function (item) {
        if (item.querySelector("input").checked) {
          var chip = document.createElement("li");
          chip.className = "tag";
          chip.textContent = labelOf(item);
          chips.appendChild(chip);
        }
      });
    }

    function applyFilter() {
      var wanted = fold(input.value);
      var shown = 0;
      items.forEach(function (item) {
        var match = !wanted || fold(labelOf(item)).indexOf(wanted) !== -1;
        item.hidden = !match;
        shown += match ? 1 : 0;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector(".checkbox:not([hidden])");
      });
      nothing.hidden = shown > 0;
    }

    list.addEventListener("change", showChosen);
    if (input) {
      filter.hidden = false;
      input.addEventListener("input", applyFilter);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault(); // typing a search never submits the step
        }
      });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-choice-list]"), enhance);
})();

/* mkdocs-biml: sortable, filterable risk tables on the generated overview pages.
 *
 * A table follows a marker <div data-biml-table>. Without JavaScript it stays a
 * complete, plain table; with it, column headers sort (click or keyboard) and
 * a text box filters the rows. No network, no dependencies.
 *
 * Works with Material's instant navigation (which swaps page content without
 * reloading scripts) by subscribing to its document$ observable, and binds each
 * table once however often the page is enhanced.
 */
(function () {
  "use strict";

  if (window.__bimlTables) {
    return; /* the script was included twice */
  }
  window.__bimlTables = true;

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function findTable(marker) {
    for (var node = marker.nextElementSibling; node; node = node.nextElementSibling) {
      if (node.tagName === "TABLE") {
        return node;
      }
      var inner = node.querySelector("table");
      if (inner) {
        return inner;
      }
    }
    return null;
  }

  function bodyRows(table) {
    var body = table.tBodies[0];
    return body ? Array.prototype.slice.call(body.rows) : [];
  }

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function sortBy(table, column, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = bodyRows(table);
    rows.sort(function (a, b) {
      var order = collator.compare(cellText(a, column), cellText(b, column));
      if (order === 0) {
        order = Number(a.dataset.bimlOrder) - Number(b.dataset.bimlOrder);
        return order; /* equal keys keep their published order in both directions */
      }
      return ascending ? order : -order;
    });
    var body = table.tBodies[0];
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tHead.rows.length) {
      return;
    }
    bodyRows(table).forEach(function (row, index) {
      row.dataset.bimlOrder = String(index);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "biml-sort";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      button.title = "Sort by this column";
      header.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(table, column, header);
      });
    });
  }

  function makeFilterable(marker, table) {
    var total = bodyRows(table).length;
    var label = document.createElement("label");
    label.className = "biml-filter";
    var caption = document.createElement("span");
    caption.textContent = "Filter risks";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "tag, title or component";
    input.setAttribute("autocomplete", "off");
    label.appendChild(caption);
    label.appendChild(input);
    var status = document.createElement("span");
    status.className = "biml-filter-count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.textContent = total + " of " + total;
    marker.appendChild(label);
    marker.appendChild(status);

    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      bodyRows(table).forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) {
          return text.indexOf(word) !== -1;
        });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = shown + " of " + total;
    });
  }

  function enhance() {
    var markers = document.querySelectorAll("[data-biml-table]");
    Array.prototype.forEach.call(markers, function (marker) {
      if (marker.dataset.bimlReady) {
        return;
      }
      var table = findTable(marker);
      if (!table) {
        return;
      }
      marker.dataset.bimlReady = "true";
      /* An attribute, not a class: Material styles only tables without a class. */
      table.setAttribute("data-biml-sortable", "");
      makeFilterable(marker, table);
      makeSortable(table);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance); /* Material, including instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();

/* mkdocs-biml: sortable, filterable risk tables and the interactive system diagram
 * on the generated overview pages.
 *
 * A table follows a marker <div data-biml-table>. Without JavaScript it stays a
 * complete, plain table; with it, column headers sort (click or keyboard) and
 * a text box filters the rows.
 *
 * The diagram (<figure class="biml-diagram">) carries, after its drawing, one hidden
 * panel per component listing its risks. Without JavaScript each component is a
 * link to its page; with it, a click, Enter or Space on a component shows its
 * panel instead (a modified click still follows the link), focus moves to the
 * panel, and Escape or the panel's button closes it and returns focus to the
 * component. The drawing's box takes keyboard focus only while it scrolls.
 * No network, no dependencies.
 *
 * Works with Material's instant navigation (which swaps page content without
 * reloading scripts) by subscribing to its document$ observable, and binds each
 * table and diagram once however often the page is enhanced.
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

  function makeSortable(marker, table) {
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
      button.title = marker.dataset.bimlSort || "Sort by this column";
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
    caption.textContent = marker.dataset.bimlLabel || "Filter risks";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = marker.dataset.bimlPlaceholder || "tag, title or component";
    input.setAttribute("autocomplete", "off");
    label.appendChild(caption);
    label.appendChild(input);
    var status = document.createElement("span");
    status.className = "biml-filter-count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var countText = marker.dataset.bimlCount || "{shown} of {total}";
    function count(shown) {
      return countText.replace("{shown}", shown).replace("{total}", total);
    }
    status.textContent = count(total);
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
      status.textContent = count(shown);
    });
  }

  /* -- the diagram ----------------------------------------------------------------------- */

  function followsLink(event) {
    return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  }

  function makeDiagramInteractive(figure) {
    var open = null; /* {node, panel} shown now */

    function close(returnFocus) {
      if (!open) {
        return;
      }
      open.panel.hidden = true;
      open.node.setAttribute("aria-expanded", "false");
      if (returnFocus) {
        open.node.focus();
      }
      open = null;
    }

    function show(node, panel) {
      var same = open && open.node === node;
      close(false);
      if (same) {
        return; /* a second selection of the shown component closes its panel */
      }
      panel.hidden = false;
      node.setAttribute("aria-expanded", "true");
      open = { node: node, panel: panel };
      panel.focus({ preventScroll: true });
      panel.scrollIntoView({ block: "nearest" });
    }

    Array.prototype.forEach.call(figure.querySelectorAll("a.biml-node"), function (node) {
      var label = node.getAttribute("data-biml-component");
      var panel = figure.querySelector(
        '.biml-diagram-panel[data-biml-risks-of="' + CSS.escape(label) + '"]'
      );
      if (!panel) {
        return;
      }
      node.setAttribute("aria-controls", panel.id);
      node.setAttribute("aria-expanded", "false");
      node.addEventListener("click", function (event) {
        if (followsLink(event)) {
          return;
        }
        event.preventDefault();
        event.stopPropagation(); /* not a navigation: Material's instant loading must not see it */
        show(node, panel);
      });
      node.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault(); /* Space activates, as on a button, instead of scrolling */
          show(node, panel);
        }
      });
      var button = panel.querySelector(".biml-diagram-panel-close");
      if (button) {
        button.addEventListener("click", function () {
          close(true);
        });
      }
    });

    figure.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && open) {
        event.preventDefault();
        close(true);
      }
    });
  }

  /* A box that scrolls must be reachable by keyboard (WCAG 2.1.1); one that does not
     scroll would only be a useless stop in the Tab order. */
  function focusableWhileScrolling(box) {
    var svg = box.querySelector("svg");
    var title = svg && svg.getAttribute("aria-labelledby");
    function update() {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "group");
        if (title) {
          box.setAttribute("aria-labelledby", title);
        }
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    }
    update();
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(update).observe(box);
    } else {
      window.addEventListener("resize", update);
    }
  }

  function enhanceDiagrams() {
    var figures = document.querySelectorAll("figure.biml-diagram");
    Array.prototype.forEach.call(figures, function (figure) {
      if (figure.dataset.bimlReady) {
        return;
      }
      figure.dataset.bimlReady = "true";
      var box = figure.querySelector(".biml-diagram-scroll");
      if (box) {
        focusableWhileScrolling(box);
      }
      makeDiagramInteractive(figure);
    });
  }

  function enhance() {
    enhanceDiagrams();
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
      makeSortable(marker, table);
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

/* The report's behaviour: sortable, filterable, paged tables from the JSON the page carries; article views opened
   from the index (#doc=N, #doc=N&rec=ROW_ID); a click on a record jumps to its evidence sentence.
   It shows the tables' values as they are: nothing here computes a figure. */
(function () {
  "use strict";

  function json(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function articleLink(d, rowId) {
    return "#doc=" + d + (rowId ? "&rec=" + encodeURIComponent(rowId) : "");
  }

  function sortKey(value, numeric) {
    if (!numeric) return String(value).toLowerCase();
    var n = parseFloat(String(value).replace(/[,%\s]/g, ""));
    return isNaN(n) ? null : n;
  }

  function cellText(cell) {
    if (cell && typeof cell === "object" && cell.ids) return cell.ids.map(function (x) { return x[0]; }).join(" ");
    return cell == null ? "" : String(cell);
  }

  /* One data table: spec = {columns: [{label, numeric, ids}], rows: [{c: [...], d: docIndex, r: rowId}]} */
  function DataTable(host, spec) {
    var state = {sort: null, desc: false, page: 0, size: 50, filters: spec.columns.map(function () { return ""; })};
    var table = document.createElement("table");
    table.className = "data";
    var thead = table.createTHead(), tbody = table.createTBody();
    var head = thead.insertRow(), filterRow = thead.insertRow();
    filterRow.className = "filters";
    spec.columns.forEach(function (col, i) {
      var th = document.createElement("th");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = col.label;
      button.title = "sort by " + col.label;
      button.addEventListener("click", function () {
        state.desc = state.sort === i ? !state.desc : false;
        state.sort = i;
        state.page = 0;
        draw();
      });
      th.appendChild(button);
      if (col.numeric) th.className = "num";
      head.appendChild(th);
      var fth = document.createElement("th"), input = document.createElement("input");
      input.type = "search";
      input.placeholder = "filter";
      input.setAttribute("aria-label", "filter " + col.label);
      input.addEventListener("input", function () { state.filters[i] = input.value.toLowerCase(); state.page = 0; draw(); });
      fth.appendChild(input);
      filterRow.appendChild(fth);
    });
    var pager = document.createElement("div");
    pager.className = "pager";
    host.appendChild(table);
    host.appendChild(pager);

    function visibleRows() {
      var rows = spec.rows.filter(function (row) {
        return state.filters.every(function (f, i) { return !f || cellText(row.c[i]).toLowerCase().indexOf(f) >= 0; });
      });
      if (state.sort !== null) {
        var i = state.sort, numeric = spec.columns[i].numeric, sign = state.desc ? -1 : 1;
        rows = rows.map(function (row, n) { return [sortKey(cellText(row.c[i]), numeric), n, row]; });
        rows.sort(function (a, b) {
          if (a[0] === b[0]) return a[1] - b[1];
          if (a[0] === null || a[0] === "") return 1;
          if (b[0] === null || b[0] === "") return -1;
          return (a[0] < b[0] ? -1 : 1) * sign;
        });
        rows = rows.map(function (x) { return x[2]; });
      }
      return rows;
    }

    function fill(td, cell) {
      if (cell && typeof cell === "object" && cell.ids) {
        cell.ids.forEach(function (x, k) {
          if (k) td.appendChild(document.createTextNode(" "));
          if (x[1] === null || x[1] === undefined) { td.appendChild(document.createTextNode(x[0])); return; }
          var a = document.createElement("a");
          a.href = articleLink(x[1], x[0]);
          a.textContent = x[0];
          td.appendChild(a);
        });
      } else {
        td.textContent = cell == null ? "" : String(cell);
      }
    }

    function draw() {
      var rows = visibleRows(), pages = Math.max(1, Math.ceil(rows.length / state.size));
      state.page = Math.min(state.page, pages - 1);
      var shown = rows.slice(state.page * state.size, (state.page + 1) * state.size);
      tbody.textContent = "";
      shown.forEach(function (row) {
        var tr = tbody.insertRow();
        if (row.r) tr.dataset.rowId = row.r;
        if (row.d !== undefined && row.d !== null) {
          tr.className = "link";
          tr.tabIndex = 0;
          tr.title = "open the article" + (row.r ? " at this row's sentence" : "");
          var go = function () { location.hash = articleLink(row.d, row.r); };
          tr.addEventListener("click", function (ev) { if (ev.target.tagName !== "A") go(); });
          tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
        }
        row.c.forEach(function (cell, i) {
          var td = tr.insertCell();
          if (spec.columns[i].numeric) td.className = "num";
          fill(td, cell);
        });
      });
      pager.textContent = "";
      var info = document.createElement("span");
      info.textContent = rows.length ? "rows " + (state.page * state.size + 1) + "–" + (state.page * state.size + shown.length) +
        " of " + rows.length + (rows.length !== spec.rows.length ? " (filtered from " + spec.rows.length + ")" : "") : "no rows";
      [["« first", 0], ["‹ previous", state.page - 1], ["next ›", state.page + 1], ["last »", pages - 1]].forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b[0];
        button.disabled = b[1] < 0 || b[1] >= pages || b[1] === state.page;
        button.addEventListener("click", function () { state.page = b[1]; draw(); });
        pager.appendChild(button);
      });
      var size = document.createElement("select");
      [25, 50, 100, 500].forEach(function (n) {
        var o = document.createElement("option");
        o.value = n; o.textContent = n + " a page"; o.selected = n === state.size;
        size.appendChild(o);
      });
      size.addEventListener("change", function () { state.size = parseInt(size.value, 10); state.page = 0; draw(); });
      pager.appendChild(size);
      pager.appendChild(info);
    }
    draw();
  }

  function jumpTo(row) {
    var target = row.dataset.target && document.getElementById(row.dataset.target);
    document.querySelectorAll("#article-view .current").forEach(function (el) { el.classList.remove("current"); });
    row.classList.add("current");
    if (!target) return;
    target.classList.add("current");
    target.scrollIntoView({block: "center"});
  }

  /* An article's view is carried zlib-compressed and base64-encoded; the browser's DecompressionStream inflates it. */
  function inflate(packed) {
    var bytes = Uint8Array.from(atob(packed), function (ch) { return ch.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text();
  }

  function showArticle(index, rowId) {
    var payload = document.getElementById("art-" + index);
    var view = document.getElementById("article-view"), body = document.getElementById("article-body");
    document.getElementById("corpus").hidden = true;
    view.hidden = false;
    var ready;
    if (!payload) {
      body.textContent = "No article " + index + " in this report.";
      delete body.dataset.index;
      ready = Promise.resolve();
    } else if (body.dataset.index === String(index)) {
      ready = Promise.resolve();
    } else {
      body.dataset.loading = String(index);
      ready = inflate(payload.textContent.trim()).then(function (html) {
        if (body.dataset.loading !== String(index)) return;  // another article was asked for meanwhile
        body.innerHTML = html;
        body.dataset.index = String(index);
        body.querySelectorAll("tr.rec").forEach(function (row) {
          row.addEventListener("click", function () { jumpTo(row); });
          row.addEventListener("keydown", function (ev) { if (ev.key === "Enter") jumpTo(row); });
        });
      });
    }
    ready.then(function () {
      var row = rowId && body.querySelector('tr.rec[data-row-id="' + CSS.escape(rowId) + '"]');
      if (row) jumpTo(row); else window.scrollTo(0, 0);
      body.dataset.shown = String(index);
    }).catch(function (err) {
      body.textContent = "This article could not be opened here (" + err + "); the report needs a browser with DecompressionStream.";
    });
  }

  function route() {
    var m = /^#doc=(\d+)(?:&rec=(.*))?$/.exec(location.hash);
    if (m) {
      showArticle(m[1], m[2] ? decodeURIComponent(m[2]) : "");
      return;
    }
    document.getElementById("article-view").hidden = true;
    document.getElementById("corpus").hidden = false;
    var anchor = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
    if (anchor) anchor.scrollIntoView();
  }

  document.querySelectorAll("[data-table]").forEach(function (host) {
    var spec = json(host.dataset.table);
    if (spec) DataTable(host, spec);
  });
  window.addEventListener("hashchange", route);
  route();
  document.body.dataset.ready = "1";
})();

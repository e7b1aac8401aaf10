// The playground page's script: draws the runtime's spreadsheet, menu and sidebar, and drives the
// playground controls, all through the small JSON API and event stream of dev/playground/server.ts.
(function () {
  'use strict';

  var state = {
    sheet: null,
    ui: null,
    status: null,
    activeSheet: null,
    scriptActive: null,
    sidebarVersion: null,
    /** The shared clock minus the browser's clock, from the last status the server sent. */
    clockSkewMs: null,
  };
  var $ = function (id) {
    return document.getElementById(id);
  };

  function api(path, body) {
    return fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error(json.error || res.statusText);
        return json;
      });
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  // ---- Menus ---------------------------------------------------------------------------------
  // The WAI-ARIA menu button and menu patterns: Enter, Space or ArrowDown opens a menu on its
  // first item; arrows move between items (wrapping), Home/End jump; ArrowRight opens a submenu,
  // ArrowLeft and Escape close the current level and return focus to its opener; Tab or a click
  // elsewhere closes every menu. Items are out of the tab order (one Tab stop per menu).

  function closeMenus(except) {
    document.querySelectorAll('.menubar [aria-expanded="true"]').forEach(function (b) {
      if (except && (b === except || b.parentNode.contains(except))) return;
      b.setAttribute('aria-expanded', 'false');
      b.nextElementSibling.hidden = true;
    });
  }

  function itemsOf(menu) {
    return Array.prototype.filter
      .call(menu.children, function (li) {
        return li.firstElementChild && li.firstElementChild.getAttribute('role') === 'menuitem';
      })
      .map(function (li) {
        return li.firstElementChild;
      });
  }

  function toggle(button, open, focusLast) {
    button.setAttribute('aria-expanded', String(open));
    button.nextElementSibling.hidden = !open;
    if (open) {
      var items = itemsOf(button.nextElementSibling);
      var target = focusLast ? items[items.length - 1] : items[0];
      if (target) target.focus();
    }
  }

  /** The button that opened this menu (a menu button or a submenu item). */
  function openerOf(menu) {
    return menu.previousElementSibling;
  }

  function onMenuKeydown(e) {
    var item = e.target;
    if (item.getAttribute('role') !== 'menuitem') return;
    var menu = item.closest('[role="menu"]');
    var items = itemsOf(menu);
    var i = items.indexOf(item);
    var move = function (j) {
      e.preventDefault();
      items[(j + items.length) % items.length].focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(i + 1);
      case 'ArrowUp':
        return move(i - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'ArrowRight':
        if (item.getAttribute('aria-haspopup') === 'menu') {
          e.preventDefault();
          closeMenus(item);
          toggle(item, true);
        }
        return;
      case 'ArrowLeft':
      case 'Escape': {
        var opener = openerOf(menu);
        // ArrowLeft in a top-level menu has nowhere to go back to.
        if (e.key === 'ArrowLeft' && opener.getAttribute('role') !== 'menuitem') return;
        e.preventDefault();
        e.stopPropagation();
        // Focus first: hiding the focused item would drop focus to the body and close every menu.
        opener.focus();
        toggle(opener, false);
        return;
      }
      case 'Tab':
        closeMenus();
        return;
    }
  }

  function menuList(items, label) {
    var ul = el('ul', {
      className: 'menu',
      role: 'menu',
      'aria-label': label,
      hidden: 'hidden',
      onkeydown: onMenuKeydown,
    });
    items.forEach(function (item) {
      if (item.separator) {
        ul.appendChild(el('li', { role: 'separator', className: 'separator' }));
        return;
      }
      var li = el('li', { role: 'none' });
      if (item.items) {
        var sub = el('button', {
          type: 'button',
          role: 'menuitem',
          tabindex: '-1',
          className: 'submenu-toggle',
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
          text: item.label,
          onclick: function (e) {
            e.stopPropagation();
            closeMenus(sub);
            toggle(sub, sub.getAttribute('aria-expanded') !== 'true');
          },
        });
        li.appendChild(sub);
        li.appendChild(menuList(item.items, item.label));
      } else {
        li.appendChild(
          el('button', {
            type: 'button',
            role: 'menuitem',
            tabindex: '-1',
            'data-function': item.fn,
            text: item.label,
            onclick: function (e) {
              var top = e.currentTarget.closest('.menubar-list > li').firstElementChild;
              // Focus goes back to the menu button, not to the hidden item (lost to the body).
              top.focus();
              closeMenus();
              runMenuItem(item);
            },
          }),
        );
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function renderMenus(menus) {
    var bar = $('menubar');
    // A redraw (the add-on's menu changed) must not drop the focus of a person using the menu.
    var hadFocus = bar.contains(document.activeElement);
    bar.textContent = '';
    // Sheets puts every add-on menu under Extensions, and a script's own menus in the bar itself.
    var addons = menus.filter(function (m) {
      return m.addon;
    });
    var top = [
      {
        label: 'Extensions',
        items: addons.map(function (m) {
          return { label: m.name, items: m.items };
        }),
      },
    ].concat(
      menus
        .filter(function (m) {
          return !m.addon;
        })
        .map(function (m) {
          return { label: m.name, items: m.items };
        }),
    );
    top.forEach(function (menu) {
      var li = el('li');
      var button = el('button', {
        type: 'button',
        'aria-haspopup': 'menu',
        'aria-expanded': 'false',
        text: menu.label,
        onclick: function (e) {
          e.stopPropagation();
          var open = button.getAttribute('aria-expanded') !== 'true';
          closeMenus();
          toggle(button, open);
        },
        onkeydown: function (e) {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          closeMenus();
          toggle(button, true, e.key === 'ArrowUp');
        },
      });
      li.appendChild(button);
      var list = menuList(menu.items, menu.label);
      if (!menu.items.length) {
        list.appendChild(el('li', { role: 'none', className: 'hint', text: 'No add-on menus' }));
      }
      li.appendChild(list);
      bar.appendChild(li);
    });
    if (hadFocus && bar.querySelector('button')) bar.querySelector('button').focus();
  }

  document.addEventListener('click', function () {
    closeMenus();
  });
  // Focus leaving the menu bar (Tab, a click in the sidebar frame) closes its menus.
  $('menubar').addEventListener('focusout', function (e) {
    if (!e.relatedTarget || !$('menubar').contains(e.relatedTarget)) closeMenus();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = document.querySelectorAll('.menubar [aria-expanded="true"]');
    if (!open.length) return;
    var last = open[open.length - 1];
    last.focus();
    toggle(last, false);
  });

  function runMenuItem(item) {
    api('/api/menu', { fn: item.fn }).catch(showError);
  }

  // ---- Sheet grid ----------------------------------------------------------------------------

  function columnName(i) {
    var s = '';
    for (i += 1; i > 0; i = Math.floor((i - 1) / 26))
      s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
    return s;
  }

  function renderTabs(sheets) {
    var tabs = $('sheet-tabs');
    tabs.textContent = '';
    sheets.forEach(function (s, i) {
      var selected = s.name === state.activeSheet;
      tabs.appendChild(
        el('button', {
          type: 'button',
          role: 'tab',
          'aria-selected': String(selected),
          'aria-controls': 'grid-region',
          tabindex: selected ? '0' : '-1',
          text: s.name,
          onclick: function () {
            state.activeSheet = s.name;
            renderSheet();
          },
          onkeydown: function (e) {
            var step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            var next = sheets[(i + step + sheets.length) % sheets.length];
            state.activeSheet = next.name;
            renderSheet();
            tabs.querySelector('[aria-selected="true"]').focus();
          },
        }),
      );
    });
  }

  function renderSheet() {
    var view = state.sheet;
    if (!view) return;
    $('doc-title').textContent = view.name;
    document.title = view.name + ' – Add-on playground';
    var sheets = view.sheets;
    // Follow the script when it activates another sheet (the add-on shows its data tab after a
    // sync); a tab the person clicked stays selected until then.
    var scriptActive = sheets.length ? sheets[view.activeIndex || 0].name : null;
    var known = sheets.some(function (s) {
      return s.name === state.activeSheet;
    });
    if (scriptActive !== state.scriptActive || !known) {
      state.scriptActive = scriptActive;
      state.activeSheet = scriptActive;
    }
    renderTabs(sheets);
    var sheet = sheets.filter(function (s) {
      return s.name === state.activeSheet;
    })[0];
    var table = $('grid');
    table.textContent = '';
    $('grid-empty').hidden = !!(sheet && sheet.values.length);
    if (!sheet) return;
    table.setAttribute('aria-label', sheet.name);
    var width = sheet.values.reduce(function (w, r) {
      return Math.max(w, r.length);
    }, 0);
    var cols = Math.max(width, 8);
    var rows = Math.max(sheet.values.length + 5, 25);
    // Enough rows and columns under every chart for it to sit on the grid, as on a real sheet.
    (sheet.charts || []).forEach(function (ch) {
      rows = Math.max(rows, ch.anchorRow + Math.ceil((ch.offsetY + ch.height) / CELL_HEIGHT) + 1);
      cols = Math.max(cols, ch.anchorColumn + Math.ceil((ch.offsetX + ch.width) / CELL_WIDTH));
    });
    var head = el('tr', {}, [el('th', { className: 'corner', scope: 'col', 'aria-label': 'Row' })]);
    for (var c = 0; c < cols; c++)
      head.appendChild(el('th', { scope: 'col', text: columnName(c) }));
    table.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    var frozen = sheet.frozenRows || 0;
    for (var r = 0; r < rows; r++) {
      var values = sheet.values[r] || [];
      var tr = el('tr', { 'data-row': String(r + 1) }, [
        el('th', { className: 'row-head', scope: 'row', text: String(r + 1) }),
      ]);
      if (r < frozen) {
        tr.className = 'frozen' + (r === frozen - 1 ? ' frozen-last' : '');
      }
      for (c = 0; c < cols; c++) {
        var v = values[c] == null ? '' : String(values[c]);
        var td = el('td', { text: v, title: v.length > 24 ? v : false });
        if (/^-?[\d,]*\.?\d+(%|e[+-]?\d+)?$/i.test(v)) td.className = 'num';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    stickFrozenRows(table);
    renderCharts(sheet, table);
  }

  // ---- Embedded charts -------------------------------------------------------------------------

  /** Cell sizes the grid's CSS gives (for making room under charts before layout). */
  var CELL_HEIGHT = 27;
  var CELL_WIDTH = 103;
  /** Sheets' default series colours, in order. */
  var PALETTE = [
    '#4285f4',
    '#ea4335',
    '#fbbc04',
    '#34a853',
    '#ff6d01',
    '#46bdc6',
    '#7baaf7',
    '#f07b72',
    '#fcd04f',
    '#71c287',
  ];
  /** The chart types the playground draws; others get a labelled placeholder. */
  var BASE_TYPE = {
    LINE: 'line',
    AREA: 'line',
    STEPPED_AREA: 'line',
    SCATTER: 'line',
    COLUMN: 'bar',
    BAR: 'bar',
    HISTOGRAM: 'bar',
    COMBO: 'bar',
    PIE: 'pie',
  };
  var drawnCharts = [];

  function translucent(color) {
    var m = /^#([0-9a-f]{6})$/i.exec(color || '');
    if (!m) return color;
    var n = parseInt(m[1], 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',0.35)';
  }

  /** Each series' share of its point's total, for charts stacked as percentages. */
  function asPercent(series) {
    var totals = series[0]
      ? series[0].data.map(function () {
          return 0;
        })
      : [];
    series.forEach(function (s) {
      s.data.forEach(function (v, i) {
        totals[i] += Math.abs(v || 0);
      });
    });
    return series.map(function (s) {
      return Object.assign({}, s, {
        data: s.data.map(function (v, i) {
          return v === null || !totals[i] ? null : (100 * v) / totals[i];
        }),
      });
    });
  }

  function chartConfig(ch) {
    var base = BASE_TYPE[ch.type];
    var series = ch.stacked === 'percent' ? asPercent(ch.series) : ch.series;
    var color = function (s, i) {
      return s.color || PALETTE[i % PALETTE.length];
    };
    if (base === 'pie') {
      var first = series[0] || { data: [], label: '' };
      return {
        type: 'pie',
        data: {
          labels: ch.labels,
          datasets: [
            {
              label: first.label,
              data: first.data,
              backgroundColor: ch.labels.map(function (_, i) {
                return PALETTE[i % PALETTE.length];
              }),
            },
          ],
        },
        options: chartOptions(ch, false),
      };
    }
    var manyPoints = ch.labels.length > 60;
    var datasets = series.map(function (s, i) {
      var c = color(s, i);
      var filled = s.kind === 'area' || s.kind === 'steppedArea';
      return {
        type: s.kind === 'bars' ? 'bar' : 'line',
        label: s.label,
        data: s.data,
        borderColor: c,
        backgroundColor: filled ? translucent(c) : c,
        fill: filled ? (ch.stacked ? (i === 0 ? 'origin' : '-1') : 'origin') : false,
        stepped: s.kind === 'steppedArea',
        showLine: s.kind !== 'points',
        pointRadius: s.kind === 'points' ? 3 : manyPoints ? 0 : 2,
        borderWidth: s.kind === 'bars' ? 0 : s.lineWidth === null ? 2 : s.lineWidth,
        borderDash: s.dashed ? [6, 4] : [],
        spanGaps: true,
        yAxisID: s.axis === 1 ? 'y1' : 'y',
        // Lines over bars, as in Sheets' combo charts.
        order: s.kind === 'bars' ? 2 : 1,
      };
    });
    return {
      type: base,
      data: { labels: ch.labels, datasets: datasets },
      options: chartOptions(ch, true),
    };
  }

  function axisTitle(text) {
    return { display: !!text, text: text || '' };
  }

  function chartOptions(ch, axes) {
    var options = {
      responsive: false,
      animation: false,
      indexAxis: ch.type === 'BAR' ? 'y' : 'x',
      plugins: {
        title: { display: !!ch.title, text: ch.title || '', font: { size: 15 } },
        legend: {
          // In series order, as Sheets lists them (Chart.js would sort by drawing order).
          labels: {
            sort: function (a, b) {
              return a.datasetIndex - b.datasetIndex;
            },
          },
          display: ch.legend !== 'none',
          position: ch.legend === 'none' ? 'right' : ch.legend,
        },
      },
    };
    if (!axes) return options;
    var stacked = !!ch.stacked;
    var domain = {
      title: axisTitle(ch.hAxisTitle),
      stacked: stacked,
      // Sheets keeps date labels level and leaves out what does not fit.
      ticks: { autoSkip: true, autoSkipPadding: 16, maxRotation: 0 },
    };
    var value = {
      title: axisTitle(ch.vAxisTitle),
      stacked: stacked,
      beginAtZero: ch.type !== 'LINE' && ch.type !== 'SCATTER',
    };
    if (ch.stacked === 'percent') value.max = 100;
    // A horizontal bar chart has its domain on the vertical axis; hAxis still titles the bottom one.
    options.scales = ch.type === 'BAR' ? { y: domain, x: value } : { x: domain, y: value };
    if (ch.type === 'BAR') {
      domain.title = axisTitle(ch.vAxisTitle);
      value.title = axisTitle(ch.hAxisTitle);
    }
    if (
      ch.series.some(function (s) {
        return s.axis === 1;
      })
    ) {
      options.scales.y1 = {
        position: 'right',
        title: axisTitle(ch.rightAxisTitle),
        grid: { drawOnChartArea: false },
      };
    }
    return options;
  }

  /** Draws the sheet's charts over the grid, each anchored to its cell plus its offsets. */
  function renderCharts(sheet, table) {
    drawnCharts.forEach(function (c) {
      c.destroy();
    });
    drawnCharts = [];
    var layer = $('chart-layer');
    layer.textContent = '';
    var layerBox = layer.getBoundingClientRect();
    (sheet.charts || []).forEach(function (ch) {
      var row = table.querySelector('tbody tr[data-row="' + ch.anchorRow + '"]');
      var cell = row && row.cells[ch.anchorColumn];
      if (!cell) return;
      var box = cell.getBoundingClientRect();
      var name =
        ch.title || ch.type.charAt(0) + ch.type.slice(1).toLowerCase().replace('_', ' ') + ' chart';
      var figure = el('figure', {
        className: 'sheet-chart',
        'data-chart-id': String(ch.chartId),
        'data-chart-type': ch.type,
        style:
          'left:' +
          (box.left - layerBox.left + ch.offsetX) +
          'px;top:' +
          (box.top - layerBox.top + ch.offsetY) +
          'px;width:' +
          ch.width +
          'px;height:' +
          ch.height +
          'px',
      });
      layer.appendChild(figure);
      if (!BASE_TYPE[ch.type] || typeof window.Chart !== 'function') {
        figure.appendChild(
          el('p', {
            className: 'chart-placeholder',
            text: name + ' (a ' + ch.type + ' chart: not drawn by the playground)',
          }),
        );
        return;
      }
      var canvas = el('canvas', {
        role: 'img',
        'aria-label': name,
        width: String(ch.width),
        height: String(ch.height),
      });
      figure.appendChild(canvas);
      drawnCharts.push(new window.Chart(canvas, chartConfig(ch)));
    });
  }

  /** Frozen rows are sticky below the header row, each at the height of those above it. */
  function stickFrozenRows(table) {
    var top = table.tHead.rows[0].getBoundingClientRect().height;
    table.querySelectorAll('tbody tr.frozen').forEach(function (tr) {
      Array.prototype.forEach.call(tr.cells, function (cell) {
        cell.style.top = top + 'px';
      });
      top += tr.getBoundingClientRect().height;
    });
  }

  // ---- Sidebar and toasts --------------------------------------------------------------------

  function renderUi(ui) {
    state.ui = ui;
    renderMenus(ui.menus);
    var aside = $('sidebar');
    if (!ui.sidebar) {
      aside.hidden = true;
      state.sidebarVersion = null;
      $('sidebar-frame').removeAttribute('src');
    } else if (ui.sidebar.version !== state.sidebarVersion) {
      state.sidebarVersion = ui.sidebar.version;
      $('sidebar-title').textContent = ui.sidebar.title;
      $('sidebar-frame').src = '/sidebar?v=' + encodeURIComponent(ui.sidebar.version);
      aside.hidden = false;
    }
    (ui.newToasts || []).forEach(showToast);
  }

  function showToast(t) {
    var box = el('div', { className: 'toast' }, [
      t.title ? el('strong', { text: t.title }) : '',
      el('span', { text: t.message }),
    ]);
    $('toasts').appendChild(box);
    var seconds = t.timeoutSeconds == null ? 5 : t.timeoutSeconds;
    if (seconds >= 0)
      setTimeout(function () {
        box.remove();
      }, seconds * 1000);
  }

  function showError(err) {
    showToast({ title: 'Playground', message: err.message || String(err), timeoutSeconds: 8 });
  }

  function closeSidebar() {
    api('/api/sidebar/close', {}).catch(showError);
  }
  $('sidebar-close').addEventListener('click', closeSidebar);
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.source !== 'playground-sidebar') return;
    if (e.data.type === 'close') closeSidebar();
    if (e.data.type === 'focus-editor') $('grid-region').focus();
  });

  // ---- Playground controls -------------------------------------------------------------------

  function renderStatus(status) {
    state.status = status;
    var select = $('user-select');
    select.textContent = '';
    status.users.forEach(function (u) {
      select.appendChild(
        el('option', { value: u, text: u, selected: u === status.user ? 'selected' : false }),
      );
    });
    // The shared clock runs at real speed from where the server says it is: keep the difference
    // and let the ticker draw it every second (a fast-forward sends a new status).
    state.clockSkewMs = status.now - Date.now();
    renderClock();
    var hours = Math.round(status.advancedMs / 360000) / 10;
    $('clock-offset').textContent = hours ? '(advanced ' + hours + ' h)' : '';
    $('retired-switch').checked = status.retired;
    var triggers = status.triggers || [];
    $('trigger-summary').textContent = triggers.length
      ? triggers.length +
        ' trigger(s): ' +
        triggers
          .map(function (t) {
            return t.handler + (t.at ? ' at ' + formatInstant(t.at) : '');
          })
          .join(', ')
      : 'No triggers.';
  }

  $('user-select').addEventListener('change', function (e) {
    api('/api/user', { email: e.target.value }).then(renderStatus, showError);
  });
  $('add-user-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('new-user');
    api('/api/user', { email: input.value, add: true }).then(function (s) {
      input.value = '';
      renderStatus(s);
    }, showError);
  });
  document.querySelectorAll('[data-advance]').forEach(function (button) {
    button.addEventListener('click', function () {
      button.disabled = true;
      api('/api/clock', { advanceMs: Number(button.getAttribute('data-advance')) })
        .then(renderStatus, showError)
        .then(function () {
          button.disabled = false;
        });
    });
  });
  $('retired-switch').addEventListener('change', function (e) {
    api('/api/retired', { retired: e.target.checked }).then(renderStatus, showError);
  });

  // ---- The shared clock ----------------------------------------------------------------------

  // One format for every instant on the page (clock, triggers, log): date and time, in the
  // browser's time zone, named, so a log line from yesterday never reads as today.
  var instantFormat = new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });

  function formatInstant(ms) {
    return instantFormat.format(new Date(ms));
  }

  function renderClock() {
    if (state.clockSkewMs === null) return;
    var now = Date.now() + state.clockSkewMs;
    var node = $('clock-now');
    node.textContent = formatInstant(now);
    node.setAttribute('datetime', new Date(now).toISOString());
  }
  setInterval(renderClock, 1000);

  // ---- Execution log ---------------------------------------------------------------------------

  // As many lines as the server keeps: newest first, in a box of its own height that scrolls.
  var MAX_LOG_LINES = 200;

  function logExecution(x) {
    var li = el('li', { className: x.ok ? 'ok' : 'error' }, [
      el('time', { datetime: new Date(x.at).toISOString(), text: formatInstant(x.at) }),
      ' ' + x.fn + ' ' + (x.ok ? 'ok' : 'error') + ' ' + Math.round(x.durationMs) + ' ms',
      x.error ? ': ' + x.error : '',
    ]);
    var log = $('exec-log');
    log.prepend(li);
    while (log.children.length > MAX_LOG_LINES) log.lastElementChild.remove();
  }

  // ---- Wiring --------------------------------------------------------------------------------

  function start() {
    api('/api/state').then(function (s) {
      state.sheet = s.sheet;
      renderSheet();
      renderUi(s.ui);
      renderStatus(s.status);
      s.executions.forEach(logExecution);
      var events = new EventSource('/api/events');
      var lastSheet = null;
      events.addEventListener('sheet', function (e) {
        // A redraw of a long sheet costs a second of layout: skip the ones that change nothing
        // (a clock step that fired no trigger sends the same sheet again).
        if (e.data === lastSheet) return;
        lastSheet = e.data;
        state.sheet = JSON.parse(e.data);
        renderSheet();
      });
      events.addEventListener('ui', function (e) {
        renderUi(JSON.parse(e.data));
      });
      events.addEventListener('status', function (e) {
        renderStatus(JSON.parse(e.data));
      });
      events.addEventListener('execution', function (e) {
        logExecution(JSON.parse(e.data));
      });
      document.body.setAttribute('data-ready', 'true');
    }, showError);
  }
  start();
})();

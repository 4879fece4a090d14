// The scripts of the review pages, as plain ES2017 strings inlined into each page (a page is opened
// from `file://`, where nothing may be fetched: data comes in through `<script src>` files that
// call a loader). They read data only through the DOM and JSON, and write it only through
// `textContent` or the `escape` below, never as unescaped HTML.
//
// What a reviewer decides stays in the browser (localStorage, one store per report folder):
// files marked viewed, and the ids of the fixes and removals rejected, which "Export decisions"
// saves as `decisions.json` for `newsclean --decisions`.

// Shared by every page: the store, escaping, the export button.
const common = `
var newsclean = window.newsclean || {};
(function (nc) {
  var root = new URL(document.documentElement.getAttribute('data-root') || '.', location.href).pathname;
  function key(name) { return 'newsclean:' + root + ':' + name; }
  function read(name) {
    try { return JSON.parse(localStorage.getItem(key(name)) || '[]'); } catch (error) { return []; }
  }
  function write(name, list) {
    try { localStorage.setItem(key(name), JSON.stringify(list)); } catch (error) { /* full or disabled */ }
  }
  nc.readSet = function (name) { return new Set(read(name)); };
  nc.writeSet = function (name, set) { write(name, Array.from(set)); };
  nc.read = read;
  nc.write = write;
  nc.escape = function (text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  };
  nc.pathUrl = function (path) { return path.split('/').map(encodeURIComponent).join('/'); };
  nc.exportDecisions = function () {
    var rejected = Array.from(nc.readSet('rejected')).sort();
    var blob = new Blob([JSON.stringify({rejected: rejected}, null, 2) + '\\n'], {type: 'application/json'});
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'decisions.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };
  nc.showRejectedCount = function () {
    var count = nc.readSet('rejected').size;
    document.querySelectorAll('.rejected-count').forEach(function (element) { element.textContent = String(count); });
  };
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('.export-decisions')) nc.exportDecisions();
  });
  nc.isTyping = function (event) {
    var tag = event.target.tagName;
    return event.ctrlKey || event.metaKey || event.altKey || tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
  };
})(newsclean);
`

// The batch index: rows from `newscleanIndex` (filled by the data files), filtered, sorted and
// paged on the spot. Row fields: path, status, paragraphs in, out, removed, fixes, warnings,
// plugins and spec rules ([name, count] by count), failure reason.
export const indexScript = `${common}
(function (nc) {
  var rows = window.newscleanIndex || [];
  var rank = {failed: 0, warnings: 1, removals: 2, changed: 3, unchanged: 4};
  var pageSize = 200;
  var state = {status: '', rule: '', unchanged: false, sort: 'status', descending: false, page: 0};
  var viewed = nc.readSet('viewed');
  var shown = [];
  var selected = 0;
  rows.forEach(function (row, index) { row.order = index; });
  var columns = {path: 0, status: 1, in: 2, out: 3, removed: 4, fixes: 5, warnings: 6};
  function hasRule(row, rule) {
    return row[7].concat(row[8]).some(function (pair) { return pair[0] === rule; });
  }
  function keep(row) {
    if (state.status ? row[1] !== state.status : row[1] === 'unchanged' && !state.unchanged) return false;
    return !state.rule || hasRule(row, state.rule);
  }
  function compare(left, right) {
    var column = columns[state.sort];
    var a = left[column], b = right[column];
    if (state.sort === 'status') { a = rank[a]; b = rank[b]; }
    var order = a < b ? -1 : a > b ? 1 : 0;
    if (state.descending) order = -order;
    return order || left.order - right.order;
  }
  function link(path) { return 'files/' + nc.pathUrl(path) + '.html'; }
  function renderRow(row, index) {
    var name = nc.escape(row[0]);
    var mark = viewed.has(row[0]) ? '<span class="viewed-mark" title="Viewed">\\u2713</span> ' : '';
    var cls = 'status-' + row[1] + (viewed.has(row[0]) ? ' viewed' : '') + (index === selected ? ' selected' : '');
    var status = '<td class="status ' + row[1] + '">' + row[1] + '</td>';
    if (row[1] === 'failed') {
      return '<tr class="' + cls + '"><td>' + mark + name + '</td>' + status + '<td colspan="6">' + nc.escape(row[9]) + '</td></tr>';
    }
    var cells = [2, 3, 4, 5, 6].map(function (column) { return '<td class="num">' + row[column] + '</td>'; }).join('');
    // The main plugins, each with its main spec rule where it has some (R5 for the punctuation).
    var rules = row[7].slice(0, 3).map(function (pair) {
      return '<code>' + nc.escape(pair[0]) + '</code>\\u00a0' + pair[1];
    }).join(', ');
    if (row[8].length > 0) rules += ' <span class="meta">(' + row[8].slice(0, 3).map(function (pair) {
      return nc.escape(pair[0]) + '\\u00a0' + pair[1];
    }).join(', ') + ')</span>';
    return '<tr class="' + cls + '"><td>' + mark + '<a href="' + nc.escape(link(row[0])) + '">' + name + '</a></td>' +
      status + cells + '<td class="rules">' + rules + '</td></tr>';
  }
  function update() {
    shown = rows.filter(keep).sort(compare);
    var pages = Math.max(1, Math.ceil(shown.length / pageSize));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * pageSize;
    var page = shown.slice(start, start + pageSize);
    selected = Math.min(selected, Math.max(0, page.length - 1));
    document.getElementById('rows').innerHTML = page.map(renderRow).join('');
    document.getElementById('shown').textContent = shown.length + ' of ' + rows.length + ' files';
    document.getElementById('page').textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('previous-page').disabled = state.page === 0;
    document.getElementById('next-page').disabled = state.page >= pages - 1;
    document.querySelectorAll('th button[data-sort]').forEach(function (button) {
      var active = button.getAttribute('data-sort') === state.sort;
      button.parentElement.setAttribute('aria-sort', active ? (state.descending ? 'descending' : 'ascending') : 'none');
    });
    // The file pages step through the files in this order (n and p).
    nc.write('order', shown.length <= 50000 ? shown.map(function (row) { return row[1] === 'failed' ? null : row[0]; }) : []);
  }
  function select(index) {
    var items = document.querySelectorAll('#rows tr');
    if (items.length === 0) return;
    selected = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, at) { item.classList.toggle('selected', at === selected); });
    items[selected].scrollIntoView({block: 'nearest'});
  }
  document.getElementById('status').addEventListener('change', function (event) {
    state.status = event.target.value; state.page = 0; update();
  });
  document.getElementById('rule').addEventListener('change', function (event) {
    state.rule = event.target.value; state.page = 0; update();
  });
  document.getElementById('show-unchanged').addEventListener('change', function (event) {
    state.unchanged = event.target.checked; state.page = 0; update();
  });
  document.querySelectorAll('th button[data-sort]').forEach(function (button) {
    button.addEventListener('click', function () {
      var sort = button.getAttribute('data-sort');
      state.descending = state.sort === sort ? !state.descending : sort !== 'path' && sort !== 'status';
      state.sort = sort; state.page = 0; update();
    });
  });
  document.getElementById('previous-page').addEventListener('click', function () { state.page--; update(); });
  document.getElementById('next-page').addEventListener('click', function () { state.page++; update(); });
  document.addEventListener('keydown', function (event) {
    if (nc.isTyping(event)) return;
    if (event.key === 'j') select(selected + 1);
    else if (event.key === 'k') select(selected - 1);
    else if (event.key === 'Enter' || event.key === 'o') {
      var anchor = document.querySelectorAll('#rows tr')[selected];
      anchor = anchor && anchor.querySelector('a');
      if (anchor) anchor.click();
    } else return;
    event.preventDefault();
  });
  update();
  nc.showRejectedCount();
})(newsclean);
`

// A file's page: rejecting fixes and removals, marking the file viewed, quieting a rule's marks,
// the keys, and for a JSONL file its records, loaded a data file at a time as the reader nears
// the end of those shown.
export const fileScript = `${common}
(function (nc) {
  var html = document.documentElement;
  var path = html.getAttribute('data-path');
  var root = html.getAttribute('data-root');
  var rejected = nc.readSet('rejected');
  function showDecisions() {
    document.querySelectorAll('[data-id]').forEach(function (element) {
      var isRejected = rejected.has(element.getAttribute('data-id'));
      element.classList.toggle('is-rejected', isRejected);
      if (element.classList.contains('reject')) {
        element.textContent = isRejected ? 'Rejected (undo)' : 'Reject';
        element.setAttribute('aria-pressed', String(isRejected));
      }
    });
    nc.showRejectedCount();
  }
  nc.showDecisions = showDecisions;
  document.addEventListener('click', function (event) {
    var target = event.target.closest && event.target.closest('.reject, ins[data-id], del[data-id]');
    if (!target) return;
    var id = target.getAttribute('data-id');
    rejected = nc.readSet('rejected');
    if (rejected.has(id)) rejected.delete(id); else rejected.add(id);
    nc.writeSet('rejected', rejected);
    showDecisions();
  });
  var viewedBox = document.getElementById('viewed');
  if (viewedBox) {
    viewedBox.checked = nc.readSet('viewed').has(path);
    viewedBox.addEventListener('change', function () {
      var viewed = nc.readSet('viewed');
      if (viewedBox.checked) viewed.add(path); else viewed.delete(path);
      nc.writeSet('viewed', viewed);
    });
  }
  document.querySelectorAll('.rule-toggles input').forEach(function (box) {
    box.addEventListener('change', function () {
      var rule = box.getAttribute('data-rule');
      document.querySelectorAll('[data-rule]').forEach(function (element) {
        if (element.getAttribute('data-rule') === rule && element !== box) element.classList.toggle('quiet', !box.checked);
      });
    });
  });
  function neighbour(step) {
    var order = nc.read('order');
    var at = order.indexOf(path);
    if (at === -1) return null;
    for (var index = at + step; index >= 0 && index < order.length; index += step) if (order[index]) return order[index];
    return null;
  }
  function fileUrl(other) { return root + 'files/' + nc.pathUrl(other) + '.html'; }
  [['previous-file', -1], ['next-file', 1]].forEach(function (pair) {
    var link = document.getElementById(pair[0]);
    var other = link && neighbour(pair[1]);
    if (other) { link.href = fileUrl(other); link.hidden = false; }
  });
  var current = -1;
  function step(by) {
    var items = document.querySelectorAll('li.para, section.record');
    if (items.length === 0) return;
    current = Math.max(0, Math.min(items.length - 1, current + by));
    var item = items[current];
    history.replaceState(null, '', '#' + item.id);
    document.querySelectorAll('.current').forEach(function (element) { element.classList.remove('current'); });
    item.classList.add('current');
    item.scrollIntoView({block: 'center'});
  }
  document.addEventListener('keydown', function (event) {
    if (nc.isTyping(event)) return;
    var other;
    if (event.key === 'j') step(1);
    else if (event.key === 'k') step(-1);
    else if (event.key === 'n' || event.key === 'p') {
      other = neighbour(event.key === 'n' ? 1 : -1);
      if (other) location.href = fileUrl(other);
    } else if (event.key === 'u') location.href = root + 'index.html';
    else return;
    event.preventDefault();
  });
  var records = document.getElementById('records');
  if (records) {
    var base = records.getAttribute('data-base');
    var files = Number(records.getAttribute('data-files'));
    var next = 0;
    var loading = false;
    var sentinel = document.getElementById('more-records');
    window.newscleanRecords = function (sections) {
      var holder = document.createElement('div');
      holder.innerHTML = sections.join('');
      while (holder.firstChild) records.appendChild(holder.firstChild);
      loading = false;
      document.getElementById('records-shown').textContent = String(records.children.length);
      showDecisions();
      if (next >= files) sentinel.hidden = true;
      else if (sentinel.getBoundingClientRect().top < innerHeight * 2) loadNext();
    };
    var loadNext = function () {
      if (loading || next >= files) return;
      loading = true;
      var script = document.createElement('script');
      script.src = base + next++ + '.js';
      document.body.appendChild(script);
    };
    document.getElementById('load-more').addEventListener('click', loadNext);
    new IntersectionObserver(function (seen) { if (seen[0].isIntersecting) loadNext(); }).observe(sentinel);
    loadNext();
  }
  showDecisions();
})(newsclean);
`

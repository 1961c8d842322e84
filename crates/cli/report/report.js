// wortwolke report: lists the answers behind a term, sorts and filters the tables.
// Data is read from the embedded JSON and put into the page as text nodes only (never as markup).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('wortwolke-data').textContent);
  var ui = data.ui;
  // each row of a question's terms is an array: name its columns
  var column = {};
  data.term_columns.forEach(function (name, i) { column[name] = i; });
  data.questions.forEach(function (question) {
    question.terms = question.terms.map(function (row) {
      var term = {};
      Object.keys(column).forEach(function (name) { term[name] = row[column[name]]; });
      return term;
    });
  });
  // the terms tables' buttons: row i is term i
  document.querySelectorAll('table.terms tbody').forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row, i) {
      row.querySelector('button.term').setAttribute('data-t', String(i));
    });
  });
  var numbers = new Intl.NumberFormat(data.lang);
  document.documentElement.classList.add('js');

  // `{name}` in a template from `values`, in one pass (a value is never read as a template)
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // answer text with the matched spellings as <mark>: `ranges` are UTF-16 offsets, as slice counts
  function highlighted(text, ranges) {
    var span = element('span', 'text');
    var at = 0;
    for (var i = 0; i + 1 < ranges.length; i += 2) {
      var start = ranges[i], end = ranges[i + 1];
      if (start < at || end <= start) { continue; }
      span.appendChild(document.createTextNode(text.slice(at, start)));
      span.appendChild(element('mark', null, text.slice(start, end)));
      at = end;
    }
    span.appendChild(document.createTextNode(text.slice(at)));
    return span;
  }

  var opener = null;

  function show(section, t, g, from) {
    var q = Number(section.getAttribute('data-q'));
    var question = data.questions[q];
    var term = question.terms[t];
    var panel = section.querySelector('.answers');
    if (!term || !panel) { return; }
    var named = term.answers;
    var hits = term.hits || [];
    if (g !== null) {
      var entry = (term.groups || []).filter(function (x) { return x[0] === g; })[0];
      // (a list cut by --kwic-max carries each group's own list)
      named = entry ? entry[1] : 0;
      if (entry && entry.length > 2) {
        hits = entry[2];
      } else {
        hits = hits.filter(function (h) { return question.shown[h[0]][1] === g; });
      }
    }
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var head = element('header');
    var heading = element('h4', null, g === null
      ? say(ui.heading, { n: numbers.format(named), term: term.term })
      : say(ui.heading_group, { n: numbers.format(named), term: term.term, group: data.groups[g] }));
    var close = element('button', 'close', ui.close);
    close.type = 'button';
    close.addEventListener('click', function () { hide(panel); });
    head.appendChild(heading);
    head.appendChild(close);
    panel.appendChild(head);
    if (!data.answers_included) {
      panel.appendChild(element('p', 'more', ui.no_text));
    } else {
      var list = element('ol');
      hits.forEach(function (hit) {
        var answer = question.shown[hit[0]];
        var item = element('li');
        var who = typeof answer[0] === 'number' ? say(ui.row, { n: answer[0] }) : answer[0];
        if (answer[1] !== null && data.groups[answer[1]] !== undefined) {
          who += ' · ' + data.groups[answer[1]];
        }
        item.appendChild(element('span', 'who', who));
        item.appendChild(highlighted(answer[2], hit.slice(1)));
        list.appendChild(item);
      });
      panel.appendChild(list);
      if (named > hits.length) {
        panel.appendChild(element('p', 'more', say(ui.more, { n: numbers.format(named - hits.length) })));
      }
    }
    section.querySelectorAll('.term.active').forEach(function (e) { e.classList.remove('active'); });
    if (from) { from.classList.add('active'); }
    opener = from;
    panel.hidden = false;
    panel.focus();
  }

  function hide(panel) {
    panel.hidden = true;
    if (opener && document.body.contains(opener)) { opener.focus(); }
  }

  function activate(target) {
    var term = target.closest('.term[data-t]');
    var section = target.closest('section.question');
    if (!term || !section) { return false; }
    var g = term.hasAttribute('data-g') ? Number(term.getAttribute('data-g')) : null;
    show(section, Number(term.getAttribute('data-t')), g, term);
    return true;
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest('button.sort')) { return; }
    activate(event.target);
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Escape') {
      var panel = target.closest && target.closest('.answers');
      if (panel) { hide(panel); }
      return;
    }
    // buttons made of SVG groups act on Enter and Space, as <button> does
    if ((event.key === 'Enter' || event.key === ' ') && target.matches && target.matches('g.term[role="button"]')) {
      event.preventDefault();
      activate(target);
    }
  });

  // sorting: by a column's values in the data (label by the page's collation)
  var collator = new Intl.Collator(data.lang, { numeric: true });
  document.querySelectorAll('table.terms').forEach(function (table) {
    var section = table.closest('section.question');
    var question = data.questions[Number(section.getAttribute('data-q'))];
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var termOf = rows.map(function (row) { return Number(row.querySelector('button.term').getAttribute('data-t')); });
    var variants = function (row) { return row.cells[4] ? row.cells[4].textContent : ''; };
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      th.querySelector('button.sort').addEventListener('click', function () {
        var key = th.getAttribute('data-sort');
        var current = th.getAttribute('aria-sort');
        var textual = key === 'label' || key === 'variants';
        // first click: numbers heaviest first, text A to Z; then each click turns it round
        var descending = current ? current === 'ascending' : !textual;
        table.querySelectorAll('th[data-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var value = function (row, i) {
          var term = question.terms[termOf[i]];
          if (key === 'label') { return term.term; }
          if (key === 'variants') { return variants(row); }
          // the share orders as the respondents do (one base per table)
          return key === 'share' ? term.answers : term[key];
        };
        var keyed = rows.map(function (row, i) { return [value(row, i), i, row]; });
        keyed.sort(function (a, b) {
          var c = typeof a[0] === 'number' ? a[0] - b[0] : collator.compare(a[0], b[0]);
          if (descending) { c = -c; }
          return c || a[1] - b[1];
        });
        // reordered off the page, then put back: one layout, not one per row
        var next = body.nextSibling;
        table.removeChild(body);
        keyed.forEach(function (k) { body.appendChild(k[2]); });
        table.insertBefore(body, next);
      });
    });
    // filtering: rows whose term or spellings contain the text
    var input = section.querySelector('input.filter');
    var count = section.querySelector('.tools .count');
    if (input) {
      var texts = rows.map(function (row) { return row.textContent.toLocaleLowerCase(data.lang); });
      input.addEventListener('input', function () {
        var wanted = input.value.trim().toLocaleLowerCase(data.lang);
        var shown = 0;
        rows.forEach(function (row, i) {
          var match = !wanted || texts[i].indexOf(wanted) >= 0;
          row.hidden = !match;
          if (match) { shown += 1; }
        });
        count.textContent = wanted ? say(ui.filtered, { n: numbers.format(shown), total: numbers.format(rows.length) }) : '';
      });
    }
  });
})();

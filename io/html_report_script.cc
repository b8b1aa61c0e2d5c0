#include "io/html_report_script.h"

namespace pg {
namespace {

// Findings are matched by their whole text (message, subjects, notes, evidence) plus the pass
// name; every word typed must occur. A node's details list the findings that name it (as a
// subject, a party or an end of an evidence edge) and its evidence rows, copied from the page.
constexpr std::string_view kScript = R"js((function () {
  'use strict';
  var findings = JSON.parse(document.getElementById('pg-findings').textContent).findings;
  var data = JSON.parse(document.getElementById('pg-nodes').textContent);
  var articles = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var filter = document.getElementById('filter');
  var count = document.getElementById('filter-count');
  var panel = document.getElementById('details');

  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    articles.forEach(function (a) {
      var text = (a.dataset.pass + ' ' + a.textContent).toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      a.hidden = !match;
      if (match) shown++;
    });
    document.querySelectorAll('section.pass').forEach(function (s) {
      s.hidden = !s.querySelector('article.finding:not([hidden])');
    });
    var total = articles.length + (articles.length === 1 ? ' finding' : ' findings');
    count.textContent = words.length ? shown + ' of ' + total + ' match' : total;
  }

  // A member of a parsed object, never one it inherits (a node may be named "constructor").
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }
  function idOfTitle(name) { return own(data.dot, name) || name; }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // The findings about `id`, each with the indexes of its evidence edges that touch it.
  function findingsAbout(id) {
    var list = [];
    findings.forEach(function (f, i) {
      var edges = [];
      f.related.forEach(function (r, k) { if (r.from === id || r.to === id) edges.push(k); });
      var named = f.subjects.indexOf(id) >= 0 || f.parts.some(function (p) { return p.node === id; }) ||
                  f.metrics.some(function (m) { return m.entity === id; });
      if (named || edges.length) list.push({index: i, finding: f, edges: edges});
    });
    return list;
  }

  function selectInDiagram(id) {
    document.querySelectorAll('#diagram g.node').forEach(function (g) {
      var title = g.querySelector('title');
      var name = title ? title.textContent : '';
      g.classList.toggle('selected', idOfTitle(name) === id);
    });
  }

  function describe(id, node) {
    var facts = ['id: ' + id, 'type: ' + node.type];
    if (node.roles.length) facts.push('roles: ' + node.roles.join(', '));
    if (node.markets.length) facts.push('markets: ' + node.markets.join(', '));
    panel.appendChild(el('p', facts.join(' \u00b7 '), 'facts'));
    if (node.description) panel.appendChild(el('p', node.description, 'description'));
  }

  function listFindings(about) {
    panel.appendChild(el('h4', 'in the findings (' + about.length + ')'));
    var ul = el('ul', null, 'about-findings');
    about.forEach(function (a) {
      var li = el('li');
      var go = el('a', '[' + a.finding.pass + '] ' + a.finding.message);
      go.href = '#finding-' + a.index;
      go.addEventListener('click', function () {
        var target = document.getElementById('finding-' + a.index);
        if (target && target.hidden) { filter.value = ''; applyFilter(); }
      });
      li.appendChild(go);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  // The node's evidence edges, each once, as the findings' tables show them (a table shows its
  // first rows only: the count says how many are left out).
  function listEdges(about) {
    var seen = {};
    var table = el('table', null, 'evidence');
    var total = 0;
    var rows = 0;
    about.forEach(function (a) {
      var source = document.querySelector('article.finding[data-index="' + a.index + '"] table.evidence');
      a.edges.forEach(function (k) {
        var edge = a.finding.related[k].edge;
        if (seen[edge]) return;
        seen[edge] = true;
        total++;
        if (!source || !source.rows[k + 1]) return;
        if (!rows) table.appendChild(source.rows[0].cloneNode(true));
        table.appendChild(source.rows[k + 1].cloneNode(true));
        rows++;
      });
    });
    panel.appendChild(el('h4', 'its edges in the findings (' + total + (rows < total ? ', ' + rows + ' shown' : '') + ')'));
    if (rows) panel.appendChild(table);
  }

  function showNode(id) {
    var node = own(data.nodes, id);
    panel.textContent = '';
    var close = el('button', 'close', 'close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; selectInDiagram(null); });
    panel.appendChild(close);
    panel.appendChild(el('h3', node ? node.label : id));
    if (!node) {
      panel.appendChild(el('p', 'no details: ' + id + ' is not in the findings'));
    } else {
      describe(id, node);
      var about = findingsAbout(id);
      listFindings(about);
      listEdges(about);
    }
    panel.hidden = false;
    selectInDiagram(id);
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest('.node-link[data-node]');
    if (link) { showNode(link.dataset.node); return; }
    var g = event.target.closest('#diagram g.node');
    if (!g) return;
    var title = g.querySelector('title');
    var name = title ? title.textContent : '';
    showNode(idOfTitle(name));
  });
  filter.addEventListener('input', applyFilter);

  var hash = location.hash.slice(1).split('&');
  hash.forEach(function (part) {
    var eq = part.indexOf('=');
    if (eq < 0) return;
    var key = part.slice(0, eq);
    var value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    if (key === 'q') filter.value = value;
    if (key === 'node') showNode(value);
  });
  applyFilter();
})();
)js";

}  // namespace

std::string_view HtmlReportScript() { return kScript; }

}  // namespace pg

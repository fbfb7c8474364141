// The pages' script: htmx sends the CSRF token; charts are drawn from the JSON each chart page carries.
(function () {
  'use strict';

  // A refused form (422, or 409/404 for a name taken or missing) answers its page with the refusal beside
  // the field: htmx swaps those answers in as it does a 200, and leaves other errors unswapped.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: '204', swap: false },
      { code: '[23]..', swap: true },
      { code: '40[49]|422', swap: true },
      { code: '[45]..', swap: false, error: true }
    ];
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function data() {
    var element = document.getElementById('chart-data');
    return element ? JSON.parse(element.textContent) : null;
  }

  var DAY = 86400000;
  function epochDay(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY); }
  function isoDay(day) { return new Date(day * DAY).toISOString().substring(0, 10); }
  var COLOURS = ['#1f4e99', '#2e7d32', '#b00020', '#6a1b9a', '#e65100'];

  function seriesChart(d) {
    var canvas = document.getElementById('series-chart');
    var labels = d.points.map(function (p) { return p.date; });
    var keys = ['outstanding', 'exercised', 'lapsed', 'acquired'];
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: keys.map(function (key, i) {
          return { label: canvas.dataset[key], data: d.points.map(function (p) { return p[key]; }),
                   borderColor: COLOURS[i], backgroundColor: COLOURS[i], stepped: true };
        })
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 scales: { y: { beginAtZero: true, title: { display: false } } } }
    });
    var spr = document.getElementById('spr-chart');
    new Chart(spr, {
      type: 'line',
      data: { labels: labels, datasets: [{ label: spr.dataset.spr, stepped: true, borderColor: COLOURS[4],
              backgroundColor: COLOURS[4], data: d.points.map(function (p) { return p.sharesPerRight; }) }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
    });
  }

  function capitalChart(d) {
    var canvas = document.getElementById('capital-chart');
    if (!canvas) { return; }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.months.map(function (m) { return m.month; }),
        datasets: [
          { label: canvas.dataset.stock, data: d.months.map(function (m) { return m.capitalStock; }), backgroundColor: COLOURS[0] },
          { label: canvas.dataset.reserve, data: d.months.map(function (m) { return m.capitalReserve; }), backgroundColor: COLOURS[1] }
        ]
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }

  function timelineChart(d) {
    var canvas = document.getElementById('timeline-chart');
    if (!canvas) { return; }
    var series = [];
    d.bands.forEach(function (b) { if (series.indexOf(b.seriesId) < 0) { series.push(b.seriesId); } });
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: series,
        datasets: [{
          label: canvas.dataset.window,
          backgroundColor: 'rgba(31, 78, 153, 0.5)', borderColor: COLOURS[0], borderWidth: 1,
          data: d.bands.map(function (b) { return { x: [epochDay(b.from), epochDay(b.to) + 1], y: b.seriesId }; })
        }, {
          type: 'scatter', label: canvas.dataset.exercise, backgroundColor: COLOURS[2], pointRadius: 6,
          data: d.exercises.map(function (e) { return { x: epochDay(e.date), y: e.seriesId }; })
        }]
      },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { type: 'linear', ticks: { callback: function (v) { return isoDay(v); } } },
                  y: { type: 'category' } },
        plugins: { tooltip: { callbacks: { label: function (c) {
          var x = c.raw.x; return Array.isArray(x) ? isoDay(x[0]) + ' – ' + isoDay(x[1] - 1) : isoDay(x);
        } } } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var d = data();
    if (!d || typeof Chart === 'undefined') { return; }
    if (d.kind === 'series') { seriesChart(d); }
    if (d.kind === 'capital') { capitalChart(d); }
    if (d.kind === 'timeline') { timelineChart(d); }
    document.body.setAttribute('data-charts-drawn', 'true');
  });
})();

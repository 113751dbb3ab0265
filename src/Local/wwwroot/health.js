// #/health: the alarms (GET /admin/alarms) with their state and history, and the business figures of the last hour
// (GET /admin/stats) as small inline SVG charts. Both refresh every few seconds.

import { ApiError, get } from './api.js';
import { age, badge, card, clear, duration, empty, h, money, s, when } from './dom.js';

const REFRESH_MS = 5000;
const BUCKETS = 6;

export async function healthView(main, { signal }) {
  document.title = 'Health · StepOrders console';
  const alarms = h('div.health-grid.alarms', { 'aria-live': 'polite' });
  const evaluated = h('p.muted');
  const figures = h('div.health-grid.figures');
  const charts = h('div.two-col');
  main.append(
    h('div.page-head', null, h('div', null, h('h1', null, 'Health'), evaluated)),
    h('section', { 'aria-labelledby': 'alarms-title' }, h('h2.section-title', { id: 'alarms-title' }, 'Alarms'), alarms),
    h('section', { 'aria-labelledby': 'figures-title' }, h('h2.section-title', { id: 'figures-title' }, 'Last hour'), figures),
    charts);

  const load = async () => {
    await Promise.all([loadAlarms(alarms, evaluated, signal), loadStats(figures, charts, signal)]);
  };
  await load();
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') load().catch(() => undefined);
  }, REFRESH_MS);
  return () => clearInterval(timer);
}

async function loadAlarms(box, evaluated, signal) {
  let report;
  try {
    report = await get('/admin/alarms', { signal });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    clear(box, empty('Alarms are not evaluated on this host (started with telemetry off).'));
    return;
  }
  evaluated.textContent = report.evaluatedAt
    ? `Alarms evaluated ${age(report.evaluatedAt)} over the last ${duration(report.windowSeconds * 1000)}, every ${duration(report.periodSeconds * 1000)}.`
    : 'Alarms not evaluated yet.';
  clear(box, report.alarms.map(alarm => h(`article.alarm.${alarm.state}`, { dataset: { alarm: alarm.name, state: alarm.state } },
    h('div.alarm-head', null, h('h3', null, alarm.name), badge(alarm.state)),
    h('p.muted', null, alarm.description),
    h('p', null, alarm.reason),
    h('p.muted', null, `Since ${when(alarm.since)} · value ${round(alarm.value)} · threshold ${round(alarm.threshold)}`),
    alarm.history.length
      ? h('details', null, h('summary', null, `History (${alarm.history.length})`),
        h('ol.alarm-history', null, alarm.history.slice(0, 10).map(change =>
          h('li', null, h('time', { datetime: change.at }, when(change.at)), ` ${change.from} → ${change.to}: ${change.reason}`))))
      : null)));
}

async function loadStats(figures, charts, signal) {
  const windows = Array.from({ length: BUCKETS }, (_, i) => `${(i + 1) * 10}m`);
  const reports = await Promise.all([get('/admin/stats?window=1h', { signal }), ...windows.map(w => get(`/admin/stats?window=${w}`, { signal }))]);
  const [hour, ...cumulative] = reports;
  const placed = cumulative.map((report, i) => report.orders.placed - (i ? cumulative[i - 1].orders.placed : 0)).reverse();

  const revenue = Object.entries(hour.revenue ?? {});
  clear(figures,
    figure('Orders per hour', round(hour.ordersPerHour), bars(placed.map((value, i) => ({ label: `${(BUCKETS - i) * 10}′`, value })), 'orders placed per 10 minutes')),
    figure('Success rate', hour.successRate === null || hour.successRate === undefined ? '—' : `${round(hour.successRate * 100)}%`,
      ring(hour.successRate), `${hour.orders.completed} completed, ${hour.orders.failed} failed, ${hour.orders.inProgress} in progress`),
    figure('End-to-end latency', hour.endToEnd.p50Ms === null ? '—' : duration(hour.endToEnd.p50Ms),
      null, `p50 ${duration(hour.endToEnd.p50Ms)} · p99 ${duration(hour.endToEnd.p99Ms)} over ${hour.endToEnd.count} orders`),
    figure('Revenue', revenue.length ? revenue.map(([currency, amount]) => money(amount, currency)).join(' · ') : '—', null, 'completed orders'));

  clear(charts,
    card('Step latency', hour.steps.length
      ? [h('ul.legend.chart-legend', null, h('li', null, h('span.swatch.p50', { 'aria-hidden': 'true' }), 'p50'), h('li', null, h('span.swatch.p99', { 'aria-hidden': 'true' }), 'p99')), stepChart(hour.steps)]
      : empty('No step ran in the last hour.')),
    card('Top failure reasons', hour.topFailures.length
      ? h('table.items', null, h('thead', null, h('tr', null, h('th', null, 'Step'), h('th', null, 'Error'), h('th.num', null, 'Orders'))),
        h('tbody', null, hour.topFailures.map(f => h('tr', null, h('td', null, f.step), h('td', null, h('code', null, f.error)), h('td.num', null, String(f.count))))))
      : empty('No failures in the last hour.')));
}

function figure(title, value, chart, note) {
  const ringBeside = chart?.classList.contains('ring-chart');
  return h('section.card.figure', null, h('h3.muted', null, title),
    ringBeside ? h('div.figure-row', null, h('div.value', null, value), chart) : [h('div.value', null, value), chart],
    note ? h('p.muted', null, note) : null);
}

function round(value) {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

/** Vertical bars with labels under them. */
function bars(points, label) {
  const width = 240;
  const height = 64;
  const max = Math.max(1, ...points.map(p => p.value));
  const step = width / points.length;
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height + 16}`, role: 'img', 'aria-label': `${label}: ${points.map(p => p.value).join(', ')}` },
    s('line', { class: 'axis', x1: 0, x2: width, y1: height, y2: height }),
    points.map((p, i) => {
      const barHeight = (p.value / max) * (height - 4);
      return [
        s('rect', { class: 'bar', x: i * step + 6, y: height - barHeight, width: step - 12, height: barHeight, rx: 3 }, s('title', null, `${p.value} (${p.label} ago)`)),
        s('text', { x: i * step + step / 2, y: height + 13, 'text-anchor': 'middle' }, p.label),
      ];
    }));
}

/** A ring filled to the success rate. */
function ring(rate) {
  const r = 26;
  const length = 2 * Math.PI * r;
  const filled = rate === null || rate === undefined ? 0 : rate * length;
  return s('svg', { class: 'chart ring-chart', viewBox: '0 0 64 64', width: 64, height: 64, role: 'img', 'aria-label': `success rate ${rate === null || rate === undefined ? 'unknown' : `${Math.round(rate * 100)}%`}` },
    s('circle', { class: 'ring-bg', cx: 32, cy: 32, r }),
    s('circle', { class: 'ring', cx: 32, cy: 32, r, 'stroke-dasharray': `${filled} ${length}`, transform: 'rotate(-90 32 32)' }));
}

/** Horizontal p50 and p99 bars per step, on one scale. */
function stepChart(steps) {
  const width = 520;
  const labelWidth = 150;
  const row = 34;
  const max = Math.max(1, ...steps.map(st => st.p99Ms ?? 0));
  const scale = v => ((v ?? 0) / max) * (width - labelWidth - 120);
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${steps.length * row + 8}`, role: 'img', 'aria-label': 'p50 and p99 latency of each step' },
    steps.map((st, i) => {
      const y = i * row + 4;
      return [
        s('text', { x: 0, y: y + 16 }, st.step),
        s('rect', { class: 'bar', x: labelWidth, y, width: Math.max(1, scale(st.p50Ms)), height: 11, rx: 2 }, s('title', null, `${st.step} p50 ${duration(st.p50Ms)}`)),
        s('rect', { class: 'bar p99', x: labelWidth, y: y + 13, width: Math.max(1, scale(st.p99Ms)), height: 11, rx: 2 }, s('title', null, `${st.step} p99 ${duration(st.p99Ms)}`)),
        s('text', { x: labelWidth + scale(st.p99Ms) + 6, y: y + 16 }, `${duration(st.p50Ms)} / ${duration(st.p99Ms)}`),
      ];
    }));
}

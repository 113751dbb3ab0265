// The event history, as the Step Functions console shows it: id, type, step, elapsed time; each row expands to its details.

import { clear, detailsTone, h, pretty, when } from './dom.js';
import { detailsOf } from './trace.js';

export function historyTable() {
  const expanded = new Set();
  const body = h('tbody');
  const toggleAll = h('button.ghost.small', { type: 'button', 'aria-pressed': 'false' }, 'Expand all');
  const element = h('div.history', null,
    h('div.history-tools', null, h('p.muted.count', { 'aria-live': 'polite' }), toggleAll),
    h('div.table-wrap', null, h('table.events', null,
      h('caption.visually-hidden', null, 'Execution event history, oldest first'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'ID'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Step'),
        h('th.num', { scope: 'col' }, 'Elapsed (ms)'), h('th', { scope: 'col' }, 'Timestamp'))),
      body)));
  let last = { events: [], trace: null };

  toggleAll.addEventListener('click', () => {
    const expand = toggleAll.getAttribute('aria-pressed') !== 'true';
    toggleAll.setAttribute('aria-pressed', String(expand));
    toggleAll.textContent = expand ? 'Collapse all' : 'Expand all';
    expanded.clear();
    if (expand) for (const event of last.events) expanded.add(event.id);
    render();
  });

  const render = () => {
    const { events, trace } = last;
    const start = events.length ? events[0].timestamp : 0;
    element.querySelector('.count').textContent = `${events.length} event${events.length === 1 ? '' : 's'}`;
    clear(body, events.map(event => {
      const open = expanded.has(event.id);
      const toggle = h('button.row-toggle', {
        type: 'button', 'aria-expanded': String(open), 'aria-label': `Details of event ${event.id}, ${event.type}`,
        onclick() {
          if (expanded.has(event.id)) expanded.delete(event.id);
          else expanded.add(event.id);
          render();
          body.querySelector(`tr[data-event-id="${event.id}"] .row-toggle`)?.focus();
        },
      }, h('span.chevron', { 'aria-hidden': 'true' }, '▸'), String(event.id));
      const row = h('tr', { class: `event ${detailsTone(event.type)}`, dataset: { eventId: event.id, type: event.type } },
        h('td', null, toggle),
        h('td.type', null, event.type),
        h('td', null, trace?.stepOf.get(event.id) ?? ''),
        h('td.num', null, String(Math.round((event.timestamp - start) * 1000))),
        h('td.muted', null, when(event.timestamp * 1000)));
      if (!open) return row;
      return [row, h('tr.event-details', null, h('td', { colspan: 5 }, h('pre', null, describe(event))))];
    }));
  };

  return {
    element,
    update(events, trace) {
      const changed = events.length !== last.events.length || events.at(-1)?.id !== last.events.at(-1)?.id;
      last = { events, trace };
      if (changed) render();
    },
  };
}

/** The event's details with its JSON payloads (input, output, parameters) unpacked for reading. */
function describe(event) {
  const details = { ...detailsOf(event) };
  for (const name of ['input', 'output', 'parameters']) {
    if (typeof details[name] === 'string') {
      try {
        details[name] = JSON.parse(details[name]);
      } catch {
        // Not JSON: shown as the text it is.
      }
    }
  }
  return pretty({ id: event.id, previousEventId: event.previousEventId, type: event.type, ...details });
}

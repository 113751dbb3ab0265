// Small DOM and formatting helpers shared by the views. Text always goes in as text nodes, never as HTML.

const SVG = 'http://www.w3.org/2000/svg';

/** h('button#save.primary', {onclick, type: 'button'}, 'Save') → an element; children may be strings, nodes, arrays or null. */
export function h(tag, props, ...children) {
  return build(document.createElement.bind(document), tag, props, children);
}

/** The same for SVG elements: s('rect', {x: 1, y: 2}). */
export function s(tag, props, ...children) {
  return build(name => document.createElementNS(SVG, name), tag, props, children);
}

function build(create, tag, props, children) {
  const name = tag.match(/^[^.#]+/)[0];
  const id = tag.match(/#([^.#]+)/)?.[1];
  const classes = [...tag.matchAll(/\.([^.#]+)/g)].map(m => m[1]);
  const el = create(name);
  if (id) el.id = id;
  if (classes.length) el.setAttribute('class', classes.join(' '));
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.setAttribute('class', [el.getAttribute('class'), value].filter(Boolean).join(' '));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

/** "12 s ago", "3 min ago", "2 days ago". */
export function age(date, now = Date.now()) {
  const seconds = Math.round((new Date(date).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

const stamp = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

export function when(date) {
  const d = new Date(date);
  return `${stamp.format(d)}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** 5 → "5 ms", 1530 → "1.53 s", 95000 → "1 min 35 s". */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
  const seconds = Math.round((ms % 60000) / 1000);
  return `${Math.floor(ms / 60000)} min${seconds ? ` ${seconds} s` : ''}`;
}

/** Pretty JSON when the text is JSON, the text as is otherwise. */
export function pretty(text) {
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string') return JSON.stringify(text, null, 2);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const statusTone = {
  PENDING: 'neutral', VALIDATING: 'info', INVENTORY_CHECK: 'info', PAYMENT_PROCESSING: 'info', FULFILLMENT: 'info',
  COMPLETED: 'ok', FAILED: 'bad',
  RUNNING: 'info', SUCCEEDED: 'ok', TIMED_OUT: 'bad', ABORTED: 'bad', PENDING_REDRIVE: 'warn', NOT_STARTED: 'neutral',
  OK: 'ok', ALARM: 'bad', INSUFFICIENT_DATA: 'neutral',
};

export function badge(status) {
  return h(`span.badge.${statusTone[status] ?? 'neutral'}`, { dataset: { status } }, status.replaceAll('_', ' '));
}

export function toast(message, tone = 'ok') {
  const host = document.getElementById('toasts');
  if ([...host.children].some(shown => shown.textContent === message)) return;
  const item = h(`div.toast.${tone}`, null, message);
  host.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** A titled card section. */
export function card(title, ...children) {
  return h('section.card', null, title ? h('h2', null, title) : null, ...children);
}

export function empty(message) {
  return h('p.empty', null, message);
}

/** How an event reads at a glance in the history: failures red, successes green, the rest plain. */
export function detailsTone(type) {
  if (/(Failed|TimedOut|Aborted)$/.test(type)) return 'bad';
  if (/^Execution(Succeeded)$|Succeeded$/.test(type)) return 'ok';
  if (/Redriven$/.test(type)) return 'warn';
  return '';
}

/** Asks before acting: resolves true when the user confirms. body may hold inputs the caller reads afterwards. */
export function confirmDialog(title, body, okLabel) {
  const dialog = document.getElementById('confirm-dialog');
  clear(document.getElementById('confirm-title'), title);
  clear(document.getElementById('confirm-body'), body);
  const ok = document.getElementById('confirm-ok');
  ok.textContent = okLabel;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    (dialog.querySelector('#confirm-body textarea, #confirm-body input') ?? ok).focus();
  });
}

// #/orders/{id}: the order (items, totals, status timeline, failure) and its execution: the visual trace, the event
// history, redrive and new executions. While the execution runs the page polls a few times a second; it stops when
// the execution has closed and the order is final.

import { get, post, sfn } from './api.js';
import { age, badge, card, clear, duration, h, money, toast, when } from './dom.js';
import { REDRIVABLE, askNewExecution, attemptsOf, confirmRedrive, executionView, loadExecution, siblingArn } from './execution.js';
import { openChat } from './chat.js';
import { navigate } from './router.js';

const POLL_MS = 300;
const FINAL = new Set(['COMPLETED', 'FAILED']);

export async function orderView(main, { match, params, session, signal }) {
  const orderId = decodeURIComponent(match[1]);
  document.title = `${orderId} · StepOrders console`;
  let order = await get(`/orders/${encodeURIComponent(orderId)}`, { signal });
  const executionName = params.get('execution') ?? order.execution?.name ?? orderId;
  let loaded = null;
  let attempts = [];

  const head = h('div.page-head');
  const failure = h('div.failure-slot');
  const items = h('div');
  const timeline = h('ol.timeline');
  const trace = executionView({
    attempts: () => attempts,
    current: executionName,
    onAttempt: name => navigate(`#/orders/${orderId}`, { execution: name === orderId ? '' : name }),
  });

  main.append(
    h('nav.crumbs', { 'aria-label': 'Breadcrumb' }, h('a', { href: '#/orders' }, 'Orders'), h('span', { 'aria-hidden': 'true' }, ' / '), h('span.mono', null, orderId)),
    head, failure, trace.traceCard,
    h('div.two-col', null, card('Items', items), card('Status timeline', timeline)),
    trace.historyCard);

  let shown = null;
  const renderOrder = () => {
    const execution = loaded?.execution;
    // Polled a few times a second: redrawn only when something changed, so focus and buttons stay put.
    const key = JSON.stringify([order.status, order.history.length, execution?.status, execution?.redriveCount, Math.floor(Date.now() / 10000)]);
    if (key === shown) return;
    shown = key;
    const canRedrive = Boolean(execution && REDRIVABLE.has(execution.status));
    clear(head,
      h('div', null,
        h('h1.order-title', null, h('span.mono', null, order.orderId), ' ', badge(order.status)),
        h('p.meta', null,
          h('span', null, 'Customer ', h('strong', null, order.customerId)),
          h('span', null, 'Placed ', h('time', { datetime: order.createdAt, title: when(order.createdAt) }, age(order.createdAt))),
          h('span', null, 'Total ', h('strong', null, money(order.total, order.currency))))),
      h('div.head-actions', null,
        session.admin ? h('button#redrive', {
          type: 'button', disabled: !canRedrive, onclick: redrive,
          title: canRedrive ? 'Redrive the failed execution' : 'Only a failed, timed out or aborted execution can be redriven',
        }, 'Redrive') : null,
        session.admin ? h('button.ghost#new-execution', { type: 'button', disabled: !execution, onclick: startNew }, 'New execution') : null,
        h('button.ghost', { type: 'button', onclick: () => openChat(`What happened to order ${order.orderId}?`, order.customerId) }, 'Ask the assistant')));
    clear(failure, order.failure
      ? h('div.failure', { role: 'alert' },
        h('strong', null, `Failed at ${order.failure.step}: `), h('code', null, order.failure.error),
        h('p', null, order.failure.cause))
      : null);
    clear(items, itemsTable(order));
    clear(timeline, order.history.map((change, i) => h('li', { class: tone(change.status, i === order.history.length - 1) },
      h('span.dot', { 'aria-hidden': 'true' }),
      h('div', null,
        h('strong', null, change.status.replaceAll('_', ' ')),
        h('time.muted', { datetime: change.at, title: when(change.at) }, ` ${when(change.at)}`),
        i > 0 ? h('span.muted', null, ` (+${duration(new Date(change.at) - new Date(order.history[i - 1].at))})`) : null,
        change.detail ? h('p.muted', null, change.detail) : null))));
  };

  let timer = null;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      order = await get(`/orders/${encodeURIComponent(orderId)}`, { signal });
      const arn = order.execution?.arn;
      if (!session.admin) {
        trace.message('The visual trace and the event history need an admin key.');
      } else if (arn) {
        loaded = await loadExecution(siblingArn(arn, executionName), signal);
        if (loaded) {
          if (!attempts.length) attempts = await attemptsOf(arn, orderId, signal);
          trace.update(loaded);
        } else {
          trace.message(`There is no execution ${executionName}.`);
        }
      } else {
        trace.message('Waiting in the queue for the execution to start…');
      }
      renderOrder();
    } catch (error) {
      if (signal.aborted) return;
      toast(error.message, 'bad');
    }
    // An execution that does not exist (a mistyped attempt) is as settled as a closed one; one not started yet is not.
    const settled = !session.admin || (loaded ? loaded.execution.status !== 'RUNNING' : Boolean(order.execution?.arn));
    if (!(settled && FINAL.has(order.status)) && !signal.aborted) timer = setTimeout(refresh, POLL_MS);
  };

  async function redrive() {
    const ok = await confirmRedrive(loaded, order.status === 'FAILED'
      ? 'The order goes back to PENDING and runs its steps again. Fix the cause first (restock, a new card…), or it fails the same way.'
      : null);
    if (!ok) return;
    try {
      await post(`/admin/executions/${encodeURIComponent(loaded.execution.name)}/redrive`);
      toast(`Execution ${loaded.execution.name} redriven.`);
      trace.reselect();
      await refresh();
    } catch (error) {
      toast(error.message, 'bad');
    }
  }

  async function startNew() {
    const name = `${orderId}-r${attempts.length}`;
    try {
      const input = await askNewExecution(loaded, name,
        'The order’s steps are idempotent: a completed order is not charged twice. To give a failed order another go, use Redrive.');
      if (input === null) return;
      await sfn('StartExecution', { stateMachineArn: loaded.execution.stateMachineArn, name, input });
      toast(`Execution ${name} started.`);
      navigate(`#/orders/${orderId}`, { execution: name });
    } catch (error) {
      toast(error.message, 'bad');
    }
  }

  renderOrder();
  await refresh();
  return () => clearTimeout(timer);
}

function itemsTable(order) {
  return h('table.items', null,
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'SKU'), h('th.num', { scope: 'col' }, 'Qty'), h('th.num', { scope: 'col' }, 'Unit price'), h('th.num', { scope: 'col' }, 'Amount'))),
    h('tbody', null, order.items.map(item => h('tr', null,
      h('td.mono', null, item.sku), h('td.num', null, String(item.quantity)),
      h('td.num', null, money(item.unitPrice, order.currency)), h('td.num', null, money(item.unitPrice * item.quantity, order.currency))))),
    h('tfoot', null, h('tr', null, h('th', { scope: 'row', colspan: 3 }, 'Total'), h('td.num', null, h('strong', null, money(order.total, order.currency))))));
}

function tone(status, latest) {
  const base = status === 'COMPLETED' ? 'ok' : status === 'FAILED' ? 'bad' : 'info';
  return latest ? `${base} latest` : base;
}

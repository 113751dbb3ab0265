// #/orders/{id}: the order (items, totals, status timeline, failure) and its execution: the visual trace, the event
// history, redrive and new executions. While the execution runs the page polls a few times a second; it stops when
// the execution has closed and the order is final.

import { ApiError, get, history, post, sfn } from './api.js';
import { age, badge, card, clear, confirmDialog, duration, empty, h, money, pretty, toast, when } from './dom.js';
import { drawGraph, layoutMachine } from './graph.js';
import { historyTable } from './history.js';
import { openChat } from './chat.js';
import { navigate } from './router.js';
import { stateDetails } from './state-details.js';
import { traceOf } from './trace.js';

const POLL_MS = 300;
const FINAL = new Set(['COMPLETED', 'FAILED']);
const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
const definitions = new Map();

export async function orderView(main, { match, params, session, signal }) {
  const orderId = decodeURIComponent(match[1]);
  document.title = `${orderId} · StepOrders console`;
  const order = await get(`/orders/${encodeURIComponent(orderId)}`, { signal });
  const page = {
    orderId, session, signal, order,
    executionName: params.get('execution') ?? order.execution?.name ?? orderId,
    selected: null, userSelected: false, graph: null, definition: null, execution: null, events: [], trace: null,
    attempts: [],
  };

  const head = h('div.page-head');
  const failure = h('div.failure-slot');
  const executionBar = h('div.execution-bar', { 'aria-live': 'polite' });
  const graphBox = h('div.graph-box', { tabindex: -1 });
  const details = h('div.details-box', { 'aria-live': 'polite' });
  const items = h('div');
  const timeline = h('ol.timeline');
  const events = historyTable();
  const legend = h('ul.legend', { 'aria-label': 'Legend' },
    ['succeeded', 'caught', 'failed', 'running', 'not-reached'].map(status =>
      h('li', null, h(`span.swatch.${status}`, { 'aria-hidden': 'true' }), { succeeded: 'Succeeded', caught: 'Caught error', failed: 'Failed', running: 'In progress', 'not-reached': 'Not reached' }[status])));

  main.append(
    h('nav.crumbs', { 'aria-label': 'Breadcrumb' }, h('a', { href: '#/orders' }, 'Orders'), h('span', { 'aria-hidden': 'true' }, ' / '), h('span.mono', null, orderId)),
    head, failure,
    h('section.card.trace', { 'aria-labelledby': 'trace-title' },
      h('div.card-head', null, h('h2', { id: 'trace-title' }, 'Execution'), executionBar),
      h('div.trace-grid', null, h('div.graph-col', null, graphBox, legend), details)),
    h('div.two-col', null,
      card('Items', items),
      card('Status timeline', timeline)),
    h('section.card.history-card', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Event history'), events.element));

  const select = name => {
    page.selected = name;
    page.userSelected = true;
    page.graph?.select(name);
    renderDetails();
  };

  const renderDetails = () => {
    if (!page.definition) return;
    if (!page.selected) {
      clear(details, h('p.muted.hint', null, 'Select a state in the graph to see its input, output, error and timings.'));
      return;
    }
    const definition = findState(page.definition, page.selected);
    clear(details, stateDetails(page.selected, definition, page.trace?.states.get(page.selected), page.trace?.startedAt));
  };

  const renderOrder = () => {
    const o = page.order;
    const execution = page.execution;
    const canRedrive = session.admin && execution && REDRIVABLE.has(execution.status);
    const actions = h('div.head-actions', null,
      session.admin ? h('button#redrive', { type: 'button', disabled: !canRedrive, title: canRedrive ? 'Redrive the failed execution' : 'Only a failed, timed out or aborted execution can be redriven', onclick: () => redrive(page, refresh) }, 'Redrive') : null,
      session.admin ? h('button.ghost#new-execution', { type: 'button', disabled: !execution, onclick: () => startNew(page) }, 'New execution') : null,
      h('button.ghost', { type: 'button', onclick: () => openChat(`What happened to order ${o.orderId}?`, o.customerId) }, 'Ask the assistant'));
    clear(head,
      h('div', null,
        h('h1.order-title', null, h('span.mono', null, o.orderId), ' ', badge(o.status)),
        h('p.meta', null,
          h('span', null, 'Customer ', h('strong', null, o.customerId)),
          h('span', null, 'Placed ', h('time', { datetime: o.createdAt, title: when(o.createdAt) }, age(o.createdAt))),
          h('span', null, 'Total ', h('strong', null, money(o.total, o.currency))))),
      actions);
    clear(failure, o.failure
      ? h('div.failure', { role: 'alert' },
        h('strong', null, `Failed at ${o.failure.step}: `), h('code', null, o.failure.error),
        h('p', null, o.failure.cause))
      : null);
    clear(items, itemsTable(o));
    clear(timeline, o.history.map((change, i) => h('li', { class: tone(change.status, i === o.history.length - 1) },
      h('span.dot', { 'aria-hidden': 'true' }),
      h('div', null,
        h('strong', null, change.status.replaceAll('_', ' ')),
        h('time.muted', { datetime: change.at, title: when(change.at) }, ` ${when(change.at)}`),
        i > 0 ? h('span.muted', null, ` (+${duration(new Date(change.at) - new Date(o.history[i - 1].at))})`) : null,
        change.detail ? h('p.muted', null, change.detail) : null))));
  };

  const renderExecution = () => {
    const execution = page.execution;
    if (!execution) {
      clear(executionBar, h('span.muted', null, page.order.execution?.status === 'NOT_STARTED' ? 'Waiting in the queue for its execution to start…' : ''));
      return;
    }
    const chooser = page.attempts.length > 1
      ? h('label.attempt-picker', null, 'Attempt ', h('select', {
        onchange: event => navigate(`#/orders/${page.orderId}`, { execution: event.target.value === page.order.execution?.name ? '' : event.target.value }),
      }, page.attempts.map(name => h('option', { value: name, selected: name === page.executionName }, name))))
      : null;
    const elapsed = (execution.stopDate ?? Date.now() / 1000) - execution.startDate;
    clear(executionBar,
      h('span.mono', null, execution.name), badge(execution.status),
      h('span.muted', null, `started ${when(execution.startDate * 1000)}, ${execution.stopDate ? 'took' : 'running for'} ${duration(elapsed * 1000)}`),
      execution.redriveCount ? h('span.muted', null, `redriven ${execution.redriveCount}×`) : null,
      chooser);
  };

  const renderTrace = () => {
    if (!page.definition) return;
    if (!page.graph) {
      page.graph = drawGraph(layoutMachine(page.definition), select);
      clear(graphBox, page.graph.svg);
    }
    page.graph.paint(page.trace?.states ?? new Map());
    page.graph.finish(page.execution?.status);
    if (!page.userSelected && page.trace) {
      // A failed execution opens on the state whose error it caught or failed with.
      const states = [...page.trace.states.values()];
      const culprit = states.find(st => st.status === 'caught') ?? states.find(st => st.status === 'failed');
      page.selected = culprit?.name ?? null;
    }
    page.graph.select(page.selected);
    renderDetails();
    events.update(page.events, page.trace);
  };

  let timer = null;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      page.order = await get(`/orders/${encodeURIComponent(orderId)}`, { signal });
      renderOrder();
      if (!session.admin) {
        clear(graphBox, empty('The visual trace and the event history need an admin key.'));
        return;
      }
      const arn = executionArn(page);
      if (arn) {
        page.execution = await sfn('DescribeExecution', { executionArn: arn }, { signal }).catch(error => {
          if (error instanceof ApiError && error.body?.type === 'ExecutionDoesNotExist') return null;
          throw error;
        });
      }
      if (page.execution) {
        page.definition ??= await definitionOf(page.execution.stateMachineArn, signal);
        page.events = await history(page.execution.executionArn, { signal });
        page.trace = traceOf(page.events, page.execution.status);
        if (!page.attempts.length) page.attempts = await attemptsOf(page, signal);
        renderOrder();
      } else if (!page.graph) {
        clear(graphBox, empty(page.order.execution?.status === 'NOT_STARTED' ? 'The execution has not started yet.' : `There is no execution ${page.executionName}.`));
      }
      renderExecution();
      renderTrace();
    } catch (error) {
      if (signal.aborted) return;
      toast(error.message, 'bad');
    }
    const running = !page.execution || page.execution.status === 'RUNNING' || !FINAL.has(page.order.status);
    if (running && !signal.aborted) timer = setTimeout(refresh, POLL_MS);
  };
  page.refresh = refresh;

  renderOrder();
  renderExecution();
  await refresh();
  return () => clearTimeout(timer);
}

function executionArn(page) {
  const arn = page.order.execution?.arn;
  if (!arn) return null;
  return `${arn.slice(0, arn.lastIndexOf(':') + 1)}${page.executionName}`;
}

async function definitionOf(stateMachineArn, signal) {
  if (!definitions.has(stateMachineArn)) {
    const machine = await sfn('DescribeStateMachine', { stateMachineArn }, { signal });
    definitions.set(stateMachineArn, JSON.parse(machine.definition));
  }
  return definitions.get(stateMachineArn);
}

/** The order's executions: its own (named by the order id) and the new ones started from here (…-r1, -r2, …). */
async function attemptsOf(page, signal) {
  const names = [page.orderId];
  const base = executionArn({ ...page, executionName: '' });
  for (let n = 1; n <= 50; n++) {
    const name = `${page.orderId}-r${n}`;
    try {
      await sfn('DescribeExecution', { executionArn: `${base}${name}`, includedData: 'METADATA_ONLY' }, { signal });
      names.push(name);
    } catch {
      break;
    }
  }
  return names;
}

function findState(machine, name) {
  for (const [stateName, state] of Object.entries(machine.States ?? {})) {
    if (stateName === name) return state;
    for (const inner of [...(state.Branches ?? []), state.ItemProcessor, state.Iterator].filter(Boolean)) {
      const found = findState(inner, name);
      if (found) return found;
    }
  }
  return undefined;
}

async function redrive(page, refresh) {
  const failed = [...(page.trace?.states.values() ?? [])].find(st => st.status === 'failed');
  const ok = await confirmDialog(`Redrive ${page.execution.name}?`, [
    h('p', null, 'The execution resumes at the state that failed', failed ? [' (', h('code', null, failed.name), ')'] : null, '; states that succeeded are not run again.'),
    page.order.status === 'FAILED' ? h('p', null, 'The order goes back to PENDING and runs its steps again. Fix the cause first (restock, a new card…), or it fails the same way.') : null,
  ], 'Redrive');
  if (!ok) return;
  try {
    await post(`/admin/executions/${encodeURIComponent(page.execution.name)}/redrive`);
    toast(`Execution ${page.execution.name} redriven.`);
    page.userSelected = false;
    await refresh();
  } catch (error) {
    toast(error.message, 'bad');
  }
}

async function startNew(page) {
  const next = `${page.orderId}-r${page.attempts.length}`;
  const input = h('textarea#execution-input', { rows: 8, spellcheck: 'false', required: true });
  input.value = pretty(page.execution.input ?? '{}');
  const ok = await confirmDialog('Start a new execution', [
    h('p', null, 'Starts the workflow again as ', h('code', null, next), ' with this input (edit it if you like). The order’s steps are idempotent: a completed order is not charged twice. To give a failed order another go, use Redrive.'),
    h('label', { for: 'execution-input' }, 'Input (JSON)'), input,
  ], 'Start execution');
  if (!ok) return;
  let text;
  try {
    text = JSON.stringify(JSON.parse(input.value));
  } catch (error) {
    toast(`The input is not JSON: ${error.message}`, 'bad');
    return;
  }
  try {
    await sfn('StartExecution', { stateMachineArn: page.execution.stateMachineArn, name: next, input: text });
    toast(`Execution ${next} started.`);
    navigate(`#/orders/${page.orderId}`, { execution: next });
  } catch (error) {
    toast(error.message, 'bad');
  }
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

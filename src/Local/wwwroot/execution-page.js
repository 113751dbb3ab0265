// #/executions/{executionArn}: any execution of any state machine on this host, as the Step Functions console shows
// it: the graph, the history, redrive and a new execution. The order page shows its order's execution the same way.

import { sfn } from './api.js';
import { badge, clear, h, toast } from './dom.js';
import { REDRIVABLE, askNewExecution, attemptsOf, confirmRedrive, executionView, loadExecution, siblingArn } from './execution.js';
import { navigate } from './router.js';

const POLL_MS = 300;

export async function executionPage(main, { match, session, signal }) {
  const executionArn = decodeURIComponent(match[1]);
  const name = executionArn.slice(executionArn.lastIndexOf(':') + 1);
  const machine = executionArn.split(':').at(-2);
  document.title = `${name} · StepOrders console`;
  const head = h('div.page-head');
  const trace = executionView();
  main.append(
    h('nav.crumbs', { 'aria-label': 'Breadcrumb' }, h('span', null, machine), h('span', { 'aria-hidden': 'true' }, ' / '), h('span.mono', null, name)),
    head, trace.traceCard, trace.historyCard);
  if (!session.admin) {
    trace.message('Executions need an admin key.');
    return undefined;
  }

  let loaded = null;
  let timer = null;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      loaded = await loadExecution(executionArn, signal);
      if (!loaded) {
        trace.message(`There is no execution ${executionArn}.`);
        return;
      }
      trace.update(loaded);
      render();
    } catch (error) {
      if (!signal.aborted) toast(error.message, 'bad');
    }
    if (loaded?.execution.status === 'RUNNING' && !signal.aborted) timer = setTimeout(refresh, POLL_MS);
  };

  const render = () => {
    const { execution } = loaded;
    clear(head,
      h('div', null, h('h1.order-title', null, h('span.mono', null, execution.name), ' ', badge(execution.status)),
        h('p.meta', null, h('span', null, 'State machine ', h('strong', null, machine)),
          execution.error ? h('span', null, 'Error ', h('code', null, execution.error)) : null)),
      h('div.head-actions', null,
        h('button#redrive', { type: 'button', disabled: !REDRIVABLE.has(execution.status), onclick: redrive }, 'Redrive'),
        h('button.ghost#new-execution', { type: 'button', onclick: startNew }, 'New execution')));
  };

  async function redrive() {
    if (!await confirmRedrive(loaded)) return;
    try {
      await sfn('RedriveExecution', { executionArn });
      toast(`Execution ${name} redriven.`);
      trace.reselect();
      await refresh();
    } catch (error) {
      toast(error.message, 'bad');
    }
  }

  async function startNew() {
    try {
      const next = `${name}-r${(await attemptsOf(executionArn, name, signal)).length}`;
      const input = await askNewExecution(loaded, next);
      if (input === null) return;
      const started = await sfn('StartExecution', { stateMachineArn: loaded.execution.stateMachineArn, name: next, input });
      toast(`Execution ${next} started.`);
      navigate(`#/executions/${encodeURIComponent(started.executionArn ?? siblingArn(executionArn, next))}`);
    } catch (error) {
      toast(error.message, 'bad');
    }
  }

  await refresh();
  return () => clearTimeout(timer);
}

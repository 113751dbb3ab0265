// An execution as the order page and the execution page show it: the graph of its state machine painted from its
// history, the chosen state's details, the execution's status line, and the event history table.

import { ApiError, history, sfn } from './api.js';
import { badge, clear, confirmDialog, duration, empty, h, pretty, when } from './dom.js';
import { drawGraph, layoutMachine } from './graph.js';
import { historyTable } from './history.js';
import { stateDetails } from './state-details.js';
import { traceOf } from './trace.js';

export const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
const definitions = new Map();
const LEGEND = { succeeded: 'Succeeded', caught: 'Caught error', failed: 'Failed', running: 'In progress', 'not-reached': 'Not reached' };

/** Everything the trace shows, read through the Step Functions API; null when the execution does not exist. */
export async function loadExecution(executionArn, signal) {
  let execution;
  try {
    execution = await sfn('DescribeExecution', { executionArn }, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.body?.type === 'ExecutionDoesNotExist') return null;
    throw error;
  }
  const [definition, events] = await Promise.all([definitionOf(execution.stateMachineArn, signal), history(executionArn, { signal })]);
  return { execution, definition, events, trace: traceOf(events, execution.status) };
}

async function definitionOf(stateMachineArn, signal) {
  if (!definitions.has(stateMachineArn)) {
    const machine = await sfn('DescribeStateMachine', { stateMachineArn }, { signal });
    definitions.set(stateMachineArn, JSON.parse(machine.definition));
  }
  return definitions.get(stateMachineArn);
}

/**
 * The trace card (graph, legend, details) and the history card; update() repaints both from a loadExecution result.
 * attempts() lists the executions to choose between (the order page's attempts) and onAttempt(name) goes to one.
 * What has not changed since the last poll is left alone, so focus, open sections and scroll stay where they were.
 */
export function executionView({ attempts = () => [], current = null, onAttempt = () => undefined } = {}) {
  const bar = h('div.execution-bar', { 'aria-live': 'polite' });
  const graphBox = h('div.graph-box');
  const details = h('div.details-box', { 'aria-live': 'polite' });
  const events = historyTable();
  const legend = h('ul.legend', { 'aria-label': 'Legend' }, Object.entries(LEGEND).map(([status, words]) =>
    h('li', null, h(`span.swatch.${status}`, { 'aria-hidden': 'true' }), words)));
  const traceCard = h('section.card.trace', { 'aria-labelledby': 'trace-title' },
    h('div.card-head', null, h('h2', { id: 'trace-title' }, 'Execution'), bar),
    h('div.trace-grid', null, h('div.graph-col', null, graphBox, legend), details));
  const historyCard = h('section.card.history-card', { 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Event history'), events.element);

  let graph = null;
  let last = null;
  let selected = null;
  let userSelected = false;
  let detailsKey = null;
  let barKey = null;

  const renderDetails = () => {
    if (!last) return;
    const run = last.trace.states.get(selected)?.runs.at(-1);
    const key = JSON.stringify([selected, last.trace.states.get(selected)?.runs.length, run?.attempts.length, run?.attempts.at(-1)?.endedAt, run?.exitedAt, run?.closedAt]);
    if (key === detailsKey) return;
    detailsKey = key;
    clear(details, selected
      ? stateDetails(selected, findState(last.definition, selected), last.trace.states.get(selected), last.trace.startedAt)
      : h('p.muted.hint', null, 'Select a state in the graph to see its input, output, error and timings.'));
  };

  const select = name => {
    selected = name;
    userSelected = true;
    detailsKey = null;
    graph?.select(name);
    renderDetails();
  };

  return {
    traceCard,
    historyCard,
    /** Shown instead of a trace: why there is none (yet). */
    message(text) {
      clear(graphBox, empty(text));
      clear(bar);
      barKey = null;
    },
    /** After a redrive or a new attempt, the page opens on the state that failed again, if one does. */
    reselect() {
      userSelected = false;
    },
    update(loaded) {
      last = loaded;
      const { execution, definition, trace } = loaded;
      if (!graph) {
        graph = drawGraph(layoutMachine(definition), select);
        clear(graphBox, graph.svg);
      }
      graph.paint(trace.states);
      graph.finish(execution.status);
      if (!userSelected) {
        // A failed execution opens on the state whose error it caught or failed with.
        const states = [...trace.states.values()];
        selected = (states.find(st => st.status === 'caught') ?? states.find(st => st.status === 'failed'))?.name ?? null;
      }
      graph.select(selected);
      renderDetails();
      events.update(loaded.events, trace);
      const elapsed = (execution.stopDate ?? Date.now() / 1000) - execution.startDate;
      const timing = `started ${when(execution.startDate * 1000)}, ${execution.stopDate ? 'took' : 'running for'} ${duration(elapsed * 1000)}`;
      const names = attempts();
      const key = JSON.stringify([execution.executionArn, execution.status, execution.redriveCount, names]);
      if (key === barKey) {
        bar.querySelector('.timing').textContent = timing;
        return;
      }
      barKey = key;
      clear(bar,
        h('a.mono', { href: `#/executions/${encodeURIComponent(execution.executionArn)}`, title: 'The execution on its own page' }, execution.name),
        badge(execution.status),
        h('span.muted.timing', null, timing),
        execution.redriveCount ? h('span.muted', null, `redriven ${execution.redriveCount}×`) : null,
        names.length > 1
          ? h('label.attempt-picker', null, 'Attempt ', h('select', { onchange: event => onAttempt(event.target.value) },
            names.map(name => h('option', { value: name, selected: name === current }, name))))
          : null);
    },
  };
}

/** Asks before redriving: the execution resumes at the state that failed. */
export function confirmRedrive(loaded, note) {
  const failed = [...loaded.trace.states.values()].find(st => st.status === 'failed');
  return confirmDialog(`Redrive ${loaded.execution.name}?`, [
    h('p', null, 'The execution resumes at the state that failed', failed ? [' (', h('code', null, failed.name), ')'] : null,
      '; the states that succeeded are not run again.'),
    note ? h('p', null, note) : null,
  ], 'Redrive');
}

/** Asks for the input of a new execution named `name`, prefilled with this one's; resolves to the JSON text or null. */
export async function askNewExecution(loaded, name, note) {
  const input = h('textarea#execution-input', { rows: 8, spellcheck: 'false', required: true });
  input.value = pretty(loaded.execution.input ?? '{}');
  const ok = await confirmDialog('Start a new execution', [
    h('p', null, 'Starts the state machine again as ', h('code', null, name), ' with this input; edit it if you like.', note ? ` ${note}` : ''),
    h('label', { for: 'execution-input' }, 'Input (JSON)'), input,
  ], 'Start execution');
  if (!ok) return null;
  return JSON.stringify(JSON.parse(input.value));
}

/** The execution ARN of another execution of the same state machine. */
export function siblingArn(executionArn, name) {
  return `${executionArn.slice(0, executionArn.lastIndexOf(':') + 1)}${name}`;
}

/** The names of an execution's new attempts started from the console: name-r1, name-r2, … (each checked to exist). */
export async function attemptsOf(executionArn, name, signal) {
  const names = [name];
  for (let n = 1; n <= 50; n++) {
    try {
      await sfn('DescribeExecution', { executionArn: siblingArn(executionArn, `${name}-r${n}`), includedData: 'METADATA_ONLY' }, { signal });
      names.push(`${name}-r${n}`);
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

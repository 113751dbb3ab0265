// The panel beside the graph: one state's runs with their input, output, error, retries and timings.

import { duration, empty, h, pretty, when } from './dom.js';

const WORDS = {
  succeeded: 'Succeeded', failed: 'Failed', caught: 'Caught error', running: 'In progress', 'not-reached': 'Not reached',
  'not-finished': 'Stopped',
};

/** definition: the state's ASL; state: its entry in the trace (undefined when not reached); startedAt: execution start (ms). */
export function stateDetails(name, definition, state, startedAt) {
  const status = state?.status ?? 'not-reached';
  const panel = h('div.state-details', { dataset: { state: name, status } },
    h('div.state-head', null,
      h('h3', null, name),
      h(`span.chip.${status}`, null, WORDS[status])),
    h('p.muted', null, [definition?.Type, definition?.Comment].filter(Boolean).join(' — ')));

  const resource = definition?.Resource;
  if (resource) panel.append(h('p.resource', null, h('span.muted', null, 'Resource '), h('code', null, resource)));

  if (state?.error) {
    panel.append(h('div.error-box', { role: 'note' },
      h('strong.error-name', null, state.error),
      state.cause ? h('p', null, state.cause) : null));
  }
  if (!state) {
    panel.append(empty('Not reached in this execution.'));
    return panel;
  }

  const runs = [...state.runs].reverse();
  runs.forEach((run, index) => {
    const number = state.runs.length - index;
    const end = run.exitedAt ?? run.closedAt;
    const section = h('section.run', null,
      state.runs.length > 1 ? h('h4', null, `Run ${number} of ${state.runs.length}`) : null,
      h('dl.facts', null,
        fact('Entered', `${when(run.enteredAt)} (+${duration(run.enteredAt - startedAt)})`),
        fact('Duration', end !== undefined ? duration(end - run.enteredAt) : 'running…'),
        run.attempts.length ? fact('Attempts', `${run.attempts.length}${run.attempts.length > 1 ? ` (${run.attempts.length - 1} ${run.attempts.length === 2 ? 'retry' : 'retries'})` : ''}`) : null,
        run.iterations ? fact('Iterations', String(run.iterations)) : null));
    if (run.attempts.length > 1 || run.attempts.some(a => a.outcome === 'failed')) {
      section.append(h('table.attempts', null,
        h('thead', null, h('tr', null, ['#', 'Outcome', 'Took', 'Error'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', null, run.attempts.map((attempt, i) => h('tr', { class: attempt.outcome ?? 'running' },
          h('td', null, String(i + 1)),
          h('td', null, attempt.outcome ?? 'running'),
          h('td', null, attempt.endedAt ? duration(attempt.endedAt - attempt.scheduledAt) : '…'),
          h('td', null, attempt.error ? h('span', { title: attempt.cause ?? '' }, attempt.error) : '—'))))));
    }
    section.append(payload('Input', run.input, index === 0), payload('Output', run.output, index === 0 && run.output !== undefined));
    panel.append(section);
  });
  return panel;
}

function fact(term, value) {
  return [h('dt', null, term), h('dd', null, value)];
}

function payload(title, text, open) {
  if (text === undefined || text === null) return null;
  return h('details.payload', { open }, h('summary', null, title), h('pre', null, pretty(text)));
}

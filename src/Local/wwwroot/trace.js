// What happened to each state of an execution, read from its history (GetExecutionHistory's events, oldest first).
// A state may run several times (loops, Map iterations, a redrive); its colour is that of its latest run.

const TASK_EVENTS = /^(LambdaFunction|Task)(Scheduled|Started|Succeeded|Failed|TimedOut|SubmitFailed|StartFailed)$/;
const CLOSED = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

/** Details of an event whatever its type: the one "…EventDetails" member, or {}. */
export function detailsOf(event) {
  for (const [name, value] of Object.entries(event)) {
    if (name.endsWith('EventDetails') && value && typeof value === 'object') return value;
  }
  return {};
}

const millis = event => Math.round(event.timestamp * 1000);

/**
 * Reads the history into {states: Map(name → {status, runs, retries, error, cause}), stepOf: Map(eventId → state name),
 * error, cause, startedAt}. status is succeeded, failed, caught, running or (absent from the map) not reached.
 */
export function traceOf(events, executionStatus) {
  const runs = new Map();
  const open = [];
  const stepOf = new Map();
  let startedAt = events.length ? millis(events[0]) : undefined;
  let failure = null;

  for (const event of events) {
    const at = millis(event);
    const details = detailsOf(event);
    const entered = event.type.match(/^(\w+)StateEntered$/);
    if (entered) {
      const run = { name: details.name, type: entered[1], enteredId: event.id, enteredAt: at, input: details.input, attempts: [], events: [] };
      if (!runs.has(run.name)) runs.set(run.name, []);
      runs.get(run.name).push(run);
      open.push(run);
      run.events.push(event);
      stepOf.set(event.id, run.name);
      continue;
    }
    if (/StateExited$/.test(event.type)) {
      const index = findLastIndex(open, run => run.name === details.name);
      if (index >= 0) {
        const [run] = open.splice(index, 1);
        run.exitedAt = at;
        run.output = details.output;
        run.events.push(event);
      }
      stepOf.set(event.id, details.name);
      continue;
    }
    const task = event.type.match(TASK_EVENTS);
    if (task) {
      const phase = task[2];
      const run = phase === 'Scheduled'
        ? findLast(open, r => r.type === 'Task')
        : findLast(open, r => r.attempts.some(a => !a.endedAt));
      if (!run) continue;
      run.events.push(event);
      stepOf.set(event.id, run.name);
      if (phase === 'Scheduled') {
        run.attempts.push({ scheduledAt: at, resource: details.resource, parameters: details.parameters });
        continue;
      }
      const attempt = run.attempts.findLast(a => !a.endedAt) ?? run.attempts.at(-1);
      if (!attempt) continue;
      if (phase === 'Started') {
        attempt.startedAt = at;
      } else {
        attempt.endedAt = at;
        attempt.outcome = phase === 'Succeeded' ? 'succeeded' : 'failed';
        attempt.error = details.error ?? (phase === 'TimedOut' ? 'States.Timeout' : undefined);
        attempt.cause = details.cause;
        attempt.output = details.output;
      }
      continue;
    }
    if (/^(Parallel|Map)State(Failed|Aborted)$/.test(event.type)) {
      const run = findLast(open, r => r.type === event.type.replace(/State\w+$/, ''));
      if (run) {
        run.branchFailed = true;
        run.events.push(event);
        stepOf.set(event.id, run.name);
      }
      continue;
    }
    if (/^(Parallel|Map)State(Started|Succeeded)$|^MapIteration/.test(event.type)) {
      const run = findLast(open, r => r.type === event.type.replace(/(State|Iteration)\w+$/, ''));
      if (run) {
        run.events.push(event);
        stepOf.set(event.id, run.name);
        if (event.type === 'MapIterationStarted') run.iterations = (run.iterations ?? 0) + 1;
      }
      continue;
    }
    if (event.type === 'ExecutionStarted' && startedAt === undefined) startedAt = at;
    if (/^Execution(Failed|TimedOut|Aborted)$/.test(event.type)) {
      failure = { error: details.error, cause: details.cause, at };
      for (const run of open) {
        run.closedAt = at;
        run.error ??= details.error;
        run.cause ??= details.cause;
      }
      open.length = 0;
    }
  }

  const states = new Map();
  for (const [name, list] of runs) {
    const latest = list.at(-1);
    for (const run of list) run.status = statusOf(run, executionStatus);
    const failedAttempt = latest.attempts.findLast(a => a.outcome === 'failed');
    states.set(name, {
      name,
      status: latest.status,
      runs: list,
      retries: Math.max(0, latest.attempts.length - 1),
      totalRetries: list.reduce((sum, run) => sum + Math.max(0, run.attempts.length - 1), 0),
      error: latest.error ?? (latest.status !== 'succeeded' ? failedAttempt?.error : undefined),
      cause: latest.cause ?? (latest.status !== 'succeeded' ? failedAttempt?.cause : undefined),
    });
  }
  return { states, stepOf, startedAt, error: failure?.error, cause: failure?.cause };
}

function statusOf(run, executionStatus) {
  const last = run.attempts.at(-1);
  if (run.exitedAt !== undefined) {
    return last?.outcome === 'failed' || run.branchFailed ? 'caught' : 'succeeded';
  }
  if (run.type === 'Fail') return 'failed';
  if (run.closedAt !== undefined) return 'failed';
  if (!CLOSED.has(executionStatus)) return 'running';
  return last?.outcome === 'failed' ? 'failed' : 'not-finished';
}

function findLast(list, predicate) {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) return list[i];
  return undefined;
}

function findLastIndex(list, predicate) {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) return i;
  return -1;
}

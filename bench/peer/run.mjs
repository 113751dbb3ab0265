// The interpreter benchmark's peer: runs a definition's executions on aws-local-stepfunctions with a local handler
// per Task state, a window of them in flight at once, and prints one JSON line:
// {"executions": N, "transitions": N × states entered per execution, "seconds": S}.
// Usage: node run.mjs DEFINITION.json EXECUTIONS [IN_FLIGHT]

// aws-local-stepfunctions 3.x uses Promise.withResolvers (Node 22); Node 20 lacks it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

import { readFileSync } from 'node:fs';

const { StateMachine } = await import('aws-local-stepfunctions');
const [definitionPath, executionsArg = '20000', inFlightArg = '64'] = process.argv.slice(2);
const definition = JSON.parse(readFileSync(definitionPath, 'utf8'));
const executions = Number(executionsArg);
const inFlight = Number(inFlightArg);
const tasks = Object.keys(definition.States).filter((name) => definition.States[name].Type === 'Task');
// The same work as the .NET handlers: a small result object per step.
const taskResourceLocalHandlers = Object.fromEntries(tasks.map((name) => [name, async (input) => ({ ok: true, step: name, order: input.orderId })]));
const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });

async function run(count) {
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const execution = machine.run({ orderId: `order-${index}` }, { overrides: { taskResourceLocalHandlers } });
      await execution.result;
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

await run(Math.min(2000, executions));
const started = process.hrtime.bigint();
await run(executions);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ executions, transitions: executions * tasks.length, seconds }));

// The state machine drawn from its ASL definition: a deterministic layered layout (one layer per step from the start,
// branches in columns to the right, Parallel and Map as groups holding their own layouts), drawn in SVG and painted
// with each state's status from the execution's trace.

import { s } from './dom.js';

const NODE = { w: 184, h: 46 };
const TERMINAL = { w: 76, h: 28 };
const GAP = { x: 56, y: 42 };
const GROUP_PAD = { x: 18, top: 48, bottom: 18 };
const START = '\u0000start';
const END = '\u0000end';

/** Lays out a definition (the ASL object); the result feeds drawGraph. */
export function layoutMachine(definition) {
  const layout = layoutOf(definition, true);
  const margin = 12 - layout.left;
  return { ...layout, margin, width: layout.width + margin + 12, height: layout.height + 24 };
}

function layoutOf(machine, top) {
  const nodes = new Map();
  const edges = [];
  const add = node => nodes.set(node.id, node);
  if (top) add({ id: START, label: 'Start', type: 'Start', terminal: true, ...TERMINAL });
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    const node = { id: name, label: name, type: state.Type, state, ...NODE };
    const inner = innerMachines(state);
    if (inner.length) {
      node.group = inner.map(branch => layoutOf(branch, false));
      node.w = Math.max(NODE.w, node.group.reduce((sum, g) => sum + g.width, 0) + GAP.x * (node.group.length - 1) + GROUP_PAD.x * 2);
      node.h = Math.max(...node.group.map(g => g.height)) + GROUP_PAD.top + GROUP_PAD.bottom;
    }
    add(node);
  }
  if (top) {
    add({ id: END, label: 'End', type: 'End', terminal: true, ...TERMINAL });
    edges.push({ from: START, to: machine.StartAt, kind: 'next' });
  }
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    for (const edge of successors(name, state, top)) if (nodes.has(edge.to)) edges.push(edge);
  }

  const out = new Map([...nodes.keys()].map(id => [id, []]));
  for (const edge of edges) out.get(edge.from).push(edge);

  // Depth-first from the start, the main edge (Next, first Choice) before branches and catches: marks back edges and
  // gives the order in which nodes claim columns.
  const visited = new Set();
  const onPath = new Set();
  const preorder = [];
  const postorder = [];
  const visit = id => {
    visited.add(id);
    onPath.add(id);
    preorder.push(id);
    for (const edge of out.get(id)) {
      if (onPath.has(edge.to)) edge.back = true;
      else if (!visited.has(edge.to)) {
        edge.tree = true;
        visit(edge.to);
      }
    }
    onPath.delete(id);
    postorder.push(id);
  };
  visit(top ? START : machine.StartAt);
  for (const id of nodes.keys()) if (!visited.has(id)) visit(id);

  // Layer: the longest path from the start over forward edges.
  const layer = new Map();
  for (const id of [...postorder].reverse()) {
    const incoming = edges.filter(e => e.to === id && !e.back && layer.has(e.from));
    layer.set(id, incoming.length ? Math.max(...incoming.map(e => layer.get(e.from) + 1)) : 0);
  }

  // Column: a node keeps its parent's column along the main edge, else takes the nearest free one to the right, with
  // the cells its edge passes through kept free of other nodes.
  const column = new Map();
  const taken = new Set();
  const cell = (l, c) => `${l}:${c}`;
  for (const id of preorder) {
    const edge = edges.find(e => e.to === id && e.tree);
    const parent = edge?.from;
    let c = 0;
    let from = layer.get(id);
    if (parent !== undefined) {
      const main = out.get(parent).find(e => !e.back) === edge;
      c = column.get(parent) + (main ? 0 : 1);
      from = Math.min(layer.get(parent) + 1, layer.get(id));
    }
    const free = col => {
      for (let l = from; l <= layer.get(id); l++) if (taken.has(cell(l, col))) return false;
      return true;
    };
    while (!free(c)) c++;
    for (let l = from; l <= layer.get(id); l++) taken.add(cell(l, c));
    column.set(id, c);
  }

  const columns = Math.max(...column.values()) + 1;
  const layers = Math.max(...layer.values()) + 1;
  const colW = Array(columns).fill(0);
  const rowH = Array(layers).fill(0);
  for (const node of nodes.values()) {
    colW[column.get(node.id)] = Math.max(colW[column.get(node.id)], node.w);
    rowH[layer.get(node.id)] = Math.max(rowH[layer.get(node.id)], node.h);
  }
  const colX = offsets(colW, GAP.x);
  const rowY = offsets(rowH, GAP.y);
  for (const node of nodes.values()) {
    const c = column.get(node.id);
    const l = layer.get(node.id);
    node.col = c;
    node.layer = l;
    node.x = colX[c] + (colW[c] - node.w) / 2;
    node.y = rowY[l] + (rowH[l] - node.h) / 2;
  }
  // Edges are routed once the states are placed; lanes and labels may reach past the columns, so they count in the size.
  const placed = [...nodes.values()];
  let backIndex = 0;
  let laneIndex = 0;
  const labelled = new Set();
  let left = 0;
  let right = colX[columns - 1] + colW[columns - 1];
  for (const edge of edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    edge.points = route(from, to, edge, edge.back ? -(18 + 12 * backIndex++) : 0);
    if (!edge.back && crosses(edge.points, placed, from, to)) edge.points = lane(from, to, placed, laneIndex++);
    // Catches sharing a target and a rule share one label.
    const key = `${edge.kind}|${edge.to}|${edge.label}`;
    if (edge.label && !(edge.kind === 'catch' && labelled.has(key))) {
      labelled.add(key);
      edge.labelAt = labelAt(edge.points, edge);
      right = Math.max(right, edge.labelAt[0] + Math.min(edge.label.length, 30) * 6.4);
    }
    for (const [x] of edge.points) {
      left = Math.min(left, x - 8);
      right = Math.max(right, x + 8);
    }
  }
  return { nodes: placed, edges, left, width: right - left, height: rowY[layers - 1] + rowH[layers - 1] };
}

function offsets(sizes, gap) {
  const result = [];
  let at = 0;
  for (const size of sizes) {
    result.push(at);
    at += size + gap;
  }
  return result;
}

function innerMachines(state) {
  if (state.Type === 'Parallel') return state.Branches ?? [];
  if (state.Type === 'Map') return [state.ItemProcessor ?? state.Iterator].filter(Boolean);
  return [];
}

/** The edges out of a state: Next (or End), each Choice rule and the Default, each Catch. */
function successors(name, state, top) {
  const edges = [];
  if (state.Type === 'Choice') {
    (state.Choices ?? []).forEach((rule, i) => edges.push({ from: name, to: rule.Next, kind: 'choice', label: ruleLabel(rule, i) }));
    if (state.Default) edges.push({ from: name, to: state.Default, kind: 'default', label: 'Default' });
  } else if (state.Next) {
    edges.push({ from: name, to: state.Next, kind: 'next' });
  } else if (top && (state.End || state.Type === 'Succeed' || state.Type === 'Fail')) {
    edges.push({ from: name, to: END, kind: 'next' });
  }
  for (const catcher of state.Catch ?? []) {
    edges.push({ from: name, to: catcher.Next, kind: 'catch', label: `Catch ${(catcher.ErrorEquals ?? []).join(', ')}` });
  }
  return edges;
}

const OPERATORS = ['StringEquals', 'StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals',
  'StringMatches', 'NumericEquals', 'NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals',
  'NumericGreaterThanEquals', 'BooleanEquals', 'TimestampEquals', 'TimestampLessThan', 'TimestampGreaterThan',
  'TimestampLessThanEquals', 'TimestampGreaterThanEquals', 'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean',
  'IsTimestamp'];
const SYMBOLS = { Equals: '==', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=', Matches: 'matches' };

/** A short reading of a Choice rule: "$.total > 100", "not …", "and (2)", or the JSONata Condition. */
function ruleLabel(rule, index) {
  if (rule.Comment) return rule.Comment;
  if (rule.Condition) return String(rule.Condition).replace(/^\{%\s*|\s*%\}$/g, '');
  if (rule.And) return `And (${rule.And.length} rules)`;
  if (rule.Or) return `Or (${rule.Or.length} rules)`;
  if (rule.Not) return `Not ${ruleLabel(rule.Not, index)}`;
  for (const key of Object.keys(rule)) {
    const op = OPERATORS.find(o => key === o || key === `${o}Path`);
    if (!op) continue;
    const kind = op.match(/^(String|Numeric|Boolean|Timestamp)(\w+)$/);
    const value = JSON.stringify(rule[key]);
    if (!kind) return `${rule.Variable} ${op.replace(/^Is/, 'is ').toLowerCase()}${rule[key] === false ? ' (false)' : ''}`;
    return `${rule.Variable} ${SYMBOLS[kind[2]] ?? kind[2]} ${key.endsWith('Path') ? rule[key] : value}`;
  }
  return `Rule ${index + 1}`;
}

/**
 * Draws a layout into a new <svg>. onSelect(name) is called when a state is clicked or chosen with Enter/Space.
 * The returned object repaints the states: paint(trace.states) and marks the selected one: select(name).
 */
export function drawGraph(layout, onSelect) {
  const svg = s('svg', {
    class: 'graph', viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
    role: 'group', 'aria-label': 'Workflow graph: each state coloured by what happened to it',
  });
  svg.append(s('defs', null,
    marker('arrow', 'edge-arrow'), marker('arrow-catch', 'edge-arrow catch'), marker('arrow-back', 'edge-arrow back')));
  const byId = new Map();
  const root = s('g', { transform: `translate(${layout.margin}, 12)` });
  svg.append(root);
  drawLayout(root, layout, byId, onSelect);

  let selected = null;
  return {
    svg,
    paint(states) {
      for (const [id, el] of byId) {
        const state = states.get(id);
        const status = state?.status ?? (el.dataset.terminal ? el.dataset.status : 'not-reached');
        if (!el.dataset.terminal) {
          el.dataset.status = status;
          el.setAttribute('class', `node${el.dataset.group ? ' group' : ''} ${status}${selected === id ? ' selected' : ''}`);
          el.querySelector(':scope > .sub').textContent = subtitle(el.dataset.type, status, state);
          el.setAttribute('aria-label', `${id}, ${el.dataset.type} state, ${statusWords[status]}${retriesWords(state)}`);
          const badge = el.querySelector(':scope > .retries');
          const retries = state?.totalRetries ?? 0;
          badge.classList.toggle('shown', retries > 0);
          badge.querySelector('text').textContent = `↻ ${retries}`;
          const title = el.querySelector(':scope > title');
          title.textContent = `${id} (${el.dataset.type}): ${statusWords[status]}${retriesWords(state)}${state?.error ? ` — ${state.error}` : ''}`;
        }
      }
    },
    /** Paints the End node as reached (execution succeeded) or not. */
    finish(status) {
      const end = byId.get(END);
      if (end) end.setAttribute('class', `node terminal ${status === 'SUCCEEDED' ? 'succeeded' : 'not-reached'}`);
      const start = byId.get(START);
      if (start) start.setAttribute('class', 'node terminal succeeded');
    },
    select(id) {
      selected = id;
      for (const [name, el] of byId) el.classList.toggle('selected', name === id);
    },
  };
}

const statusWords = {
  succeeded: 'succeeded', failed: 'failed', caught: 'failed, error caught', running: 'in progress',
  'not-reached': 'not reached', 'not-finished': 'did not finish',
};

function retriesWords(state) {
  const retries = state?.totalRetries ?? 0;
  const runs = state?.runs?.length ?? 0;
  return `${retries ? `, ${retries} ${retries === 1 ? 'retry' : 'retries'}` : ''}${runs > 1 ? `, ran ${runs} times` : ''}`;
}

function subtitle(type, status, state) {
  const runs = state?.runs?.length ?? 0;
  const words = { succeeded: 'succeeded', failed: 'failed', caught: 'caught error', running: 'in progress', 'not-reached': 'not reached', 'not-finished': 'stopped' }[status];
  return `${type} · ${words}${runs > 1 ? ` · ×${runs}` : ''}`;
}

function marker(id, className) {
  return s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className }));
}

function drawLayout(parent, layout, byId, onSelect) {
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  parent.append(edgeLayer, nodeLayer);
  for (const edge of layout.edges) {
    const className = `edge ${edge.kind}${edge.back ? ' back' : ''}`;
    const arrow = edge.kind === 'catch' ? 'arrow-catch' : edge.back ? 'arrow-back' : 'arrow';
    edgeLayer.append(s('path', { d: rounded(edge.points), class: className, 'marker-end': `url(#${arrow})`, dataset: { from: edge.from, to: edge.to } }));
    if (edge.labelAt) {
      const [x, y] = edge.labelAt;
      edgeLayer.append(s('text', { x, y, class: `edge-label ${edge.kind}` }, truncate(edge.label, 30)));
    }
  }
  for (const node of layout.nodes) nodeLayer.append(drawNode(node, byId, onSelect));
}

function drawNode(node, byId, onSelect) {
  if (node.terminal) {
    const g = s('g', { class: 'node terminal not-reached', dataset: { terminal: 'true', state: node.id }, transform: `translate(${node.x}, ${node.y})` },
      s('rect', { width: node.w, height: node.h, rx: node.h / 2 }),
      s('text', { x: node.w / 2, y: node.h / 2 + 4, class: 'name center' }, node.label));
    byId.set(node.id, g);
    return g;
  }
  const g = s('g', {
    class: 'node not-reached', tabindex: 0, role: 'button', transform: `translate(${node.x}, ${node.y})`,
    dataset: { state: node.id, type: node.type, status: 'not-reached' },
  });
  // A state inside a Parallel or Map group is chosen on its own, not with its group.
  g.addEventListener('click', event => {
    event.stopPropagation();
    onSelect(node.id);
  });
  g.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      onSelect(node.id);
    }
  });
  g.append(s('title', null, node.id));
  if (node.group) {
    g.classList.add('group');
    g.dataset.group = 'true';
    g.append(
      s('rect', { class: 'box', width: node.w, height: node.h, rx: 10 }),
      s('text', { x: 12, y: 19, class: 'name' }, truncate(node.label, 40)),
      s('text', { x: 12, y: 34, class: 'sub' }, node.type));
    let x = GROUP_PAD.x;
    for (const branch of node.group) {
      const inner = s('g', { transform: `translate(${x - branch.left}, ${GROUP_PAD.top})` });
      if (node.group.length > 1) {
        inner.append(s('rect', { class: 'branch', x: branch.left - 8, y: -6, width: branch.width + 16, height: branch.height + 12, rx: 8 }));
      }
      drawLayout(inner, branch, byId, onSelect);
      g.append(inner);
      x += branch.width + GAP.x;
    }
  } else {
    g.append(
      s('rect', { class: 'box', width: node.w, height: node.h, rx: node.type === 'Choice' ? node.h / 2 : 8 }),
      s('text', { x: 14, y: 20, class: 'name' }, truncate(node.label, 22)),
      s('text', { x: 14, y: 36, class: 'sub' }, node.type));
  }
  g.append(s('g', { class: 'retries', transform: `translate(${node.w - 22}, -9)` },
    s('rect', { x: -18, width: 40, height: 18, rx: 9 }),
    s('text', { x: 2, y: 13, class: 'center' }, '')));
  byId.set(node.id, g);
  return g;
}

/** The bends of an edge, as points: straight down, across then down, out to the right (catches) or round the left (back edges). */
function route(from, to, edge, backX) {
  const bottom = n => [n.x + n.w / 2, n.y + n.h];
  const topOf = n => [n.x + n.w / 2, n.y];
  if (edge.back) {
    const x = Math.min(from.x, to.x) + backX;
    return [[from.x, from.y + from.h / 2], [x, from.y + from.h / 2], [x, to.y + to.h / 2], [to.x, to.y + to.h / 2]];
  }
  const [sx, sy] = bottom(from);
  const [tx, ty] = topOf(to);
  if (edge.kind === 'catch') {
    const y = from.y + from.h / 2;
    if (to.col > from.col) return [[from.x + from.w, y], [tx, y], [tx, ty]];
    // A catch to a state below (often the Next one too): out to the right and into the target's side.
    const x = Math.max(from.x + from.w, to.x + to.w) + 16;
    return [[from.x + from.w, y], [x, y], [x, to.y + to.h / 2], [to.x + to.w, to.y + to.h / 2]];
  }
  if (Math.abs(sx - tx) < 1) return [[sx, sy], [tx, ty]];
  const turn = to.col > from.col ? sy + GAP.y / 2 : ty - GAP.y / 2;
  return [[sx, sy], [sx, turn], [tx, turn], [tx, ty]];
}

/** Whether an edge's segments pass through a state other than its ends. */
function crosses(points, nodes, from, to) {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const [left, right, top, bottom] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
    for (const node of nodes) {
      if (node === from || node === to) continue;
      if (right > node.x + 2 && left < node.x + node.w - 2 && bottom > node.y + 2 && top < node.y + node.h - 2) return true;
    }
  }
  return false;
}

/** An edge blocked by states on its way goes round them, down a lane to the right of the layers it spans. */
function lane(from, to, nodes, index) {
  const between = nodes.filter(n => n.layer > Math.min(from.layer, to.layer) && n.layer < Math.max(from.layer, to.layer));
  const x = Math.max(from.x + from.w, to.x + to.w, ...between.map(n => n.x + n.w)) + 18 + index * 10;
  const [sx, sy] = [from.x + from.w, from.y + from.h / 2];
  const [tx, ty] = [to.x + to.w / 2, to.y];
  return [[sx, sy], [x, sy], [x, ty - GAP.y / 2], [tx, ty - GAP.y / 2], [tx, ty]];
}

function labelAt(points, edge) {
  if (edge.kind === 'catch') {
    const [x, y] = points[1];
    return [x + 6, y - 6];
  }
  // A lane leaves sideways: the label goes above its first stretch.
  if (points.length > 4) return [points[0][0] + 8, points[0][1] - 6];
  const [x, y] = points.length > 2 ? points[2] : points[0];
  return points.length > 2 ? [x + 6, y + 14] : [x + 6, y + 16];
}

/** An orthogonal polyline with its corners rounded. */
function rounded(points, radius = 8) {
  let d = `M ${points[0][0]} ${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i];
    if (i === points.length - 1) {
      d += ` L ${x} ${y}`;
      break;
    }
    const [px, py] = points[i - 1];
    const [nx, ny] = points[i + 1];
    const r = Math.min(radius, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2);
    const [ax, ay] = toward([x, y], [px, py], r);
    const [bx, by] = toward([x, y], [nx, ny], r);
    d += ` L ${ax} ${ay} Q ${x} ${y} ${bx} ${by}`;
  }
  return d;
}

function toward([x, y], [tx, ty], distance) {
  const length = Math.hypot(tx - x, ty - y) || 1;
  return [x + ((tx - x) / length) * distance, y + ((ty - y) / length) * distance];
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

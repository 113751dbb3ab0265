// #/dead-letters: the messages the workflow starter gave up on, with their body and receive count; redrive one or all.

import { get, post } from './api.js';
import { age, clear, confirmDialog, empty, h, pretty, toast, when } from './dom.js';

export async function deadLettersView(main, { signal }) {
  document.title = 'Dead letters · StepOrders console';
  const body = h('tbody');
  const redriveAll = h('button#redrive-all', { type: 'button' }, 'Redrive all');
  const refreshButton = h('button.ghost', { type: 'button' }, 'Refresh');
  const count = h('p.muted.count', { 'aria-live': 'polite' });
  main.append(
    h('div.page-head', null,
      h('div', null, h('h1', null, 'Dead letters'),
        h('p.muted', null, 'Queue messages received maxReceiveCount times without starting their order’s execution. Redriving sends them back to the queue.')),
      h('div.head-actions', null, refreshButton, redriveAll)),
    h('section.card.flush', null, h('div.table-wrap', null, h('table.dead-letters.responsive', null,
      h('caption.visually-hidden', null, 'Dead-letter queue'),
      h('thead', null, h('tr', null, ['Message', 'Body', 'Receives', 'Dead-lettered', ''].map(t => h('th', { scope: 'col' }, t)))),
      body)), h('div.table-foot', null, count)));

  const load = async () => {
    const { deadLetters } = await get('/admin/dead-letters?limit=1000', { signal });
    count.textContent = `${deadLetters.length} message${deadLetters.length === 1 ? '' : 's'}`;
    redriveAll.disabled = deadLetters.length === 0;
    clear(body, deadLetters.length
      ? deadLetters.map(letter => h('tr', { dataset: { messageId: letter.messageId } },
        h('td.mono', { 'data-label': 'Message' }, letter.messageId),
        h('td', { 'data-label': 'Body' }, bodyOf(letter.body)),
        h('td.num', { 'data-label': 'Receives' }, String(letter.receiveCount)),
        h('td', { 'data-label': 'Dead-lettered' }, h('time', { datetime: letter.deadLetteredAt, title: `sent ${when(letter.sentAt)}, dead-lettered ${when(letter.deadLetteredAt)}` }, age(letter.deadLetteredAt))),
        h('td.actions', null, h('button.ghost.small', {
          type: 'button', 'aria-label': `Redrive message ${letter.messageId}`, onclick: () => redrive([letter.messageId]),
        }, 'Redrive'))))
      : h('tr', null, h('td', { colspan: 5 }, empty('The dead-letter queue is empty.'))));
  };

  const redrive = async (ids) => {
    if (!ids) {
      const ok = await confirmDialog('Redrive every dead letter?', h('p', null, 'All messages go back to the order queue and are delivered again.'), 'Redrive all');
      if (!ok) return;
    }
    try {
      const { redriven } = await post('/admin/dead-letters/redrive', ids ? { messageIds: ids } : {});
      toast(`${redriven} message${redriven === 1 ? '' : 's'} sent back to the queue.`);
      await load();
    } catch (error) {
      toast(error.message, 'bad');
    }
  };

  redriveAll.addEventListener('click', () => redrive(null));
  refreshButton.addEventListener('click', () => load().catch(error => toast(error.message, 'bad')));
  await load();
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') load().catch(() => undefined);
  }, 5000);
  return () => clearInterval(timer);
}

/** The body as sent, pretty when JSON, with a link to the order it names. */
function bodyOf(text) {
  let orderId;
  try {
    orderId = JSON.parse(text)?.orderId;
  } catch {
    orderId = undefined;
  }
  return h('div.letter-body', null,
    typeof orderId === 'string' && /^ord_/.test(orderId) ? h('a.mono', { href: `#/orders/${encodeURIComponent(orderId)}` }, orderId) : null,
    h('details', null, h('summary', null, 'Body'), h('pre', null, pretty(text))));
}

// The assistant panel: questions go to POST /chatbot {message}; replies link the orders they name.

import { ApiError, post, whoAmI } from './api.js';
import { h } from './dom.js';

const panel = () => document.getElementById('chat');
const toggle = () => document.getElementById('chat-toggle');
let conversation = null;

export function initChat() {
  const form = panel().querySelector('.chat-form');
  const input = document.getElementById('chat-input');
  const customer = document.getElementById('chat-customer');
  customer.addEventListener('change', () => {
    conversation = null;
  });
  toggle().addEventListener('click', () => (panel().hidden ? openChat() : closeChat()));
  document.getElementById('chat-close').addEventListener('click', closeChat);
  panel().addEventListener('keydown', event => {
    if (event.key === 'Escape') closeChat();
  });
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    input.value = '';
    say('you', message);
    const pending = say('assistant', 'Thinking…');
    pending.classList.add('pending');
    try {
      const session = await whoAmI();
      const answer = await post('/chatbot', {
        message, conversationId: conversation ?? undefined, customerId: session.customerId ? undefined : customer.value.trim() || undefined,
      });
      conversation = answer.conversationId ?? null;
      pending.replaceWith(reply(answer));
    } catch (error) {
      pending.replaceWith(line('assistant error', error instanceof ApiError && error.status === 404
        ? 'The assistant is not available on this host yet.'
        : `The assistant could not answer: ${error.message}`));
    }
    input.focus();
  });
}

/**
 * Opens the panel, with a question ready to send (the user may edit it) about a customer's orders. Keys bound to a
 * customer ask about their own; other keys say whose orders the question is about.
 */
export async function openChat(question, customerId) {
  panel().hidden = false;
  toggle().setAttribute('aria-expanded', 'true');
  const input = document.getElementById('chat-input');
  const customer = document.getElementById('chat-customer');
  const session = await whoAmI().catch(() => null);
  customer.closest('.field').hidden = Boolean(session?.customerId);
  if (customerId && customer.value !== customerId) {
    customer.value = customerId;
    conversation = null;
  }
  if (question) input.value = question;
  (customer.value || session?.customerId ? input : customer).focus();
}

function closeChat() {
  panel().hidden = true;
  toggle().setAttribute('aria-expanded', 'false');
  toggle().focus();
}

function say(who, text) {
  const item = line(who, text);
  const log = panel().querySelector('.chat-log');
  log.append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function line(who, text) {
  return h('li', { class: `message ${who}` }, h('span.visually-hidden', null, who === 'you' ? 'You: ' : 'Assistant: '), h('p', null, text));
}

function reply(answer) {
  const item = line('assistant', answer.reply ?? '');
  const links = (answer.orderIds ?? []).map(id => h('a.mono', { href: `#/orders/${encodeURIComponent(id)}` }, id));
  if (links.length || answer.source) {
    item.append(h('p.meta', null, links.length ? ['Orders: ', ...links.flatMap((link, i) => (i ? [', ', link] : [link]))] : null,
      answer.source ? h('span.chip.source', { title: answer.source === 'model' ? 'Answered by the model' : 'Answered from templates (no model configured)' }, answer.source) : null));
  }
  return item;
}

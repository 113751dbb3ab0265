// The console's shell: asks for the API key, routes #/… to a view, and stops a view's polling when it is left.

import { ApiError, key, onUnauthorized, whoAmI } from './api.js';
import { clear, h } from './dom.js';
import { initChat } from './chat.js';
import { ordersView } from './orders.js';
import { orderView } from './order.js';
import { executionPage } from './execution-page.js';
import { deadLettersView } from './dead-letters.js';
import { healthView } from './health.js';
import { currentRoute, navigate } from './router.js';

const routes = [
  { pattern: /^#\/orders\/([^/?]+)$/, view: orderView, section: 'orders' },
  { pattern: /^#\/orders$/, view: ordersView, section: 'orders' },
  { pattern: /^#\/executions\/([^/?]+)$/, view: executionPage, section: 'orders', admin: true },
  { pattern: /^#\/dead-letters$/, view: deadLettersView, section: 'dead-letters', admin: true },
  { pattern: /^#\/health$/, view: healthView, section: 'health', admin: true },
];

const main = document.getElementById('main');
const keyDialog = document.getElementById('key-dialog');
const keyInput = document.getElementById('key-input');
const keyError = document.getElementById('key-error');
const keyButton = document.getElementById('key-button');
let current = null;

async function render() {
  current?.controller.abort();
  current?.cleanup?.();
  current = null;
  const { path, params } = currentRoute();
  const route = routes.find(r => r.pattern.test(path));
  if (!route) {
    navigate('#/orders');
    return;
  }
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.section === route.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!key.get()) {
    clear(main, h('p.muted', null, 'Sign in with an API key to use the console.'));
    askForKey();
    return;
  }
  let session;
  try {
    session = await whoAmI();
  } catch (error) {
    clear(main, h('p.error', null, `Cannot reach the API: ${error.message}`));
    return;
  }
  showSession(session);
  if (route.admin && !session.admin) {
    clear(main, h('section.card', null, h('h1', null, 'Admin view'),
      h('p', null, `This view needs an admin key; the key “${session.keyName}” is not one.`),
      h('button', { type: 'button', onclick: askForKey }, 'Use another key')));
    return;
  }
  const controller = new AbortController();
  const match = path.match(route.pattern);
  current = { controller };
  clear(main);
  document.title = 'StepOrders console';
  try {
    current.cleanup = await route.view(main, { match, params, session, signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted || error.name === 'AbortError') return;
    clear(main, h('section.card', null, h('h1', null, error instanceof ApiError && error.status === 404 ? 'Not found' : 'Something went wrong'),
      h('p.error', null, error.message)));
  }
}

function showSession(session) {
  keyButton.textContent = `${session.keyName}${session.admin ? ' · admin' : ''}`;
  keyButton.title = 'Change the API key';
  for (const link of document.querySelectorAll('.tabs a[data-admin]')) link.hidden = !session.admin;
}

function askForKey(message) {
  keyError.textContent = typeof message === 'string' ? message : '';
  keyInput.value = '';
  if (!keyDialog.open) keyDialog.showModal();
  keyInput.focus();
}

keyDialog.addEventListener('close', async () => {
  if (keyDialog.returnValue !== 'save' || !keyInput.value.trim()) return;
  key.set(keyInput.value.trim());
  keyInput.value = '';
  try {
    await whoAmI();
    render();
  } catch (error) {
    key.clear();
    askForKey(error instanceof ApiError && error.status === 401 ? 'That key is not valid here.' : error.message);
  }
});

keyButton.addEventListener('click', () => askForKey());
onUnauthorized(() => {
  key.clear();
  keyButton.textContent = 'Sign in';
  askForKey('The key was refused; enter a valid one.');
});

initChat();
window.addEventListener('hashchange', render);
if (!window.location.hash) window.location.replace('#/orders');
render();

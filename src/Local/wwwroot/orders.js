// #/orders: newest first, filtered by status and customer, with a search by id and a form to place a test order.

import { ApiError, get, post } from './api.js';
import { age, badge, clear, empty, h, money, toast, when } from './dom.js';
import { navigate } from './router.js';

const STATUSES = ['PENDING', 'VALIDATING', 'INVENTORY_CHECK', 'PAYMENT_PROCESSING', 'FULFILLMENT', 'COMPLETED', 'FAILED'];
const PAGE = 50;
const REFRESH_MS = 3000;

export async function ordersView(main, { params, session, signal }) {
  const status = params.get('status') ?? '';
  const customer = session.customerId ?? params.get('customer') ?? '';
  document.title = 'Orders · StepOrders console';

  const search = h('input', { id: 'order-search', type: 'search', placeholder: 'ord_…', autocomplete: 'off', spellcheck: 'false' });
  const statusSelect = h('select', { id: 'status-filter', name: 'status' },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map(value => h('option', { value, selected: value === status }, value.replaceAll('_', ' '))));
  const customerInput = h('input', {
    id: 'customer-filter', name: 'customer', value: customer, placeholder: session.admin ? 'any customer' : 'customer id',
    disabled: Boolean(session.customerId), autocomplete: 'off', spellcheck: 'false',
  });

  const searchForm = h('form.search', {
    role: 'search',
    onsubmit(event) {
      event.preventDefault();
      const id = search.value.trim();
      if (id) navigate(`#/orders/${encodeURIComponent(id)}`);
    },
  }, h('label', { for: 'order-search' }, 'Find an order'), h('div.inline', null, search, h('button', { type: 'submit' }, 'Open')));

  const filterForm = h('form.filters', {
    onsubmit(event) {
      event.preventDefault();
      navigate('#/orders', { status: statusSelect.value, customer: session.customerId ? '' : customerInput.value.trim() });
    },
  },
  h('div.field', null, h('label', { for: 'status-filter' }, 'Status'), statusSelect),
  h('div.field', null, h('label', { for: 'customer-filter' }, 'Customer'), customerInput),
  h('button.ghost', { type: 'submit' }, 'Filter'));
  statusSelect.addEventListener('change', () => filterForm.requestSubmit());

  const body = h('tbody');
  const table = h('table.orders.responsive', null,
    h('caption.visually-hidden', null, 'Orders, newest first'),
    h('thead', null, h('tr', null, ['Order', 'Customer', 'Status', 'Total', 'Items', 'Age'].map(t => h('th', { scope: 'col' }, t)))),
    body);
  const more = h('button.ghost', { type: 'button', hidden: true }, 'Load more');
  const summary = h('p.muted.count', { 'aria-live': 'polite' });

  main.append(
    h('div.page-head', null, h('h1', null, 'Orders'), h('div.head-actions', null, placeForm(session))),
    h('section.card.toolbar', null, searchForm, filterForm),
    h('section.card.flush', null, h('div.table-wrap', null, table), h('div.table-foot', null, summary, more)));

  if (!session.admin && !customer) {
    clear(body, h('tr', null, h('td', { colspan: 6 }, empty('Enter a customer id to list that customer’s orders (only admin keys list every customer).'))));
    return undefined;
  }

  let orders = [];
  let cursor = null;
  const load = async (append) => {
    const limit = append ? PAGE : Math.min(200, Math.max(PAGE, orders.length));
    const query = new URLSearchParams({ limit: String(limit) });
    if (append && cursor) query.set('cursor', cursor);
    let page;
    if (session.admin) {
      if (status) query.set('status', status);
      if (customer) query.set('customerId', customer);
      page = await get(`/admin/orders?${query}`, { signal });
    } else {
      page = await get(`/customers/${encodeURIComponent(customer)}/orders?${query}`, { signal });
      if (status) page.orders = page.orders.filter(order => order.status === status);
    }
    orders = append ? [...orders, ...page.orders] : page.orders;
    if (!append || page.nextCursor) cursor = page.nextCursor;
    render();
  };

  let shown = null;
  const render = () => {
    const now = Date.now();
    // Refreshed every few seconds: unchanged rows stay (and keep focus); only their ages move on.
    const key = JSON.stringify([orders.map(order => [order.orderId, order.status]), cursor]);
    if (key === shown) {
      for (const time of body.querySelectorAll('time')) time.textContent = age(time.dateTime, now);
      return;
    }
    shown = key;
    clear(body, orders.length
      ? orders.map(order => h('tr', { dataset: { orderId: order.orderId, status: order.status } },
        h('td', { 'data-label': 'Order' }, h('a.mono', { href: `#/orders/${order.orderId}` }, order.orderId)),
        h('td', { 'data-label': 'Customer' }, order.customerId),
        h('td', { 'data-label': 'Status' }, badge(order.status)),
        h('td.num', { 'data-label': 'Total' }, money(order.total, order.currency)),
        h('td.num', { 'data-label': 'Items' }, order.items.reduce((n, item) => n + item.quantity, 0)),
        h('td', { 'data-label': 'Age' }, h('time', { datetime: order.createdAt, title: when(order.createdAt) }, age(order.createdAt, now)))))
      : h('tr', null, h('td', { colspan: 6 }, empty(status || customer ? 'No orders match these filters.' : 'No orders yet. Place one with “Place a test order”.'))));
    summary.textContent = `${orders.length} order${orders.length === 1 ? '' : 's'}${cursor ? ' shown, more to load' : ''}`;
    more.hidden = !cursor;
  };

  more.addEventListener('click', () => load(true).catch(error => toast(error.message, 'bad')));
  await load(false);

  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') load(false).catch(() => undefined);
  }, REFRESH_MS);
  return () => clearInterval(timer);
}

/** A small form that places an order through POST /orders, with the documented test SKUs and payment tokens. */
function placeForm(session) {
  const details = h('details.place');
  const form = h('form.place-form', {
    async onsubmit(event) {
      event.preventDefault();
      const data = new FormData(form);
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const order = await post('/orders', {
          customerId: data.get('customerId'),
          items: [{ sku: data.get('sku'), quantity: Number(data.get('quantity')), unitPrice: Number(data.get('unitPrice')) }],
          currency: 'EUR',
          shippingAddress: { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
          paymentToken: data.get('paymentToken'),
        });
        toast(`Order ${order.orderId} placed.`);
        navigate(`#/orders/${order.orderId}`);
      } catch (error) {
        toast(error instanceof ApiError ? error.message : String(error), 'bad');
      } finally {
        button.disabled = false;
      }
    },
  },
  field('Customer', h('input', { name: 'customerId', id: 'place-customer', value: session.customerId ?? 'demo-customer', required: true, readonly: Boolean(session.customerId) })),
  field('SKU', h('input', { name: 'sku', id: 'place-sku', value: 'SKU-1', required: true, list: 'demo-skus' })),
  h('datalist', { id: 'demo-skus' }, ['SKU-1', 'SKU-2', 'SKU-3', 'SKU-OUT'].map(value => h('option', { value }))),
  field('Quantity', h('input', { name: 'quantity', id: 'place-quantity', type: 'number', min: 1, value: 1, required: true })),
  field('Unit price', h('input', { name: 'unitPrice', id: 'place-price', type: 'number', min: 0, step: '0.01', value: '19.99', required: true })),
  field('Payment', h('select', { name: 'paymentToken', id: 'place-token' },
    h('option', { value: 'tok_approve' }, 'approve (tok_approve)'),
    h('option', { value: 'tok_decline' }, 'decline (tok_decline)'),
    h('option', { value: 'tok_flaky' }, 'flaky: 2 transient failures (tok_flaky)'))),
  h('div.actions', null, h('button', { type: 'submit' }, 'Place order')));
  details.append(h('summary.button', null, 'Place a test order'), form);
  return details;
}

function field(label, input) {
  return h('div.field', null, h('label', { for: input.id }, label), input);
}

// Calls to the host's API. The key lives in sessionStorage (this tab only) and travels as x-api-key, never in a URL.

const KEY = 'steporders.apiKey';
const listeners = new Set();

export const key = {
  get: () => sessionStorage.getItem(KEY),
  set(value) {
    sessionStorage.setItem(KEY, value);
    session = null;
  },
  clear() {
    sessionStorage.removeItem(KEY);
    session = null;
  },
};

/** Called with the failed response when the API answers 401: the console asks for a key again. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

/** An API error: status, the problem details' detail (or the Step Functions error message), and the body. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

async function call(method, path, body, { signal } = {}) {
  const headers = { accept: 'application/json' };
  const secret = key.get();
  if (secret) headers['x-api-key'] = secret;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
  });
  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    if (response.status === 401) listeners.forEach(listener => listener(response));
    throw new ApiError(response.status, describe(response, json), json);
  }
  return json;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

function describe(response, json) {
  if (json?.errors && typeof json.errors === 'object') {
    const fields = Object.entries(json.errors).map(([field, messages]) => `${field} ${[].concat(messages).join(' ')}`);
    return `${json.detail ?? json.title ?? response.statusText} ${fields.join('; ')}`.trim();
  }
  return json?.detail ?? json?.message ?? json?.title ?? `${response.status} ${response.statusText}`;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body, options);

let session = null;

/** Who the key belongs to: {keyName, admin, customerId}; cached until the key changes. */
export async function whoAmI() {
  session ??= get('/console/session').catch(error => {
    session = null;
    throw error;
  });
  return session;
}

/** The Step Functions API of the host (AWS JSON 1.0): sfn('DescribeExecution', {executionArn}). */
export async function sfn(operation, request = {}, options = {}) {
  const response = await fetch('/sfn', {
    method: 'POST',
    cache: 'no-store',
    signal: options.signal,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${operation}`,
      'x-api-key': key.get() ?? '',
    },
    body: JSON.stringify(request),
  });
  const json = safeParse(await response.text());
  if (!response.ok) {
    const type = String(json?.__type ?? '').split('#').pop();
    if (type === 'UnrecognizedClientException' || type === 'MissingAuthenticationTokenException') {
      listeners.forEach(listener => listener(response));
    }
    throw new ApiError(response.status, json?.message ?? type ?? response.statusText, { ...json, type });
  }
  return json;
}

/** Every event of an execution's history, oldest first (paged by nextToken). */
export async function history(executionArn, options) {
  const events = [];
  let nextToken;
  do {
    const page = await sfn('GetExecutionHistory', { executionArn, maxResults: 1000, nextToken }, options);
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

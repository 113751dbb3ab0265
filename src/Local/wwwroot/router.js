// Where the console is: the hash's path and query (#/orders?status=FAILED). Nothing secret ever goes in it.

export function currentRoute() {
  const [path, query] = window.location.hash.split('?');
  return { path: path || '#/orders', params: new URLSearchParams(query ?? '') };
}

/** Goes to a view; going to the one shown renders it again. */
export function navigate(path, params) {
  const query = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  const hash = query ? `${path}?${query}` : path;
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

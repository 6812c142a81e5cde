/** Telegram's limit on callback_data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;

/**
 * `feature:action:arg`. Callback data comes back from the client and can be forged: decode validates the shape
 * only; every handler re-checks authorisation and that the argument names something real.
 */
export function encodeCallback(feature: string, action: string, arg = ''): string {
  const data = arg === '' ? `${feature}:${action}` : `${feature}:${action}:${arg}`;
  if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

export function decodeCallback(data: string): { feature: string; action: string; arg: string } | undefined {
  const m = /^([a-z]+):([a-z]+)(?::(.*))?$/.exec(data);
  if (!m) return undefined;
  return { feature: m[1] ?? '', action: m[2] ?? '', arg: m[3] ?? '' };
}

/** The decoded data of the button press in this update, if it is one. */
export function pressedData(ctx: { callbackQuery?: unknown }): { feature: string; action: string; arg: string } | undefined {
  const query = ctx.callbackQuery;
  const data = typeof query === 'object' && query !== null && 'data' in query ? (query as { data?: unknown }).data : undefined;
  return typeof data === 'string' ? decodeCallback(data) : undefined;
}

/** Telegram's limit on callback_data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;

/**
 * `feature:action:arg`. Callback data comes back from the client and can be forged: decode validates the shape
 * only; every handler re-checks authorisation and that the argument names something real.
 */
export function encodeCallback(feature: string, action: string, arg = ''): string {
  const data = arg === '' ? `${feature}:${action}` : `${feature}:${action}:${arg}`;
  if (new TextEncoder().encode(data).length > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  }
  return data;
}

export function decodeCallback(data: string): { feature: string; action: string; arg: string } | undefined {
  const m = /^([a-z]+):([a-z]+)(?::(.*))?$/.exec(data);
  if (!m) return undefined;
  return { feature: m[1] ?? '', action: m[2] ?? '', arg: m[3] ?? '' };
}

/** A button with callback data: what Telegram's inline keyboard takes, as plain data. */
export interface CallbackButton {
  text: string;
  callback_data: string;
}

export const callbackButton = (text: string, feature: string, action: string, arg = ''): CallbackButton => ({
  text,
  callback_data: encodeCallback(feature, action, arg),
});

import { decodeCallback } from '../domain/callback-data.js';

export { decodeCallback, encodeCallback, MAX_CALLBACK_BYTES } from '../domain/callback-data.js';

/** The decoded data of the button press in this update, if it is one. */
export function pressedData(ctx: { callbackQuery?: unknown }): { feature: string; action: string; arg: string } | undefined {
  const query = ctx.callbackQuery;
  const data = typeof query === 'object' && query !== null && 'data' in query ? (query as { data?: unknown }).data : undefined;
  return typeof data === 'string' ? decodeCallback(data) : undefined;
}

/**
 * Telegram's HTML parse mode, checked as strictly as Telegram does (a little stricter: every `&` must start an
 * entity). Returns the visible text, whose length Telegram limits, or the error Telegram would give.
 */
export type HtmlCheck = { ok: true; text: string } | { ok: false; description: string };

const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

const fail = (what: string, offset: number): HtmlCheck => ({
  ok: false,
  description: `Bad Request: can't parse entities: ${what} at byte offset ${offset}`,
});

export function checkTelegramHtml(source: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '<') {
      const close = source.indexOf('>', i);
      if (close < 0) return fail('Unclosed start tag', i);
      const inner = source.slice(i + 1, close);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (open === undefined) return fail(`Unexpected end tag "${name}"`, i);
        if (open !== name) return fail(`Can't find end tag corresponding to start tag "${open}"`, i);
      } else {
        const m = /^([a-zA-Z][a-zA-Z0-9-]*)(\s[^]*)?$/.exec(inner);
        const name = m?.[1]?.toLowerCase();
        if (!m || !name || !ALLOWED.has(name)) return fail(`Unsupported start tag "${inner.split(/\s/)[0] ?? ''}"`, i);
        const attrs = m[2] ?? '';
        if (name === 'a' && !/\bhref\s*=\s*"[^"]+"/.test(attrs)) return fail('Expected href attribute in "a" tag', i);
        if (name === 'span' && !/class\s*=\s*"tg-spoiler"/.test(attrs)) {
          return fail('Tag "span" must have class "tg-spoiler"', i);
        }
        stack.push(name);
      }
      i = close + 1;
    } else if (ch === '>') {
      return fail('Unexpected ">"', i);
    } else if (ch === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(source.slice(i, i + 12));
      if (!m?.[1]) return fail('Unescaped "&"', i);
      const name = m[1];
      if (name.startsWith('#')) {
        const cp = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        text += String.fromCodePoint(cp);
      } else {
        const value = NAMED_ENTITIES[name.toLowerCase()];
        if (value === undefined) return fail(`Unknown entity "&${name};"`, i);
        text += value;
      }
      i += m[0].length;
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1] ?? ''}"`, source.length);
  return { ok: true, text };
}

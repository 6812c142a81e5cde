/**
 * The one escaping path for HTML messages: `html` escapes every interpolated value unless it is already `Html`.
 * Telegram rejects a message with a stray `<`, `>` or `&`, so no user text reaches a message any other way.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | undefined | null | false;

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const render = (v: Part): string => {
  if (v instanceof Html) return v.text;
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(String(v));
};

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export const bold = (v: Part): Html => html`<b>${v}</b>`;
export const italic = (v: Part): Html => html`<i>${v}</i>`;
export const code = (v: Part): Html => html`<code>${v}</code>`;

/** Joins parts, leaving out empty ones. */
export function lines(...parts: Part[]): Html {
  return new Html(
    parts
      .filter((p) => p !== undefined && p !== null && p !== false)
      .map(render)
      .join('\n'),
  );
}

/** Telegram's limit for one message. */
export const MAX_MESSAGE_LENGTH = 4096;

const stripTags = (s: string): string => s.replace(/<[^>]*>/g, '');

/** The text a person reads of an HTML message (tags dropped, entities read back), as Telegram reports it. */
export const plainText = (s: string): string =>
  stripTags(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Splits a message at line breaks into parts Telegram accepts. Each line keeps its tags balanced (every template
 * here opens and closes a tag on one line), so a split never breaks markup. Measured on the raw HTML, which is
 * never shorter than what Telegram counts.
 */
export function splitHtml(message: Html, limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let current = '';
  const push = (): void => {
    if (current.trim() !== '') parts.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (let line of message.text.split('\n')) {
    if (line.length > limit) {
      // A single over-long line: send it as escaped plain text in pieces, dropping its markup.
      push();
      const plain = stripTags(line);
      for (let i = 0; i < plain.length; i += limit - 10) parts.push(plain.slice(i, i + limit - 10));
      line = '';
      continue;
    }
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > limit) {
      push();
      current = line;
    } else current = next;
  }
  push();
  return parts;
}

/**
 * Where a text stored for later sending (a reminder in the outbox) shows the time left before its event: the outbox
 * fills it in when the message is actually sent, so a reminder delayed by downtime does not say a stale "1 jam lagi".
 */
export const COUNTDOWN_SLOT = '{{countdown}}';

/** The countdown slot of a text read in a zone (`WITA`): filled as said there ("besok, pukul 10.00 WITA"). */
export const countdownSlot = (zoneLabel: string): string => `{{countdown:${zoneLabel}}}`;

/** Every countdown slot of a text, with the zone it names (none: an item stored before slots named one). */
export const COUNTDOWN_SLOTS = /\{\{countdown(?::([A-Z]+))?\}\}/g;

/** `Minggu ke-48 …` from `minggu ke-48 …`: a sentence that starts with a phrase written for the middle of one. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

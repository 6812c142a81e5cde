import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback } from '../../src/bot/callback-data.js';
import { bold, html, lines, splitHtml } from '../../src/messages/html.js';
import { checkTelegramHtml } from '../../src/sandbox/telegram-html.js';

describe('the one escaping path', () => {
  it('escapes every interpolated value and keeps trusted markup', () => {
    const userText = '<b>Kota</b> & "Bandung"';
    const message = html`Wilayah ${bold(userText)} tidak ditemukan`;
    expect(message.text).toBe('Wilayah <b>&lt;b&gt;Kota&lt;/b&gt; &amp; "Bandung"</b> tidak ditemukan');
    expect(checkTelegramHtml(message.text)).toEqual({ ok: true, text: 'Wilayah <b>Kota</b> & "Bandung" tidak ditemukan' });
  });
});

describe('splitting long messages', () => {
  it('splits at line breaks into parts Telegram accepts, losing nothing', () => {
    const rows = Array.from({ length: 400 }, (_, i) => html`• ${bold(`Kabupaten Nomor ${i}`)}: ${"1.234 peserta & <catatan>"}`);
    const parts = splitHtml(lines(...rows));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(checkTelegramHtml(part).ok).toBe(true);
    }
    expect(parts.join('\n').split('\n')).toHaveLength(400);
  });

  it('cuts a single over-long line into plain pieces', () => {
    const parts = splitHtml(html`${'x'.repeat(9000)}`);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('')).toHaveLength(9000);
  });
});

describe('callback data codec', () => {
  it('round-trips and refuses data over 64 bytes', () => {
    expect(decodeCallback(encodeCallback('cov', 'u', '19.71'))).toEqual({ feature: 'cov', action: 'u', arg: '19.71' });
    expect(() => encodeCallback('cov', 'u', 'x'.repeat(60))).toThrow(/64 bytes/);
    expect(decodeCallback('not valid')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseCliConfig, parseConfig } from '../../src/config.js';

const TOKEN = '123456789:AAH-valid-looking_token_abcdefghijk';

describe('configuration', () => {
  it('fills defaults and parses admin ids', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: '11, 22' });
    expect(r.ok && r.value).toMatchObject({
      apiRoot: 'https://api.telegram.org',
      adminIds: [11, 22],
      logLevel: 'info',
      backupKeep: 7,
      inviteTtlDays: 7,
      rateLimitBurst: 20,
      rateLimitPerMinute: 60,
    });
    expect(r.ok && r.value.dataDir.endsWith('/data')).toBe(true);
  });

  it('takes webhook mode with its secret and an explicit path, and says what is wrong otherwise', () => {
    const ok = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.contoh.go.id/telegram/uc-bot', WEBHOOK_SECRET: 'abc_DEF-123' });
    expect(ok.ok && ok.value.webhook).toEqual({ url: 'https://bot.contoh.go.id/telegram/uc-bot', path: '/telegram/uc-bot', secret: 'abc_DEF-123', host: '127.0.0.1', port: 8080 });
    const polling = parseConfig({ BOT_TOKEN: TOKEN });
    expect(polling.ok && polling.value.webhook).toBeUndefined();
    const noSecret = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.contoh.go.id/hook' });
    expect(!noSecret.ok && noSecret.error).toBe('Konfigurasi tidak valid: WEBHOOK_SECRET wajib diisi bila WEBHOOK_URL diisi (1 sampai 256 karakter A-Z, a-z, 0-9, _ atau -).');
    const badSecret = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.contoh.go.id/hook', WEBHOOK_SECRET: 'rahasia saya!' });
    expect(!badSecret.ok && badSecret.error).toContain('WEBHOOK_SECRET harus 1 sampai 256 karakter');
    const noPath = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: 'https://bot.contoh.go.id/', WEBHOOK_SECRET: 'x' });
    expect(!noPath.ok && noPath.error).toContain('WEBHOOK_URL harus berupa URL https dengan path tersendiri');
    const badPort = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_PORT: '70000' });
    expect(!badPort.ok && badPort.error).toContain('WEBHOOK_PORT harus berupa nomor port');
  });

  it('strips a trailing slash from the API root', () => {
    const r = parseConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' });
    expect(r.ok && r.value.apiRoot).toBe('http://127.0.0.1:8081');
  });

  it.each([
    [{}, 'Konfigurasi tidak valid: BOT_TOKEN wajib diisi (token bot dari @BotFather).'],
    [{ BOT_TOKEN: '   ' }, 'Konfigurasi tidak valid: BOT_TOKEN wajib diisi (token bot dari @BotFather).'],
    [{ BOT_TOKEN: 'secret-but-wrong' }, 'Konfigurasi tidak valid: BOT_TOKEN bukan token bot yang sah (bentuknya 123456:ABC-DEF...).'],
    [{ BOT_TOKEN: TOKEN, ADMIN_IDS: 'rina' }, 'Konfigurasi tidak valid: ADMIN_IDS harus berisi ID Telegram berupa angka, dipisah koma (contoh: 123456789,987654321).'],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'localhost' }, 'Konfigurasi tidak valid: TELEGRAM_API_ROOT harus berupa URL, contoh https://api.telegram.org.'],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: 'loud' }, 'Konfigurasi tidak valid: LOG_LEVEL harus salah satu dari debug, info, warn, error.'],
    [{ BOT_TOKEN: TOKEN, BACKUP_KEEP: '-1' }, 'Konfigurasi tidak valid: BACKUP_KEEP harus berupa bilangan bulat positif.'],
  ])('refuses %j with one line naming the key', (env, message) => {
    const r = parseConfig(env);
    expect(r).toEqual({ ok: false, error: message });
    expect(r.ok ? '' : r.error).not.toContain('secret-but-wrong');
  });

  it('needs no token for the command line', () => {
    const r = parseCliConfig({ DATA_DIR: '/tmp/x' });
    expect(r).toMatchObject({ ok: true, value: { dataDir: '/tmp/x', backupKeep: 7, inviteTtlDays: 7, reportDeadline: { weekday: 5, hour: 15 }, fsync: true } });
  });
});

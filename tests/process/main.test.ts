import { access, mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_HEADER } from '../../src/cli/import-reports.js';
import { BotApiServer } from '../../src/sandbox/bot-api-server.js';
import { finished, freePort, runTs, startTs } from '../helpers/spawn.js';

const TOKEN = '987654:PROCESS-test-token-never-printed';
const ADMIN = 4242;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucbot-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bot process (npm start)', () => {
  it('answers an admin /coverage Pangkal Pinang with imported figures, refuses a second process, stops on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const week = '2026-W01';
    await writeFile(join(dir, 'b.csv'), 'region_code,year,workforce_total,workforce_source,workforce_formal,workforce_informal,target_pct\n19.71,2026,104.000,Sakernas Agustus 2025,,,55\n');
    await writeFile(join(dir, 'r.csv'), `${REPORT_HEADER.join(',')}\n19.71,${week},38.905,11.200,2.205,58,4.120,4.120,4.120,1.650,0\n`);
    expect((await runTs('src/cli/main.ts', ['import', 'baselines', join(dir, 'b.csv')], { DATA_DIR: dataDir }, dir)).code).toBe(0);
    expect((await runTs('src/cli/main.ts', ['import', 'reports', join(dir, 'r.csv')], { DATA_DIR: dataDir }, dir)).code).toBe(0);

    const api = new BotApiServer({ token: TOKEN });
    await api.start();
    const admin = api.user(ADMIN, 'Dewi');
    const polling = api.waitForPolling();
    const bot = startTs(
      'src/main.ts',
      [],
      // The process runs on the real clock: the calendar-gap message (late in a year before an unentered one) would come first.
      { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir, ADMIN_IDS: String(ADMIN), LOG_LEVEL: 'info', CALENDAR_WARNING: 'off' },
      dir,
    );
    const exit = finished(bot, 60_000);
    try {
      await polling;
      await api.sendText(admin, '/coverage Pangkal Pinang');
      const text = api.lastMessage(ADMIN).text;
      expect(text).toContain('Kota Pangkal Pinang · kode 19.71');
      expect(text).toContain('Peserta aktif: 52.368');
      expect(text).toContain('Dilaporkan oleh Operator (baris perintah), lewat impor data pada');
      expect(text).toContain('Capaian UC: 50,4% dari 104.000 penduduk bekerja');
      // The admin's own menu lists every command (strangers see start and help only).
      expect(api.menuOf(ADMIN)).toContain('cakupan');

      const second = await runTs('src/cli/main.ts', ['check'], { DATA_DIR: dataDir }, dir);
      expect(second.code).toBe(1);
      expect(second.stdout).toContain('sedang dipakai oleh proses lain');
    } finally {
      bot.kill('SIGTERM');
    }
    const result = await exit;
    await api.stop();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"message":"bot stopped"');
    expect(result.stderr).not.toContain(TOKEN);
    await expect(access(join(dataDir, 'store.lock'))).rejects.toThrow();
    // Names, Telegram ids and roles: every file and folder the bot and the command line made (the start-up backup's
    // hard links included) is its user's alone, whatever the umask.
    const modes = await modesUnder(dataDir);
    expect(modes.some(([path]) => path.startsWith('backups/'))).toBe(true);
    expect(modes.some(([path]) => path.startsWith('reports/'))).toBe(true);
    expect(modes.filter(([, mode, isDir]) => mode !== (isDir ? '700' : '600'))).toEqual([]);
  });

  it('npm start with WEBHOOK_URL: registers the webhook, answers what the stand-in posts to it, stops keeping it', async () => {
    const api = new BotApiServer({ token: TOKEN });
    await api.start();
    const port = await freePort();
    const admin = api.user(ADMIN, 'Dewi');
    const bot = startTs(
      'src/main.ts',
      [],
      {
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        DATA_DIR: join(dir, 'data'),
        ADMIN_IDS: String(ADMIN),
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/uc-bot`,
        WEBHOOK_SECRET: 'proses-uji_123',
        WEBHOOK_PORT: String(port),
        LOG_LEVEL: 'info',
        CALENDAR_WARNING: 'off',
      },
      dir,
    );
    const exit = finished(bot, 60_000);
    try {
      for (let i = 0; i < 200 && !api.webhook; i++) await new Promise((r) => setTimeout(r, 50));
      expect(api.webhook?.secret).toBe('proses-uji_123');
      const { status } = await api.pushText(admin, '/bantuan');
      expect(status).toBe(200);
      expect(api.lastMessage(ADMIN).text).toContain('Perintah yang dapat');
    } finally {
      bot.kill('SIGTERM');
    }
    const result = await exit;
    await api.stop();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('bot started (webhook)');
    expect(result.stderr).not.toContain('proses-uji_123');
    expect(api.webhook).toBeDefined();
  });

  it('stops at start-up with one clear line when the configuration is wrong', async () => {
    const missing = await runTs('src/main.ts', [], {}, dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('Konfigurasi tidak valid: BOT_TOKEN wajib diisi (token bot dari @BotFather).');

    const wrong = await runTs('src/main.ts', [], { BOT_TOKEN: 'rahasia-salah' }, dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('Konfigurasi tidak valid: BOT_TOKEN bukan token bot yang sah (bentuknya 123456:ABC-DEF...).');
    expect(wrong.stderr).not.toContain('rahasia-salah');
  });

  it('reads an optional .env file, the environment winning', async () => {
    await writeFile(join(dir, '.env'), 'BOT_TOKEN=123:short\nLOG_LEVEL=info\n');
    const fromFile = await runTs('src/main.ts', [], {}, dir);
    expect(fromFile.stderr.trim()).toContain('BOT_TOKEN bukan token bot yang sah');
    const overridden = await runTs('src/main.ts', [], { LOG_LEVEL: 'loud', BOT_TOKEN: TOKEN }, dir);
    expect(overridden.stderr.trim()).toBe('Konfigurasi tidak valid: LOG_LEVEL harus salah satu dari debug, info, warn, error.');
  });

  it('refuses to start on a corrupt data file and leaves it untouched', async () => {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    const corrupt = '{"baselines": [ {"unitCode": "19.71", ';
    await writeFile(join(dataDir, 'baselines.json'), corrupt);
    const result = await runTs(
      'src/main.ts',
      [],
      { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', DATA_DIR: dataDir },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Berkas data tidak dapat dibaca: ${join(dataDir, 'baselines.json')}`);
    expect(result.stderr).toContain('Berkas ini tidak diubah');
    expect(await readFile(join(dataDir, 'baselines.json'), 'utf8')).toBe(corrupt);
    await expect(access(join(dataDir, 'store.lock'))).rejects.toThrow();
  });
});

/** Every file and folder under `root` (itself included) with its permission bits in octal. */
async function modesUnder(root: string): Promise<Array<[string, string, boolean]>> {
  const out: Array<[string, string, boolean]> = [['.', ((await stat(root)).mode & 0o777).toString(8), true]];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push([path.slice(root.length + 1), ((await stat(path)).mode & 0o777).toString(8), entry.isDirectory()]);
  }
  return out;
}

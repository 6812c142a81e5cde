import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../app.js';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { BotApiServer } from './bot-api-server.js';
import { DEMO_ACTOR, seedDemoData } from './demo-data.js';
import { createPersonas, DEMO_LAST_NAME, demoName } from './personas.js';
import { seedDemoFollowups } from './demo-followups.js';
import { randomBytes } from 'node:crypto';
import { runTerminalChat } from './terminal-chat.js';

/** A token of the right shape that no Telegram server knows: the sandbox never leaves 127.0.0.1. */
const SANDBOX_TOKEN = '1000001:SANDBOX-offline-token-not-for-telegram';
const SANDBOX_USER_ID = 700001;
const SETTLE_MS = 5000;

/**
 * `npm run sandbox`: the real bot against the project's Bot API stand-in on 127.0.0.1, a throwaway data folder with
 * demo figures, and a chat in this terminal. No token, no network.
 */
async function main(): Promise<void> {
  const interactive = process.stdin.isTTY;
  const dataDir = await mkdtemp(join(tmpdir(), 'ucbot-sandbox-'));
  // Files the bot sends outlive the session: the person opens the XLSX and the PNG after trying them.
  const filesDir = await mkdtemp(join(tmpdir(), 'ucbot-berkas-'));
  const api = new BotApiServer({ token: SANDBOX_TOKEN });
  await api.start();
  const logFile = join(dataDir, 'bot.log');
  const logger = createLogger('info', {
    secrets: [SANDBOX_TOKEN],
    write: (line) => appendFileSync(logFile, `${line}\n`),
  });
  const config = parseConfig({
    BOT_TOKEN: SANDBOX_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATA_DIR: dataDir,
    ADMIN_IDS: String(SANDBOX_USER_ID),
    BACKUP_KEEP: '1',
    INVITE_TTL_DAYS: '7',
    // A script on standard input types faster than any person: the flood guard is for real chats.
    RATE_LIMIT_BURST: '1000',
    RATE_LIMIT_PER_MINUTE: '6000',
  });
  if (!config.ok) throw new Error(config.error);
  const app = await startApp(config.value, { logger });
  const reports = await seedDemoData(app.store, app.regions, new Date());
  // Demo recipients, so a notice or reminder sent here reaches someone: Pangkalpinang's office group and officer.
  const demoGroup = api.group(-1001971, 'Grup Disnaker Kota Pangkal Pinang (demo)');
  await app.store.chats.link({ chatId: demoGroup.id, title: demoGroup.title ?? '', unitCode: '19.71', by: DEMO_ACTOR, at: new Date() });
  const officerName = demoName('staff');
  const officer = api.user(700002, officerName.first, { last_name: DEMO_LAST_NAME });
  await app.store.users.grant({ telegramId: officer.id, name: officerName.full, role: 'staff', scope: '19.71' }, DEMO_ACTOR, new Date());
  // The person at the terminal is a demo admin with a person's name: "Dewi Contoh (admin UC Bot)".
  const user = api.user(SANDBOX_USER_ID, demoName('admin').first, { last_name: DEMO_LAST_NAME, username: 'admin_sandbox' });
  const personas = createPersonas({ api, store: app.store, regions: app.regions, admin: user, known: [{ user: officer, role: 'staff', scope: '19.71' }], now: () => new Date() });
  // A past Babel session with its notulen and two follow-up items for Pangkalpinang, and the next session (/notulen, /tindaklanjut).
  await seedDemoFollowups(app.store, new Date(), SANDBOX_USER_ID, { past: 'de000001', next: 'de000002', items: () => randomBytes(4).toString('hex') });
  // The next session's first reminder and readiness note are due now: sent at once rather than at the next tick.
  await app.scheduler.tick();

  const out = process.stdout;
  out.write(
    [
      '==================================================================',
      ' UC Bot · SANDBOX (luring, DATA CONTOH / DEMO, bukan data resmi)',
      '==================================================================',
      ` Bot API tiruan: ${api.apiRoot} · folder data sementara: ${dataDir}`,
      ` ${reports} laporan contoh dimuat (Kepulauan Bangka Belitung lengkap, serta beberapa kota lain).`,
      ` Anda masuk sebagai admin "${demoName('admin').full}". Ketik pesan seperti di Telegram, misalnya:`,
      '   /cakupan Pangkalpinang    /cakupan Babel    /cakupan Bandung    /cakupan nasional',
      ' Tekan tombol dengan mengetik nomornya: #1, #2, ... Ketik /keluar untuk selesai.',
      ' Berperan sebagai orang lain: /sebagai petugas Pangkalpinang, /sebagai koordinator Babel, /sebagai pemantau nasional,',
      ' /sebagai admin. Pemberitahuan singkat atas tombol yang ditekan ditampilkan di bawah pesannya.',
      ` Penerima contoh: grup dan petugas (${officerName.full}) Disnaker Kota Pangkal Pinang (pesan untuk mereka tampil ringkas).`,
      ' Coba juga: /status Babel, /riwayat Pangkalpinang, /lapor Bangka Selatan, /umumkan, /jadwal.',
      ' Siklus monitoring: /notulen (sesi lalu, notulen, kehadiran XLSX), /tindaklanjut (tindak lanjut Pangkalpinang).',
      ' Rekap: /ekspor Babel, /grafik Babel, /peringkat nasional. Bahan paparan sesi: /paparan Babel.',
      ' Berkas XLSX, PPTX dan PNG disimpan di:',
      `   ${filesDir}`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await app.stop('sandbox selesai');
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void shutdown().then(() => process.exit(0));
  });
  // A scheduled notice would keep the outbox busy until its time: a script waits at most a few seconds per line.
  const settle = (): Promise<void> =>
    Promise.race([app.outbox.idle(), new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS).unref())]);
  await runTerminalChat({ api, user, input: process.stdin, output: out, interactive, settle, filesDir, switchPerson: personas.switchTo });
  out.write(`\nSandbox selesai. Folder data sementara telah dihapus; berkas yang dikirim bot tetap ada di ${filesDir}\n`);
  await shutdown();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

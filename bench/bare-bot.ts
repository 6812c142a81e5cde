// The framework floor for bench/bot.ts: a bare telegraf bot that answers /cakupan with a fixed HTML text (the very
// answer the real bot gave), polling the same Bot API stand-in.
import { readFileSync } from 'node:fs';
import { Telegraf } from 'telegraf';

const env = process.env;
const answer = readFileSync(env.ANSWER_FILE ?? '', 'utf8');
const bot = new Telegraf(env.BOT_TOKEN ?? '', { telegram: { apiRoot: env.TELEGRAM_API_ROOT ?? '' } });
bot.command('cakupan', (ctx) => ctx.reply(answer, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }));
void bot.launch();
process.once('SIGTERM', () => {
  bot.stop('SIGTERM');
  process.exit(0);
});

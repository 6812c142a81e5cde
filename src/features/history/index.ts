import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope } from '../../domain/access.js';
import type { Unit } from '../../domain/regions/directory.js';
import { splitRegionAndPeriod, type PeriodError } from '../../domain/periods.js';
import { err, ok, type Result } from '../../domain/result.js';
import { parseWeekKey, weekOf, type WeekKey } from '../../domain/weeks.js';
import { latestCurrentWeek } from '../rekap/args.js';
import { isRegistered } from '../../bot/access.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { noAccessAnswer } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { historyMessage, historyUsageMessage, noHistoryMessage, oneWeekOnlyMessage } from '../../messages/history.js';
import { periodErrorMessage } from '../../messages/rekap.js';
import type { Html } from '../../messages/html.js';

const FEATURE = 'his';

/**
 * The unit and the week of `/riwayat <unit> [week]`, read as `/ekspor` reads its period (`minggu 46`, `minggu ini`,
 * `mg 46`, `2026-W46`), plus the bare week number `/riwayat` always took (`Pangkalpinang 46`).
 */
function splitUnitAndWeek(payload: string, now: Date): { query: string; week: Result<WeekKey | undefined, PeriodError | { kind: 'not_one_week' }> } {
  const current = latestCurrentWeek(now);
  let { region, period, named } = splitRegionAndPeriod(payload, current);
  const bare = /^(.+?)\s+(\d{1,2})$/.exec(payload.trim());
  if (!named && bare?.[1] && bare[2]) ({ region, period, named } = splitRegionAndPeriod(`${bare[1]} minggu ${bare[2]}`, current));
  if (!named) return { query: region, week: ok(undefined) };
  if (!period.ok) return { query: region, week: period };
  if (period.value.from !== period.value.to) return { query: region, week: err({ kind: 'not_one_week' }) };
  return { query: region, week: ok(period.value.to) };
}

/** `minggu ini` is the unit's own current week (WIT is a few hours ahead of WIB on Sunday night). */
function ownWeek(unit: Unit, words: string, week: WeekKey, now: Date): WeekKey {
  return /(?:minggu|pekan) ini$/i.test(words.trim()) ? weekOf(now, unit.zone.iana) : week;
}

/** /history (/riwayat) <unit> [week]: every revision, with who, when, and old -> new per field. */
export function historyFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const view = async (unit: Unit, week: WeekKey | undefined): Promise<Html> => {
    const report = week ? await deps.store.reports.get(unit.code, week) : await deps.store.reports.latest(unit.code);
    return report ? historyMessage(unit, report.week, report.revisions) : noHistoryMessage(unit, week);
  };

  const registered = new Composer<BotContext>();
  registered.command(['history', 'riwayat'], async (ctx) => {
    const { query, week: asked } = splitUnitAndWeek(ctx.payload, deps.clock());
    if (!asked.ok) return replyHtml(ctx, asked.error.kind === 'not_one_week' ? oneWeekOnlyMessage() : periodErrorMessage(asked.error), deps.sleep);
    const access = ctx.access;
    let unit: Unit | undefined;
    if (query === '') {
      const own = ownScope(access);
      unit = own === undefined || own === NATIONAL ? undefined : deps.regions.get(own);
      if (!unit) return replyHtml(ctx, historyUsageMessage(), deps.sleep);
    } else {
      const answer = resolveUnit(deps.regions, query, (code) => code !== NATIONAL && canQuery(access, code), {
        feature: FEATURE,
        action: 'u',
      });
      // The week travels with the press (`his:u:<code>~<week>`), so choosing the unit keeps it.
      const tail = asked.value ? `~${asked.value}` : '';
      const buttons = answer.kind === 'ask' ? answer.buttons?.map((row) => row.map((b) => ({ ...b, callback_data: `${b.callback_data}${tail}` }))) : undefined;
      if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, { buttons });
      if (answer.kind === 'national') return replyHtml(ctx, historyUsageMessage(), deps.sleep);
      unit = answer.unit;
    }
    const week = asked.value && ownWeek(unit, ctx.payload, asked.value, deps.clock());
    await replyHtml(ctx, await view(unit, week), deps.sleep);
  });
  registered.action(/^his:/, async (ctx) => {
    const data = pressedData(ctx);
    const [code, weekText] = data?.action === 'u' ? data.arg.split('~') : [];
    const unit = code === undefined ? undefined : deps.regions.get(code);
    const week = weekText === undefined ? undefined : parseWeekKey(weekText);
    if (!unit || !canQuery(ctx.access, unit.code) || (week !== undefined && !week.ok)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await editOrReplyHtml(ctx, await view(unit, week?.ok ? week.value.key : undefined), deps.sleep);
  });

  const refused = new Composer<BotContext>();
  refused.command(['history', 'riwayat'], async (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^his:/, async (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}

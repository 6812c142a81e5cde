import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope } from '../../domain/access.js';
import type { Unit } from '../../domain/regions/directory.js';
import { parseWeekKey, weekKey, weekOf, type WeekKey, weekYear } from '../../domain/weeks.js';
import { isRegistered } from '../../bot/access.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { noAccessAnswer } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { badWeekMessage, historyMessage, historyUsageMessage, noHistoryMessage } from '../../messages/history.js';
import type { Html } from '../../messages/html.js';

const FEATURE = 'his';

/** `2026-W47`, or a bare week number (`47`, `W47`) meaning this year in the unit's zone. */
function weekArg(text: string, unit: Unit, now: Date): WeekKey | 'bad' {
  const bare = /^w?(\d{1,2})$/i.exec(text);
  if (bare) {
    const year = weekYear(weekOf(now, unit.zone.iana));
    const parsed = parseWeekKey(weekKey(year, Number(bare[1])));
    return parsed.ok ? parsed.value.key : 'bad';
  }
  const parsed = parseWeekKey(text);
  return parsed.ok ? parsed.value.key : 'bad';
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
    const words = ctx.payload.trim().split(/\s+/).filter(Boolean);
    const last = words[words.length - 1] ?? '';
    const hasWeek = /^(\d{4}-w\d{2}|w?\d{1,2})$/i.test(last) && words.length > 1;
    const query = (hasWeek ? words.slice(0, -1) : words).join(' ');
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
      if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
      if (answer.kind === 'national') return replyHtml(ctx, historyUsageMessage(), deps.sleep);
      unit = answer.unit;
    }
    const week = hasWeek ? weekArg(last, unit, deps.clock()) : undefined;
    if (week === 'bad') return replyHtml(ctx, badWeekMessage(last), deps.sleep);
    await replyHtml(ctx, await view(unit, week), deps.sleep);
  });
  registered.action(/^his:/, async (ctx) => {
    const data = pressedData(ctx);
    const unit = data?.action === 'u' ? deps.regions.get(data.arg) : undefined;
    if (!unit || !canQuery(ctx.access, unit.code)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await editOrReplyHtml(ctx, await view(unit, undefined), deps.sleep);
  });

  const refused = new Composer<BotContext>();
  refused.command(['history', 'riwayat'], async (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^his:/, async (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}

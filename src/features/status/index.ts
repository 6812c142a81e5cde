import { Composer } from 'telegraf';
import { canQuery, NATIONAL, ownScope } from '../../domain/access.js';
import { deadlineOf } from '../../domain/deadline.js';
import type { RegionDirectory, Unit } from '../../domain/regions/directory.js';
import { weekOf } from '../../domain/weeks.js';
import { WIB } from '../../domain/zones.js';
import { isRegistered } from '../../bot/access.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import type { Html } from '../../messages/html.js';
import { statusMessage, type UnitStatus } from '../../messages/status.js';
import type { Store } from '../../store/store.js';

const FEATURE = 'sts';

/** Where a report stands this week for one unit, in its own zone. */
export async function unitStatus(store: Store, unit: Unit, now: Date): Promise<UnitStatus> {
  const week = weekOf(now, unit.zone.iana);
  const report = await store.reports.get(unit.code, week);
  const first = report?.revisions[0];
  if (report && first) {
    return { unit, week, reported: { at: new Date(first.at), by: first.by.name, revisions: report.revisions.length } };
  }
  const earlier = await store.reports.latest(unit.code, week);
  return { unit, week, lastWeek: earlier?.week };
}

/** The units a status covers: a province government and its kab/kota, the nation, or one unit. */
function unitsOf(regions: RegionDirectory, target: Unit | 'national'): Unit[] {
  if (target === 'national') return regions.provinces.flatMap((p) => [p, ...regions.regenciesOf(p.code)]);
  if (target.kind === 'provinsi') return [target, ...regions.regenciesOf(target.code)];
  return [target];
}

/** /status [province | nasional | unit]: who has and has not reported this week, counts first. */
export function statusFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const view = async (target: Unit | 'national'): Promise<Html> => {
    const now = deps.clock();
    const statuses: UnitStatus[] = [];
    for (const unit of unitsOf(deps.regions, target)) statuses.push(await unitStatus(deps.store, unit, now));
    const zone = target === 'national' ? WIB : target.zone;
    const week = weekOf(now, zone.iana);
    const byProvince =
      target === 'national'
        ? deps.regions.provinces.map((province) => {
            const own = statuses.filter((s) => s.unit.provinceCode === province.code);
            return { province, reported: own.filter((s) => s.reported).length, total: own.length };
          })
        : undefined;
    return statusMessage({
      title: target === 'national' ? 'Nasional' : target.name,
      week,
      zone,
      statuses,
      deadline: deps.reportDeadline,
      deadlineAt: deadlineOf(week, zone.iana, deps.reportDeadline),
      ...(byProvince ? { byProvince } : {}),
      mixedZones: target === 'national',
    });
  };

  const registered = new Composer<BotContext>();
  registered.command('status', async (ctx) => {
    const query = ctx.payload.trim();
    const access = ctx.access;
    if (query === '') {
      const own = ownScope(access);
      const unit = own === undefined || own === NATIONAL ? undefined : deps.regions.get(own);
      return replyHtml(ctx, await view(unit ?? 'national'), deps.sleep);
    }
    const answer = resolveUnit(deps.regions, query, (code) => canQuery(access, code), { feature: FEATURE, action: 'u' });
    if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, { buttons: answer.buttons });
    await replyHtml(ctx, await view(answer.kind === 'national' ? 'national' : answer.unit), deps.sleep);
  });
  registered.action(/^sts:/, async (ctx) => {
    const data = pressedData(ctx);
    const unit = data?.action === 'u' ? deps.regions.get(data.arg) : undefined;
    if (!unit || !canQuery(ctx.access, unit.code)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      if (unit) await replyHtml(ctx, outOfScopeMessage(unit.name), deps.sleep);
      return;
    }
    await ctx.answerCbQuery();
    await editOrReplyHtml(ctx, await view(unit), deps.sleep);
  });

  const refused = new Composer<BotContext>();
  refused.command('status', async (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^sts:/, async (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}


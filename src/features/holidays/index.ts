import { Composer } from 'telegraf';
import { homeZone, isCoordinatorOrAdmin, NATIONAL, ownScope, type Access } from '../../domain/access.js';
import { deadlineOf } from '../../domain/deadline.js';
import { EVERY_PROVINCE, firstUncoveredDeadline } from '../../domain/holidays.js';
import { CALENDAR_WARNING_DAYS } from '../../scheduler/calendar.js';
import { localDateOf } from '../../domain/when.js';
import { isRegistered } from '../../bot/access.js';
import { actorOf } from '../../bot/actor.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { readScopeArgument } from '../../bot/scope-argument.js';
import { scopeArgumentProblem } from '../../messages/scope-argument.js';
import { replyHtml } from '../../bot/reply.js';
import { notRegisteredMessage } from '../../messages/common.js';
import {
  holidayAddedMessage,
  holidayNotAllowedMessage,
  holidayNotFoundMessage,
  holidayRemovedMessage,
  holidayUsageMessage,
  holidaysMessage,
} from '../../messages/holidays.js';

/** How far ahead /libur looks. */
const LOOK_AHEAD_DAYS = 120;
const DAY_MS = 86_400_000;

/** Admins and national coordinators keep the calendar (a decree changes, a province has its own day). */
const canEdit = (a: Access): boolean => a.role === 'admin' || (a.role === 'coordinator' && a.scope === NATIONAL);
const provinceOf = (a: Access): string | undefined => {
  const scope = ownScope(a);
  return scope === undefined || scope === NATIONAL ? undefined : scope.slice(0, 2);
};
const ymd = (d: { year: number; month: number; day: number }): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** /libur (/holidays): the coming days off that move deadlines; admins and national coordinators add or remove one. */
export function holidaysFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const registered = new Composer<BotContext>();
  const calendar = deps.reportDeadline.holidays;
  const provinceName = (code: string): string => deps.regions.get(code)?.name ?? `provinsi ${code}`;

  registered.command(['holidays', 'libur'], async (ctx) => {
    const access = ctx.access;
    const zone = homeZone(access);
    const payload = ctx.payload.trim();
    // `/libur Babel`: the days of the province named (within the person's scope), in its zone.
    const named = /^(tambah|hapus)\b/i.test(payload) ? undefined : readScopeArgument(deps.regions, access, payload);
    if (named && named.kind !== 'none' && named.kind !== 'national' && named.kind !== 'unit') return replyHtml(ctx, scopeArgumentProblem(named, '/libur Babel'), deps.sleep);
    if (named) {
      const place = named.kind === 'unit' ? (deps.regions.get(named.unit.provinceCode) ?? named.unit) : undefined;
      const province = named.kind === 'national' ? undefined : (place?.code ?? provinceOf(access));
      const where = place?.zone ?? zone;
      const today = ymd(localDateOf(deps.clock(), where.iana));
      const until = new Date(deps.clock().getTime() + LOOK_AHEAD_DAYS * DAY_MS).toISOString().slice(0, 10);
      // Someone who sees every province (an admin, a national role) sees every province's own days too.
      const days = calendar?.between(today, until, province ?? EVERY_PROVINCE) ?? [];
      // The calendar's keepers and the coordinators who chase deadlines are told of a year nobody has entered.
      const gap = calendar && isCoordinatorOrAdmin(access) ? firstUncoveredDeadline(calendar, deps.clock(), CALENDAR_WARNING_DAYS, (week) => deadlineOf(week, where.iana, deps.reportDeadline, province), where.iana) : undefined;
      return replyHtml(ctx, holidaysMessage(days, where, canEdit(access), until, provinceName, gap), deps.sleep);
    }
    if (!canEdit(access)) return replyHtml(ctx, holidayNotAllowedMessage(), deps.sleep);
    const m = /^(tambah|hapus)\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*?))?(?:\s+(\d{2}))?\s*$/i.exec(payload);
    const action = m?.[1]?.toLowerCase();
    const date = m?.[2];
    const name = m?.[3]?.trim();
    const province = m?.[4] ?? (name && /^\d{2}$/.test(name) ? name : undefined);
    const validProvince = province === undefined || deps.regions.get(province)?.kind === 'provinsi';
    if (!action || !date || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !validProvince) return replyHtml(ctx, holidayUsageMessage(), deps.sleep);
    const now = deps.clock();
    if (action === 'tambah') {
      const label = name && !/^\d{2}$/.test(name) ? name : undefined;
      if (!label) return replyHtml(ctx, holidayUsageMessage(), deps.sleep);
      const holiday = { date, name: label, kind: province ? ('daerah' as const) : ('libur' as const), reference: `Ditambahkan oleh ${actorOf(ctx).name}`, ...(province ? { province } : {}) };
      await deps.store.holidays.add(holiday);
      await deps.store.audit.record({ at: now, actor: actorOf(ctx), action: 'holiday.add', scope: province ?? NATIONAL, details: { date, name: label, ...(province ? { province } : {}) } });
      return replyHtml(ctx, holidayAddedMessage(holiday, homeZone(access), provinceName), deps.sleep);
    }
    const existing = calendar?.on(date, province).filter((h) => (h.province ?? undefined) === province) ?? [];
    if (existing.length === 0) return replyHtml(ctx, holidayNotFoundMessage(date), deps.sleep);
    await deps.store.holidays.remove(date, province);
    await deps.store.audit.record({ at: now, actor: actorOf(ctx), action: 'holiday.remove', scope: province ?? NATIONAL, details: { date, ...(province ? { province } : {}) } });
    await replyHtml(ctx, holidayRemovedMessage(date, province), deps.sleep);
  });

  const refused = new Composer<BotContext>();
  refused.command(['holidays', 'libur'], (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  feature.use(Composer.branch(isRegistered, registered, refused));
  return feature;
}

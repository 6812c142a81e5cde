import { randomBytes } from 'node:crypto';
import { Composer, Markup } from 'telegraf';
import { covers, homeZone, isCoordinatorOrAdmin, NATIONAL, ownScope, type Access } from '../../domain/access.js';
import { attendanceOfCode } from '../../domain/attendance.js';
import { audienceUnits } from '../../domain/audience.js';
import { reminderPlan } from '../../domain/durations.js';
import type { Zone } from '../../domain/zones.js';
import { actorOf } from '../../bot/actor.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate, startFlow } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { MEETING_FEATURE, meetingStep, startMeeting, startReschedule, type MeetingEffect, type MeetingFacts, type MeetingState } from '../../flows/meeting.js';
import type { Reply } from '../../flows/step.js';
import { expiredButtonAnswer, noAccessAnswer, personWithRole, ROLE_LABELS } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { FOLLOWUP_LABELS } from '../../messages/followups.js';
import {
  attendanceMessage,
  attendanceThanks,
  cancelledNoticeMessage,
  MEETING_LABELS,
  meetingChangedMessage,
  meetingSavedMessage,
  meetingsListMessage,
  meetingText,
  rescheduledMessage,
  sessionTag,
  type PendingUnit,
} from '../../messages/meetings.js';
import { meetingAudience, roleOf } from '../../queries/recipients.js';
import { meetingIcsPart, meetingParties, withIcs, zoneNamed } from '../../scheduler/meetings.js';
import type { FilePart, Meeting, MessageBody } from '../../store/schema.js';

const FEATURE = MEETING_FEATURE;

/** Sessions are for registered people; without a scope nothing is covered (the empty scope covers no unit). */
const scopeOf = (a: Access): string => ownScope(a) ?? '';
const zoneOf = homeZone;

/**
 * /sessions (/jadwal): upcoming Kemendagri monitoring sessions in scope. Coordinators add one through a guided flow
 * (title, date, time with zone, length, place, agenda, audience, preview), reschedule and cancel (the audience is told;
 * reminders not yet sent are withdrawn), and see attendance from the reminders' buttons.
 */
export function meetingsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;

  /** Organisers manage the sessions made within their scope. */
  const canManage = (a: Access, m: Meeting): boolean =>
    a.role === 'admin' || (a.role === 'coordinator' && covers(a.scope, m.scope === NATIONAL ? NATIONAL : m.scope));
  /** Everyone sees the sessions whose audience reaches their scope. */
  const canSee = (a: Access, m: Meeting): boolean =>
    canManage(a, m) || audienceUnits(m.audience, m.scope, regions).some((u) => covers(scopeOf(a), u.code));

  const upcoming = (a: Access): Meeting[] =>
    store.meetings
      .all()
      .filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) + m.durationMinutes * 60_000 > deps.clock().getTime())
      .filter((m) => canSee(a, m))
      .sort((x, y) => x.startsAt.localeCompare(y.startsAt));

  const partiesOf = (m: Meeting) => meetingParties(store, regions, deps.adminIds, m);

  /** The audience's units from which nobody has answered yet, with the people and groups who could. */
  const pendingOf = (m: Meeting): PendingUnit[] => {
    const answeredBy = new Set(m.attendance.map((a) => a.telegramId));
    const answeredFor = new Set(m.attendance.map((a) => a.scope));
    return meetingAudience(store, regions, m)
      .units.filter((u) => !answeredFor.has(u.code))
      .map((u) => ({
        unit: u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name,
        people: store.users
          .active()
          .filter((p) => p.scope === u.code && (p.role === 'staff' || p.role === 'viewer') && !answeredBy.has(p.telegramId))
          .map((p) => `${p.name} (${ROLE_LABELS[p.role]})`),
        groups: store.chats.linksOf(u.code).map((g) => g.title),
      }));
  };

  const button = (label: string, action: string, arg: string) => Markup.button.callback(label, encodeCallback(FEATURE, action, arg));

  const showList = async (ctx: BotContext): Promise<void> => {
    const meetings = upcoming(ctx.access);
    const buttons = meetings
      .filter((m) => canManage(ctx.access, m))
      // One full-width button per action, each naming its session (title and day): a row of three "Ubah waktu 1"
      // did not say which session, and three long labels on one row are cut short on a phone.
      .flatMap((m) => {
        const tag = sessionTag(m, zoneOf(ctx.access));
        return [[button(MEETING_LABELS.reschedule(tag), 'rs', m.id)], [button(MEETING_LABELS.cancelMeeting(tag), 'cx', m.id)], [button(MEETING_LABELS.attendance(tag), 'att', m.id)],
          // "Ingatkan yang belum melapor": handled by the follow-ups feature (features/followups/nudge.ts).
          [Markup.button.callback(FOLLOWUP_LABELS.nudge(tag), encodeCallback('nts', 'ngt', m.id))],
        ];
      });
    if (isCoordinatorOrAdmin(ctx.access)) buttons.push([button(MEETING_LABELS.add, 'add', 'x')]);
    await replyHtml(ctx, meetingsListMessage(meetings, zoneOf(ctx.access), partiesOf), deps.sleep, { buttons });
  };

  /** Tells a session's audience about a change, through the outbox, each in their own zone. */
  const tellAudience = async (m: Meeting, id: string, title: string, body: (zone: Zone) => string, ics?: FilePart): Promise<number> => {
    const { recipients } = meetingAudience(store, regions, m);
    const bodies: Record<string, MessageBody> = {};
    for (const label of new Set(recipients.map((r) => r.variant))) bodies[label] = ics ? withIcs(ics, body(zoneNamed(label))) : { format: 'html', text: body(zoneNamed(label)) };
    await deps.outbox.enqueue({ id, kind: 'notice', title, bodies, recipients });
    return recipients.length;
  };

  const facts = (ctx: BotContext): MeetingFacts => ({
    access: ctx.access,
    regions,
    now: deps.clock(),
    scope: scopeOf(ctx.access),
    zone: zoneOf(ctx.access),
    actor: actorOf(ctx),
    chatId: ctx.chat?.id ?? 0,
    managed: (id) => {
      const m = store.meetings.get(id);
      return m && m.status === 'scheduled' && canManage(ctx.access, m) ? m : undefined;
    },
    reach: (m) => {
      const { units, recipients } = meetingAudience(store, regions, m);
      return { units: units.length, chats: recipients.length };
    },
    parties: partiesOf,
    zoneNamed,
  });

  /** Saving a new meeting, or moving one: stored, audited, the audience told; the organiser answered. */
  const perform = async (ctx: BotContext, effect: MeetingEffect): Promise<Reply[]> => {
    if (effect.kind === 'save') {
      const m = effect.meeting;
      await store.meetings.add(m);
      await store.audit.record({ at: deps.clock(), actor: m.createdBy, action: 'session.create', scope: m.scope, details: { meeting: m.id, title: m.title, startsAt: m.startsAt } });
      deps.outbox.poke();
      return [{ message: meetingSavedMessage(m, zoneNamed(m.zone), reminderPlan(deps.meetingReminders, Date.parse(m.startsAt), deps.clock().getTime())) }];
    }
    const m = store.meetings.get(effect.meetingId);
    if (!m || !canManage(ctx.access, m)) return [];
    const previous = new Date(m.startsAt);
    // The zone the new time was typed in only reads that time: the organiser keeps their own zone.
    const updated = await store.meetings.update(m.id, (x) => Object.assign(x, { startsAt: effect.startsAt, version: x.version + 1 }));
    if (!updated) return [];
    await deps.outbox.cancel((item) => item.id.startsWith(`rem-${m.id}-`) || item.id.startsWith(`rdy-${m.id}-`), 'meeting rescheduled');
    const parties = partiesOf(updated);
    const ics = await meetingIcsPart(store, updated, parties.organiser, deps.clock());
    const chats = await tellAudience(updated, `chg-${m.id}-v${updated.version}`, meetingText.changeTitle(m.title), (z) => rescheduledMessage(updated, z, previous, parties).text, ics);
    await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'session.reschedule', scope: m.scope, details: { meeting: m.id, from: previous.toISOString(), to: effect.startsAt } });
    return [{ message: meetingChangedMessage(chats) }];
  };

  const registered = new Composer<BotContext>();
  registered.command(['sessions', 'jadwal'], showList);

  // Managing stored meetings: adding, rescheduling, cancelling, attendance. Presses of a flow's own buttons go on.
  registered.action(/^jdw:(add|rs|att|cx|cxok|no):/, async (ctx) => {
    const data = pressedData(ctx);
    if (!data) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (data.action === 'add') {
      if (!isCoordinatorOrAdmin(ctx.access) || !isPrivate(ctx)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
      return applyStep(ctx, deps, startMeeting(randomBytes(4).toString('hex')), (effect) => perform(ctx, effect));
    }
    const m = store.meetings.get(data.arg);
    if (!m || m.status !== 'scheduled') return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canManage(ctx.access, m)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    await ctx.answerCbQuery();
    switch (data.action) {
      case 'att':
        return replyHtml(ctx, attendanceMessage(m, (a) => personWithRole(a.name, roleOf(store, deps.adminIds, a.telegramId), regions), pendingOf(m)), deps.sleep);
      case 'rs': {
        if (!isPrivate(ctx)) return;
        const started = startReschedule(randomBytes(4).toString('hex'), m, facts(ctx));
        if (started.state) startFlow(ctx, started.state, deps.clock());
        for (const r of started.replies) if ('message' in r) await replyHtml(ctx, r.message, deps.sleep);
        return;
      }
      case 'cx':
        return replyHtml(ctx, meetingText.confirmCancel(m.title), deps.sleep, {
          buttons: [[button(MEETING_LABELS.confirmCancel, 'cxok', m.id), button(MEETING_LABELS.keep, 'no', m.id)]],
        });
      case 'cxok': {
        const cancelled = await store.meetings.update(m.id, (x) => Object.assign(x, { status: 'cancelled' }));
        if (!cancelled) return;
        await deps.outbox.cancel((item) => item.id.startsWith(`rem-${m.id}-`) || item.id.startsWith(`rdy-${m.id}-`), 'meeting cancelled');
        const organiser = partiesOf(cancelled).organiser;
        const chats = await tellAudience(cancelled, `cxl-${m.id}`, meetingText.cancelTitle(m.title), (z) => cancelledNoticeMessage(cancelled, z, organiser).text);
        await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'session.cancel', scope: m.scope, details: { meeting: m.id, title: m.title } });
        return editOrReplyHtml(ctx, meetingChangedMessage(chats), deps.sleep);
      }
      case 'no':
        return editOrReplyHtml(ctx, meetingText.nothingChanged(), deps.sleep);
    }
  });

  // Attendance from the reminders' buttons: any registered person, in a private chat or a linked group.
  registered.action(/^att:([0-9a-f]{8}):([a-z])$/, async (ctx) => {
    const [, id = '', key = ''] = ctx.match;
    const m = store.meetings.get(id);
    const status = attendanceOfCode(key);
    if (!m || !status || m.status !== 'scheduled' || !ctx.from || !canSee(ctx.access, m)) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    const from = ctx.from;
    await store.meetings.update(id, (x) => {
      x.attendance = [
        ...x.attendance.filter((a) => a.telegramId !== from.id),
        { telegramId: from.id, name: actorOf(ctx).name, scope: scopeOf(ctx.access), status, at: deps.clock().toISOString() },
      ];
    });
    await ctx.answerCbQuery(attendanceThanks(status));
  });

  // The flow itself (flows/meeting.ts): its buttons, and typed answers in a private chat.
  registered.use(
    Composer.optional(
      (ctx: BotContext) => isPrivate(ctx) || ctx.callbackQuery !== undefined,
      guidedFlow<MeetingState, MeetingEffect, MeetingFacts>(deps, { name: 'meeting', feature: FEATURE, facts, step: meetingStep, perform }),
    ),
  );

  const refused = new Composer<BotContext>();
  refused.command(['sessions', 'jadwal'], (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^(jdw|att):/, (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch((ctx: BotContext) => ctx.access.role !== 'unknown', registered, refused));
  return feature;
}

import { randomBytes } from 'node:crypto';
import { Composer, Markup } from 'telegraf';
import { covers, homeZone, isCoordinatorOrAdmin, NATIONAL, ownScope, type Access } from '../../domain/access.js';
import { audienceUnits } from '../../domain/audience.js';
import { parseMeetingLength } from '../../domain/durations.js';
import { localDateOf, parseLocalDate, parseLocalTime, toInstant, ZONE_IANA } from '../../domain/when.js';
import type { Zone } from '../../domain/zones.js';
import { actorOf } from '../../bot/actor.js';
import { audienceButtons, listKindOf, readAudienceList } from '../../flows/audience-picker.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext, MeetingFlow } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from '../../bot/flow.js';
import { editOrReplyHtml, replyHtml } from '../../bot/reply.js';
import { expiredButtonAnswer, flowCancelledMessage, noAccessAnswer, personWithRole, ROLE_LABELS } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import {
  askAudienceListMessage,
  askAudienceMessage,
} from '../../messages/broadcast.js';
import type { html} from '../../messages/html.js';
import { lines } from '../../messages/html.js';
import {
  attendanceMessage,
  attendanceThanks,
  cancelledNoticeMessage,
  rescheduledMessage,
  meetingAsk,
  meetingChangedMessage,
  meetingPreviewMessage,
  meetingSavedMessage,
  meetingsListMessage,
  meetingText,
  lengthErrorText,
  type PendingUnit,
} from '../../messages/meetings.js';
import { whenErrorText } from '../../messages/when.js';
import { meetingAudience, roleOf } from '../../scheduler/recipients.js';
import { meetingParties, zoneNamed } from '../../scheduler/meetings.js';
import { attendanceOfCode } from '../../domain/attendance.js';
import type { Meeting, MessageBody } from '../../store/schema.js';

const FEATURE = 'jdw';
const MAX_TEXT = 1000;

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
      .map((m) => [button(`Ubah waktu ${meetings.indexOf(m) + 1}`, 'rs', m.id), button(`Batalkan ${meetings.indexOf(m) + 1}`, 'cx', m.id), button(`Kehadiran ${meetings.indexOf(m) + 1}`, 'att', m.id)]);
    if (isCoordinatorOrAdmin(ctx.access)) buttons.push([button('Tambah sesi', 'add', 'x')]);
    await replyHtml(ctx, meetingsListMessage(meetings, zoneOf(ctx.access), partiesOf), deps.sleep, { buttons });
  };

  const draftMeeting = (ctx: BotContext, flow: MeetingFlow): Meeting | undefined => {
    const d = flow.draft;
    if (!d.title || !d.startsAt || !d.zone || !d.minutes || !d.place || !d.agenda || !d.audience || !ctx.chat) return undefined;
    return {
      id: flow.id,
      title: d.title,
      startsAt: d.startsAt,
      zone: d.zone,
      durationMinutes: d.minutes,
      place: d.place,
      agenda: d.agenda,
      audience: d.audience,
      scope: scopeOf(ctx.access),
      createdBy: actorOf(ctx),
      organiserChatId: ctx.chat.id,
      createdAt: deps.clock().toISOString(),
      version: 1,
      status: 'scheduled',
      attendance: [],
    };
  };

  const preview = async (ctx: BotContext, flow: MeetingFlow): Promise<void> => {
    const m = draftMeeting(ctx, flow);
    if (!m) return;
    const { units, recipients } = meetingAudience(store, regions, m);
    startFlow(ctx, { ...flow, step: 'preview' }, deps.clock());
    await replyHtml(ctx, meetingPreviewMessage(m, zoneNamed(m.zone), partiesOf(m), recipients.length, units.length), deps.sleep, {
      buttons: [[button('Simpan jadwal', 'save', flow.id), button('Batal', 'x', flow.id)]],
    });
  };

  /** Tells a session's audience about a change, through the outbox, each in their own zone. */
  const tellAudience = async (m: Meeting, id: string, title: string, body: (zone: Zone) => string): Promise<number> => {
    const { recipients } = meetingAudience(store, regions, m);
    const bodies: Record<string, MessageBody> = {};
    for (const label of new Set(recipients.map((r) => r.variant))) bodies[label] = { format: 'html', text: body(zoneNamed(label)) };
    await deps.outbox.enqueue({ id, kind: 'notice', title, bodies, recipients });
    return recipients.length;
  };

  /** Parses a time for the date in the flow; the zone written, or the organiser's. */
  const startsAt = (ctx: BotContext, flow: MeetingFlow, text: string): { at: Date; zone: 'WIB' | 'WITA' | 'WIT' } | string => {
    const time = parseLocalTime(text);
    if (!time.ok) return whenErrorText(time.error);
    const zone = time.value.zone ?? zoneOf(ctx.access).label;
    const date = flow.draft.date;
    if (!date) return whenErrorText({ kind: 'date_format', input: text });
    const at = toInstant(date, time.value, ZONE_IANA[zone]);
    if (at <= deps.clock()) return whenErrorText({ kind: 'past', input: text });
    return { at, zone };
  };

  const registered = new Composer<BotContext>();
  registered.command(['sessions', 'jadwal'], showList);

  registered.action(/^jdw:/, async (ctx) => {
    const data = pressedData(ctx);
    if (!data) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (data.action === 'add') {
      if (!isCoordinatorOrAdmin(ctx.access) || !isPrivate(ctx)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
      await ctx.answerCbQuery();
      startFlow(ctx, { name: 'meeting', id: randomBytes(4).toString('hex'), step: 'title', draft: {} }, deps.clock());
      return replyHtml(ctx, meetingAsk.title(), deps.sleep);
    }
    const flow = currentFlow(ctx);
    const pending = flow?.name === 'meeting' && flow.id === data.arg ? flow : undefined;
    if (pending && ['all', 'prov', 'unit', 'save', 'x', 'rsok'].includes(data.action)) {
      await ctx.answerCbQuery();
      switch (data.action) {
        case 'all':
          return pending.step === 'audience' ? preview(ctx, { ...pending, draft: { ...pending.draft, audience: { kind: 'all' } } }) : undefined;
        case 'prov':
        case 'unit': {
          if (pending.step !== 'audience') return;
          const listKind = listKindOf(data.action);
          startFlow(ctx, { ...pending, step: 'audience_list', listKind }, deps.clock());
          return replyHtml(ctx, askAudienceListMessage(listKind), deps.sleep);
        }
        case 'save': {
          const m = pending.step === 'preview' ? draftMeeting(ctx, pending) : undefined;
          if (!m) return;
          await store.meetings.add(m);
          await store.audit.record({ at: deps.clock(), actor: m.createdBy, action: 'session.create', scope: m.scope, details: { meeting: m.id, title: m.title, startsAt: m.startsAt } });
          endFlow(ctx);
          deps.outbox.poke();
          return replyHtml(ctx, meetingSavedMessage(m, zoneNamed(m.zone), deps.meetingReminders), deps.sleep);
        }
        case 'rsok': {
          const m = pending.meetingId ? store.meetings.get(pending.meetingId) : undefined;
          const at = pending.draft.startsAt;
          if (!m || !at || !pending.draft.zone || !canManage(ctx.access, m) || pending.step !== 'rs_confirm') return;
          const previous = new Date(m.startsAt);
          // The zone the new time was typed in only reads that time: the organiser keeps their own zone.
          const updated = await store.meetings.update(m.id, (x) => Object.assign(x, { startsAt: at, version: x.version + 1 }));
          if (!updated) return;
          await deps.outbox.cancel((item) => item.id.startsWith(`rem-${m.id}-`) || item.id.startsWith(`rdy-${m.id}-`), 'meeting rescheduled');
          const parties = partiesOf(updated);
          const chats = await tellAudience(updated, `chg-${m.id}-v${updated.version}`, meetingText.changeTitle(m.title), (z) => rescheduledMessage(updated, z, previous, parties).text);
          await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'session.reschedule', scope: m.scope, details: { meeting: m.id, from: previous.toISOString(), to: at } });
          endFlow(ctx);
          return replyHtml(ctx, meetingChangedMessage(chats), deps.sleep);
        }
        case 'x':
          endFlow(ctx);
          return replyHtml(ctx, flowCancelledMessage(), deps.sleep);
      }
      return;
    }
    const m = store.meetings.get(data.arg);
    if (!m || m.status !== 'scheduled') return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canManage(ctx.access, m)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    await ctx.answerCbQuery();
    switch (data.action) {
      case 'att':
        return replyHtml(ctx, attendanceMessage(m, (a) => personWithRole(a.name, roleOf(store, deps.adminIds, a.telegramId), regions), pendingOf(m)), deps.sleep);
      case 'rs':
        if (!isPrivate(ctx)) return;
        startFlow(ctx, { name: 'meeting', id: randomBytes(4).toString('hex'), step: 'rs_date', meetingId: m.id, draft: {} }, deps.clock());
        return replyHtml(ctx, lines(meetingText.rescheduling(m.title), meetingAsk.date()), deps.sleep);
      case 'cx':
        return replyHtml(ctx, meetingText.confirmCancel(m.title), deps.sleep, {
          buttons: [[button('Ya, batalkan sesi', 'cxok', m.id), button('Tidak', 'no', m.id)]],
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

  registered.on('text', async (ctx, next) => {
    const flow = currentFlow(ctx);
    const text = ctx.message.text.trim();
    if (flow?.name !== 'meeting' || !isPrivate(ctx) || text.startsWith('/')) return next();
    if (!isCoordinatorOrAdmin(ctx.access)) {
      endFlow(ctx);
      return next();
    }
    const ask = (step: MeetingFlow['step'], draft: MeetingFlow['draft'], message: ReturnType<typeof html>) => {
      startFlow(ctx, { ...flow, step, draft }, deps.clock());
      return replyHtml(ctx, message, deps.sleep);
    };
    const tooLong = text.length > MAX_TEXT ? meetingText.tooLong(MAX_TEXT) : undefined;
    if (tooLong) return replyHtml(ctx, tooLong, deps.sleep);
    switch (flow.step) {
      case 'title':
        return ask('date', { ...flow.draft, title: text }, meetingAsk.date());
      case 'date':
      case 'rs_date': {
        const date = parseLocalDate(text, localDateOf(deps.clock(), zoneOf(ctx.access).iana));
        if (!date.ok) return replyHtml(ctx, meetingText.problem(whenErrorText(date.error)), deps.sleep);
        return ask(flow.step === 'date' ? 'time' : 'rs_time', { ...flow.draft, date: date.value }, meetingAsk.time(zoneOf(ctx.access)));
      }
      case 'time':
      case 'rs_time': {
        const at = startsAt(ctx, flow, text);
        if (typeof at === 'string') return replyHtml(ctx, meetingText.problem(at), deps.sleep);
        const draft = { ...flow.draft, startsAt: at.at.toISOString(), zone: at.zone };
        if (flow.step === 'time') return ask('length', draft, meetingAsk.length());
        const m = flow.meetingId ? store.meetings.get(flow.meetingId) : undefined;
        if (!m) return;
        startFlow(ctx, { ...flow, step: 'rs_confirm', draft }, deps.clock());
        const moved: Meeting = { ...m, startsAt: draft.startsAt };
        return replyHtml(ctx, lines(meetingText.newTime(m.title), ...meetingPreviewLines(moved)), deps.sleep, {
          buttons: [[button('Ya, ubah jadwal', 'rsok', flow.id), button('Batal', 'x', flow.id)]],
        });
      }
      case 'length': {
        const minutes = parseMeetingLength(text);
        if (!minutes.ok) return replyHtml(ctx, meetingText.problem(`${lengthErrorText(minutes.error)}.`), deps.sleep);
        return ask('place', { ...flow.draft, minutes: minutes.value }, meetingAsk.place());
      }
      case 'place':
        return ask('agenda', { ...flow.draft, place: text }, meetingAsk.agenda());
      case 'agenda': {
        const next: MeetingFlow = { ...flow, step: 'audience', draft: { ...flow.draft, agenda: text } };
        startFlow(ctx, next, deps.clock());
        return replyHtml(ctx, askAudienceMessage('sesi'), deps.sleep, {
          buttons: audienceButtons(scopeOf(ctx.access), (label, action) => button(label, action, flow.id)),
        });
      }
      case 'audience_list': {
        const audience = readAudienceList(text, regions, scopeOf(ctx.access), flow.listKind);
        if (!audience.ok) return replyHtml(ctx, audience.error, deps.sleep);
        return preview(ctx, { ...flow, draft: { ...flow.draft, audience: audience.value } });
      }
      default:
        return replyHtml(ctx, meetingText.useButtons(), deps.sleep);
    }
  });

  const meetingPreviewLines = (m: Meeting) => {
    const { units, recipients } = meetingAudience(store, regions, m);
    return [meetingPreviewMessage(m, zoneNamed(m.zone), partiesOf(m), recipients.length, units.length)];
  };

  const refused = new Composer<BotContext>();
  refused.command(['sessions', 'jadwal'], (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^(jdw|att):/, (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch((ctx: BotContext) => ctx.access.role !== 'unknown', registered, refused));
  return feature;
}

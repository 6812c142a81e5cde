import { randomBytes } from 'node:crypto';
import { Composer, Markup } from 'telegraf';
import { covers, homeZone, isCoordinatorOrAdmin, NATIONAL, ownScope, type Access } from '../../domain/access.js';
import { ageInDays, isOverdue, itemsOfDraft, type FollowupItem } from '../../domain/followups.js';
import type { Unit } from '../../domain/regions/directory.js';
import { actorOf } from '../../bot/actor.js';
import { encodeCallback, pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { isPrivate } from '../../bot/flow.js';
import { applyStep, guidedFlow } from '../../bot/guided-flow.js';
import { replyDocument, replyHtml } from '../../bot/reply.js';
import { FOLLOWUP_FEATURE, followupStep, startFollowupUpdate, type FollowupEffect, type FollowupFacts, type FollowupState } from '../../flows/followup.js';
import { NOTULEN_FEATURE, notulenStep, startNotulen, type NotulenEffect, type NotulenFacts, type NotulenState } from '../../flows/notulen.js';
import type { Reply } from '../../flows/step.js';
import { expiredButtonAnswer, noAccessAnswer, scopeLabel } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import {
  FOLLOWUP_LABELS,
  followupText,
  notulenMessage,
  notulenShownMessage,
  notulenText,
  notulenTitle,
  pastSessionsMessage,
  scopeFollowupsMessage,
  unitFollowupsMessage,
  type ItemView,
} from '../../messages/followups.js';
import { meetingAudience } from '../../queries/recipients.js';
import { meetingParties } from '../../scheduler/meetings.js';
import type { Meeting, MessageBody } from '../../store/schema.js';
import { attendanceExport } from './attendance.js';
import { nudgeUnreported } from './nudge.js';

/** Buttons of the lists (the flows' own buttons are `ntl:` and `tl:`). */
const LIST = 'tlx';
const SESSIONS = 'nts';
/** Sessions that started this long ago at most are offered for a notulen or an attendance export. */
const PAST_SESSION_DAYS = 60;
/** Items one list shows (each may carry a row of buttons). */
const MAX_LISTED = 30;

/** /start's way to the follow-up list, for every registered person in a private chat. */
export const followupMenuButton = () => [[Markup.button.callback(FOLLOWUP_LABELS.openList, encodeCallback(LIST, 'list'))]];

export const unitLabel = (u: Unit): string => (u.kind === 'provinsi' ? `Pemerintah ${u.name}` : u.name);

/** Organisers manage the sessions made within their scope (as the sessions feature rules). */
export const canManageMeeting = (a: Access, m: Meeting): boolean => a.role === 'admin' || (a.role === 'coordinator' && covers(a.scope, m.scope === NATIONAL ? NATIONAL : m.scope));

/** Updating an item: its unit's staff, a coordinator whose scope covers the unit, an admin. */
const canUpdate = (a: Access, i: FollowupItem): boolean =>
  a.role === 'admin' || (a.role === 'coordinator' && covers(a.scope, i.unitCode)) || (a.role === 'staff' && a.scope === i.unitCode);
/** Closing and reopening: coordinators in scope and admins. */
const canClose = (a: Access, i: FollowupItem): boolean => a.role === 'admin' || (a.role === 'coordinator' && covers(a.scope, i.unitCode));
/** Reading: every registered role within its scope. */
const canRead = (a: Access, i: FollowupItem): boolean => {
  const scope = ownScope(a);
  return scope !== undefined && covers(scope, i.unitCode);
};

/**
 * After a session: its notulen (/notulen: conclusions and follow-up items, sent to the audience), and the items until
 * they are closed (/tindaklanjut): a unit's staff update theirs with a status and a note or a document; coordinators
 * see every item in scope with its age and who last touched it, and close or reopen it. Also, for a session: the
 * attendance as XLSX, and one press to remind the units that have not reported this week.
 */
export function followupsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { store, regions } = deps;
  const button = (label: string, prefix: string, action: string, arg: string) => Markup.button.callback(label, encodeCallback(prefix, action, arg));

  const unitOf = (code: string): Unit | undefined => regions.get(code);
  const nameOf = (code: string): string => {
    const u = unitOf(code);
    return u ? unitLabel(u) : code;
  };
  const followupScopeName = (scope: string): string => (scope === NATIONAL ? FOLLOWUP_LABELS.everywhere : scopeLabel(scope, regions));
  const sessionTitle = (id: string): string => store.meetings.get(id)?.title ?? '';
  const view = (item: FollowupItem, withAge = false): ItemView => {
    const now = deps.clock();
    const iana = unitOf(item.unitCode)?.zone.iana ?? 'Asia/Jakarta';
    return {
      item,
      unit: nameOf(item.unitCode),
      overdue: isOverdue(item, now, iana),
      ...(withAge ? { age: ageInDays(item, now) } : {}),
      session: sessionTitle(item.meetingId),
    };
  };
  /** A session that has started and that this person manages. */
  const pastManaged = (a: Access, id: string): Meeting | undefined => {
    const m = store.meetings.get(id);
    return m && m.status === 'scheduled' && Date.parse(m.startsAt) <= deps.clock().getTime() && canManageMeeting(a, m) ? m : undefined;
  };

  // ---- /notulen ---------------------------------------------------------------------------------------------------

  const pastSessions = (a: Access): Meeting[] => {
    const now = deps.clock().getTime();
    return store.meetings
      .all()
      .filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) <= now && now - Date.parse(m.startsAt) <= PAST_SESSION_DAYS * 86_400_000 && canManageMeeting(a, m))
      .sort((x, y) => y.startsAt.localeCompare(x.startsAt))
      .slice(0, 10);
  };

  const showPastSessions = async (ctx: BotContext): Promise<void> => {
    const sessions = pastSessions(ctx.access);
    const buttons = sessions.map((m, i) => [button(FOLLOWUP_LABELS.notulen(i + 1), SESSIONS, 'rec', m.id), button(FOLLOWUP_LABELS.attendanceXlsx(i + 1), SESSIONS, 'xls', m.id)]);
    const message = pastSessionsMessage(
      sessions.map((meeting) => ({ meeting, recorded: store.followups.notulenOf(meeting.id) !== undefined })),
      homeZone(ctx.access),
    );
    await replyHtml(ctx, message, deps.sleep, { buttons });
  };

  const notulenFacts = (ctx: BotContext): NotulenFacts => ({
    access: ctx.access,
    regions,
    now: deps.clock(),
    zone: homeZone(ctx.access),
    meeting: (id) => {
      const m = pastManaged(ctx.access, id);
      return m && !store.followups.notulenOf(id) ? m : undefined;
    },
    audience: (m) => meetingAudience(store, regions, m).units.map((u) => u.code),
    reach: (m) => meetingAudience(store, regions, m).recipients.length,
    unitName: nameOf,
  });

  /** Saving a notulen: stored with its items, audited, sent to the audience (each unit its own items first). */
  const saveNotulen = async (ctx: BotContext, effect: NotulenEffect): Promise<Reply[]> => {
    const m = pastManaged(ctx.access, effect.meetingId);
    if (!m) return [];
    const now = deps.clock();
    const by = actorOf(ctx);
    const items = itemsOfDraft(m.id, effect.items, { ids: () => randomBytes(4).toString('hex'), now, by });
    const notulen = { meetingId: m.id, conclusions: effect.conclusions, recordedAt: now.toISOString(), recordedBy: by };
    if (!(await store.followups.record(notulen, items))) return [{ message: notulenText.alreadyRecorded() }];
    await store.audit.record({ at: now, actor: by, action: 'notulen.record', scope: m.scope, details: { meeting: m.id, title: m.title, items: items.length } });
    const { recipients } = meetingAudience(store, regions, m);
    const organiser = meetingParties(store, regions, deps.adminIds, m).organiser;
    const bodies: Record<string, MessageBody> = {};
    for (const r of recipients) {
      if (bodies[r.unit.code]) continue;
      const own = items.filter((i) => i.unitCode === r.unit.code);
      const others = items.filter((i) => i.unitCode !== r.unit.code).map((i) => view(i));
      bodies[r.unit.code] = { format: 'html', text: notulenMessage(m, r.unit.zone, effect.conclusions, { unit: unitLabel(r.unit), items: own }, others, organiser).text };
    }
    await deps.outbox.enqueue({
      id: `ntl-${m.id}`,
      kind: 'notice',
      title: notulenTitle(m.title),
      bodies,
      recipients: recipients.map((r) => ({ chatId: r.chatId, variant: r.unit.code })),
    });
    deps.outbox.poke();
    return [{ message: notulenText.saved(recipients.length, effect.items.length, new Set(items.map((i) => i.unitCode)).size) }];
  };

  // ---- /tindaklanjut ----------------------------------------------------------------------------------------------

  const byDue = (a: FollowupItem, b: FollowupItem): number => a.due.localeCompare(b.due) || a.unitCode.localeCompare(b.unitCode) || a.n - b.n;

  const showFollowups = async (ctx: BotContext): Promise<void> => {
    const a = ctx.access;
    const zone = homeZone(a);
    if (a.role === 'staff') {
      const open = store.followups
        .all()
        .filter((i) => i.unitCode === a.scope && !i.closed)
        .sort(byDue)
        .slice(0, MAX_LISTED);
      const buttons = isPrivate(ctx) ? open.map((i, k) => [button(FOLLOWUP_LABELS.update(k + 1), LIST, 'upd', i.id)]) : [];
      return replyHtml(ctx, unitFollowupsMessage(nameOf(a.scope), open.map((i) => view(i)), zone), deps.sleep, { buttons });
    }
    const inScope = store.followups.all().filter((i) => canRead(a, i));
    const open = inScope.filter((i) => !i.closed).sort(byDue);
    const closed = inScope.filter((i) => i.closed).sort((x, y) => (y.closed?.at ?? '').localeCompare(x.closed?.at ?? ''));
    const shown = [...open, ...closed].slice(0, MAX_LISTED);
    const manager = isCoordinatorOrAdmin(a);
    const buttons = manager
      ? shown.map((i, k) => [
          i.closed ? button(FOLLOWUP_LABELS.reopen(k + 1), LIST, 'rop', i.id) : button(FOLLOWUP_LABELS.close(k + 1), LIST, 'cls', i.id),
          // A coordinator may update on a unit's behalf (what the unit said by phone, say); in a private chat only.
          ...(!i.closed && isPrivate(ctx) ? [button(FOLLOWUP_LABELS.update(k + 1), LIST, 'upd', i.id)] : []),
          ...(i.updates.at(-1)?.document ? [button(FOLLOWUP_LABELS.document(k + 1), LIST, 'doc', i.id)] : []),
        ])
      : [];
    await replyHtml(ctx, scopeFollowupsMessage(followupScopeName(ownScope(a) ?? NATIONAL), shown.map((i) => view(i, true)), zone, inScope.length), deps.sleep, { buttons });
  };

  const followupFacts = (ctx: BotContext): FollowupFacts => ({
    access: ctx.access,
    updatable: (id) => {
      const i = store.followups.get(id);
      return i && canUpdate(ctx.access, i) ? i : undefined;
    },
    view: (i) => view(i),
  });

  /** A status change: stored with who and when, audited. */
  const saveUpdate = async (ctx: BotContext, effect: FollowupEffect): Promise<Reply[]> => {
    const item = store.followups.get(effect.itemId);
    if (!item || !canUpdate(ctx.access, item) || item.closed) return [];
    const by = actorOf(ctx);
    const now = deps.clock();
    const updated = await store.followups.update(item.id, (i) => {
      i.status = effect.status;
      i.updates.push({ at: now.toISOString(), by, status: effect.status, ...(effect.note ? { note: effect.note } : {}), ...(effect.document ? { document: effect.document } : {}) });
    });
    if (!updated) return [];
    await store.audit.record({
      at: now,
      actor: by,
      action: 'followup.update',
      scope: item.unitCode,
      details: { item: item.id, what: item.what, status: effect.status, document: effect.document !== undefined, ...(effect.document ? { fileName: effect.document.fileName } : {}) },
    });
    return [{ message: followupText.updated(item.what, nameOf(item.unitCode), effect.status, effect.document?.fileName) }];
  };

  const registered = new Composer<BotContext>();
  registered.command(['notulen', 'minutes'], async (ctx) => {
    if (!isCoordinatorOrAdmin(ctx.access)) return replyHtml(ctx, followupText.managersOnly(), deps.sleep);
    await showPastSessions(ctx);
  });
  registered.command(['tindaklanjut', 'followup'], showFollowups);

  // The sessions list's buttons: record (or read) a notulen, export attendance, remind the units that have not reported.
  registered.action(/^nts:(rec|xls|ngt):/, async (ctx) => {
    const data = pressedData(ctx);
    if (!data) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    const m = store.meetings.get(data.arg);
    if (!m || m.status !== 'scheduled') return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (!canManageMeeting(ctx.access, m)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    if (data.action === 'ngt') {
      await ctx.answerCbQuery();
      return replyHtml(ctx, await nudgeUnreported(deps, ctx, m), deps.sleep);
    }
    if (Date.parse(m.startsAt) > deps.clock().getTime()) return void (await ctx.answerCbQuery(notulenText.notYetShort(), { show_alert: true }));
    if (data.action === 'xls') {
      await ctx.answerCbQuery();
      const file = await attendanceExport(deps, m);
      await store.audit.record({ at: deps.clock(), actor: actorOf(ctx), action: 'attendance.export', scope: m.scope, details: { meeting: m.id, title: m.title } });
      return replyDocument(ctx, file, file.caption, deps.sleep);
    }
    const recorded = store.followups.notulenOf(m.id);
    if (recorded) {
      await ctx.answerCbQuery();
      const views = store.followups
        .ofMeeting(m.id)
        .sort((x, y) => x.n - y.n || x.unitCode.localeCompare(y.unitCode))
        .map((i) => view(i, true));
      return replyHtml(ctx, notulenShownMessage(m, homeZone(ctx.access), recorded.conclusions, views, recorded.recordedBy.name), deps.sleep);
    }
    if (!isPrivate(ctx)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
    return applyStep(ctx, deps, startNotulen(randomBytes(4).toString('hex'), m, homeZone(ctx.access)), (effect) => saveNotulen(ctx, effect));
  });

  // The follow-up list's buttons: update (starts the flow), close, reopen, see the document.
  registered.action(/^tlx:(list|upd|cls|rop|doc)/, async (ctx) => {
    const data = pressedData(ctx);
    if (!data) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    if (data.action === 'list') {
      await ctx.answerCbQuery();
      return showFollowups(ctx);
    }
    const item = store.followups.get(data.arg);
    if (!item) return void (await ctx.answerCbQuery(expiredButtonAnswer));
    const now = deps.clock();
    const by = actorOf(ctx);
    switch (data.action) {
      case 'upd':
        if (!canUpdate(ctx.access, item) || !isPrivate(ctx)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
        return applyStep(ctx, deps, startFollowupUpdate(randomBytes(4).toString('hex'), item, view(item)), (effect) => saveUpdate(ctx, effect));
      case 'doc': {
        if (!canRead(ctx.access, item)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
        const document = item.updates.findLast((u) => u.document)?.document;
        await ctx.answerCbQuery();
        if (!document) return replyHtml(ctx, followupText.noDocument(), deps.sleep);
        await ctx.replyWithDocument(document.fileId, { caption: followupText.documentCaption(item.what, nameOf(item.unitCode)).text, parse_mode: 'HTML' });
        return;
      }
      case 'cls':
      case 'rop': {
        if (!canClose(ctx.access, item)) return void (await ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));
        const closing = data.action === 'cls';
        if (closing === (item.closed !== undefined)) return void (await ctx.answerCbQuery(expiredButtonAnswer));
        await store.followups.update(item.id, (i) => {
          if (closing) i.closed = { at: now.toISOString(), by };
          else {
            delete i.closed;
            i.reopened = [...(i.reopened ?? []), { at: now.toISOString(), by }];
          }
        });
        await store.audit.record({ at: now, actor: by, action: closing ? 'followup.close' : 'followup.reopen', scope: item.unitCode, details: { item: item.id, what: item.what } });
        await ctx.answerCbQuery();
        return replyHtml(ctx, closing ? followupText.closed(item.what, nameOf(item.unitCode)) : followupText.reopened(item.what, nameOf(item.unitCode)), deps.sleep);
      }
    }
  });

  // The flows themselves: their buttons, typed answers (and, for an update, a document) in a private chat.
  const inFlow = (ctx: BotContext): boolean => isPrivate(ctx) || ctx.callbackQuery !== undefined;
  registered.use(
    Composer.optional(inFlow, guidedFlow<NotulenState, NotulenEffect, NotulenFacts>(deps, { name: 'notulen', feature: NOTULEN_FEATURE, facts: notulenFacts, step: notulenStep, perform: saveNotulen })),
  );
  registered.use(
    Composer.optional(
      inFlow,
      guidedFlow<FollowupState, FollowupEffect, FollowupFacts>(deps, { name: 'followup', feature: FOLLOWUP_FEATURE, facts: followupFacts, step: followupStep, perform: saveUpdate, acceptsOther: true }),
    ),
  );

  const refused = new Composer<BotContext>();
  refused.command(['notulen', 'minutes', 'tindaklanjut', 'followup'], (ctx) => replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep));
  refused.action(/^(nts|tlx|ntl|tl):/, (ctx) => ctx.answerCbQuery(noAccessAnswer, { show_alert: true }));

  feature.use(Composer.branch((ctx: BotContext) => ctx.access.role !== 'unknown', registered, refused));
  return feature;
}


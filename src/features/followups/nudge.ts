import { dateKey } from '../../domain/followups.js';
import { formatWeekShort } from '../../domain/format.js';
import type { Unit } from '../../domain/regions/directory.js';
import { localDateOf } from '../../domain/when.js';
import { actorOf } from '../../bot/actor.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { nudgeMessage, nudgeText, nudgeTitle } from '../../messages/followups.js';
import { lines, type Html } from '../../messages/html.js';
import type { Recipient } from '../../outbox/outbox.js';
import { meetingAudience, unitChats } from '../../queries/recipients.js';
import type { Meeting, MessageBody } from '../../store/schema.js';
import { weekOf, type WeekKey } from '../../domain/weeks.js';

/** Which of these units have not reported this week (each in its own zone), by the read side's rule. */
async function unreportedUnits(deps: Pick<BotDeps, 'readSide'>, units: readonly Unit[], now: Date): Promise<Array<{ unit: Unit; week: WeekKey }>> {
  const out: Array<{ unit: Unit; week: WeekKey }> = [];
  for (const unit of units) {
    const week = weekOf(now, unit.zone.iana);
    if (!(await deps.readSide.hasReported(unit, week))) out.push({ unit, week });
  }
  return out;
}

/**
 * "Ingatkan yang belum melapor": one press sends every unit of the session's audience that has not reported this week
 * a reminder through the outbox, at most once a day per session (the item's id says so, across restarts too).
 */
export async function nudgeUnreported(deps: BotDeps, ctx: BotContext, m: Meeting): Promise<Html> {
  const now = deps.clock();
  const id = `ngt-${m.id}-${dateKey(localDateOf(now, 'Asia/Jakarta'))}`;
  if (deps.store.outbox.has(id)) return nudgeText.alreadyToday();
  const { units } = meetingAudience(deps.store, deps.regions, m);
  const missing = await unreportedUnits(deps, units, now);
  if (missing.length === 0) return nudgeText.noneMissing();
  const bodies: Record<string, MessageBody> = {};
  const recipients: Recipient[] = [];
  let unreachable = 0;
  for (const { unit, week } of missing) {
    const chats = unitChats(deps.store, unit.code, ['staff']);
    if (chats.length === 0) {
      unreachable++;
      continue;
    }
    const name = unit.kind === 'provinsi' ? `Pemerintah ${unit.name}` : unit.name;
    bodies[unit.code] = { format: 'html', text: nudgeMessage(name, formatWeekShort(week), m, unit.zone).text };
    for (const chatId of chats) recipients.push({ chatId, variant: unit.code });
  }
  await deps.outbox.enqueue({ id, kind: 'notice', title: nudgeTitle(m.title), bodies, recipients, expiresAt: new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000) });
  deps.outbox.poke();
  await deps.store.audit.record({ at: now, actor: actorOf(ctx), action: 'nudge.send', scope: m.scope, details: { meeting: m.id, title: m.title, units: missing.length - unreachable, chats: recipients.length } });
  const reached = missing.length - unreachable;
  const sent = nudgeText.sent(reached, recipients.length);
  return unreachable > 0 ? lines(sent, nudgeText.unreachable(unreachable)) : sent;
}

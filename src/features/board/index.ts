import { Composer, TelegramError, type Telegram } from 'telegraf';
import { isCoordinatorOrAdmin, NATIONAL, ownScope } from '../../domain/access.js';
import { deadlineFor, type Deadline } from '../../domain/deadline.js';
import type { RegionDirectory, Unit } from '../../domain/regions/directory.js';
import { weekOf, type WeekKey } from '../../domain/weeks.js';
import { WIB, type Zone } from '../../domain/zones.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyHtml } from '../../bot/reply.js';
import { readScopeArgument } from '../../bot/scope-argument.js';
import { scopeArgumentProblem } from '../../messages/scope-argument.js';
import type { Logger } from '../../logger.js';
import { scopeName } from '../../messages/rekap.js';
import { boardBody, boardMessage, boardNotAllowedMessage, boardPinHelpMessage } from '../../messages/board.js';
import { Html, splitHtml } from '../../messages/html.js';
import type { Board } from '../../store/boards-repo.js';
import type { Store } from '../../store/store.js';
import type { ReadSide } from '../../queries/read-side.js';

/** A board is edited at most this often (Telegram allows a group 20 messages a minute; a board needs far fewer). */
export const BOARD_EDIT_INTERVAL_MS = 60_000;

interface BoardDeps {
  store: Store;
  regions: RegionDirectory;
  readSide: ReadSide;
  reportDeadline: Deadline;
  clock: () => Date;
  logger: Logger;
}

/** A board's province (none for a national board), the zone it reads times in, and its current week. */
function boardPlace(d: BoardDeps, scope: string, now: Date): { province: Unit | undefined; zone: Zone; week: WeekKey } {
  const province = scope === NATIONAL ? undefined : d.regions.get(scope.slice(0, 2));
  const zone = province?.zone ?? WIB;
  return { province, zone, week: weekOf(now, zone.iana) };
}

/** What a board shows now: this week's reporting status of its scope, from the read side. */
async function boardText(d: BoardDeps, scope: string, now: Date): Promise<{ week: Board['week']; text: string; zone: Zone }> {
  const { province, zone, week } = boardPlace(d, scope, now);
  const report = await d.readSide.week(province ?? 'national', week);
  const area = report.area;
  const units = area ? [...area.governments, ...area.members] : report.unit ? [report.unit] : [];
  const missing = units.filter((u) => u.status === 'belum').map((u) => u.unit);
  const deadline = deadlineFor(week, zone.iana, d.reportDeadline, province?.code);
  const byProvince = scope === NATIONAL ? (area?.provinces ?? []).map((p) => ({ name: (p.scope as Unit).baseName, reported: p.reporting.reported, total: p.reporting.units })) : undefined;
  const body = boardBody({ title: scopeName(province ?? 'national'), week, zone, reported: units.length - missing.length, missing, deadlineAt: deadline.at, because: deadline.because, now, byProvince });
  return { week, text: body.text, zone };
}

/** The board as sent: its content and when it was updated, in one message. */
const render = (text: string, now: Date, zone: Zone): string => splitHtml(boardMessage(new Html(text), now, zone))[0] ?? text;

/** Posts a board (and pins it where the bot may); returns whether it could pin. */
async function post(d: BoardDeps, telegram: Telegram, chatId: number, scope: string, now: Date): Promise<boolean> {
  const { week, text, zone } = await boardText(d, scope, now);
  const sent = await telegram.sendMessage(chatId, render(text, now, zone), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  await d.store.boards.put({ chatId, scope, week, messageId: sent.message_id, text, editedAt: now.toISOString() });
  try {
    await telegram.pinChatMessage(chatId, sent.message_id, { disable_notification: true });
    return true;
  } catch (error) {
    d.logger.info('could not pin a board', { chatId, error });
    return false;
  }
}

/**
 * The scheduler's job for boards: each is edited when what it shows changed, at most once a minute; a new week gets
 * a new board; a board someone deleted is posted again; a chat that removed the bot loses its board.
 */
export function boardJob(d: BoardDeps & { telegram: Telegram }) {
  return async (now: Date): Promise<void> => {
    for (const board of d.store.boards.all()) {
      try {
        if (boardPlace(d, board.scope, now).week !== board.week) {
          await post(d, d.telegram, board.chatId, board.scope, now);
          continue;
        }
        // Within the minute after an edit there is nothing to do: the status (552 units for a nation) is not read.
        if (now.getTime() - Date.parse(board.editedAt) < BOARD_EDIT_INTERVAL_MS) continue;
        const { text, zone } = await boardText(d, board.scope, now);
        if (text === board.text) continue;
        try {
          await d.telegram.editMessageText(board.chatId, board.messageId, undefined, render(text, now, zone), {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
          });
        } catch (e) {
          if (!(e instanceof TelegramError)) throw e;
          if (e.code === 403) {
            await d.store.boards.remove(board.chatId);
            continue;
          }
          if (/message to edit not found|message can't be edited/i.test(e.description)) {
            await post(d, d.telegram, board.chatId, board.scope, now);
            continue;
          }
          if (!/message is not modified/i.test(e.description)) throw e;
        }
        await d.store.boards.put({ ...board, text, editedAt: now.toISOString() });
      } catch (error) {
        d.logger.warn('board update failed', { chatId: board.chatId, error });
      }
    }
  };
}

/** /papan (/board): a coordinator's live status board in a group or a private chat, for their scope. */
export function boardFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(['board', 'papan'], async (ctx) => {
    const own = ownScope(ctx.access);
    if (!isCoordinatorOrAdmin(ctx.access) || own === undefined) return replyHtml(ctx, boardNotAllowedMessage(), deps.sleep);
    // `/papan Babel`: the board of the province named (within scope); without a name, the person's own scope.
    const arg = readScopeArgument(deps.regions, ctx.access, ctx.payload);
    if (arg.kind === 'not_found' || arg.kind === 'ambiguous' || arg.kind === 'out_of_scope') return replyHtml(ctx, scopeArgumentProblem(arg, '/papan Babel'), deps.sleep);
    if (arg.kind === 'unit' && arg.unit.kind !== 'provinsi') return replyHtml(ctx, scopeArgumentProblem({ kind: 'not_area', name: arg.unit.name }, '/papan Babel'), deps.sleep);
    const scope = arg.kind === 'national' ? NATIONAL : arg.kind === 'unit' ? arg.unit.code : own === NATIONAL ? NATIONAL : own.slice(0, 2);
    const pinned = await post(deps, ctx.telegram, ctx.chat.id, scope, deps.clock());
    if (!pinned && ctx.chat.type !== 'private') await replyHtml(ctx, boardPinHelpMessage(), deps.sleep);
  });
  return feature;
}

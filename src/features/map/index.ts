import { Composer } from 'telegraf';
import type { WeekKey } from '../../domain/weeks.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyHtml, replyPicture } from '../../bot/reply.js';
import { scopePress } from '../rekap/press.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { mapCaption, MAP_TEXT } from '../../messages/map.js';
import { EXPORT_TEXT, periodErrorMessage } from '../../messages/rekap.js';
import type { Scope as RekapScope } from '../../queries/types.js';
import { scopeSlug } from '../../rekap/service.js';
import { StoreError } from '../../store/errors.js';
import { currentWeekOf, ownArea, readScopeAndPeriod } from '../rekap/args.js';

const MAP = 'pta';

/** /peta (/map): the kab/kota of a province or of the nation as points on a map, coloured by coverage category. */
export function mapFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const inputDeps = { readSide: deps.readSide, regions: deps.regions };

  const sendMap = async (ctx: BotContext, scope: RekapScope, week: WeekKey): Promise<void> => {
    if (scope !== 'national' && scope.kind !== 'provinsi') return replyHtml(ctx, MAP_TEXT.unitScope(scope), deps.sleep);
    try {
      await ctx.sendChatAction('upload_photo').catch(() => undefined);
      const { buildMapInput } = await import('../../rekap/map-input.js');
      const input = await buildMapInput(inputDeps, scope, week, deps.clock());
      // A map of grey points only says nothing a sentence cannot.
      if (input.points.every((p) => p.pct === undefined)) return replyHtml(ctx, MAP_TEXT.noData(scope, week), deps.sleep);
      // Drawn in a worker thread: a national map is seconds of CPU that other chats must not wait for.
      const { renderMapOffThread } = await import('../../rekap/map-thread.js');
      const png = await renderMapOffThread(input);
      await replyPicture(ctx, { bytes: png.png, filename: MAP_TEXT.fileName(scopeSlug(scope), week), width: png.width, height: png.height }, mapCaption(input), deps.sleep);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('map data unreadable', { error: e });
      await replyHtml(ctx, EXPORT_TEXT.failed(), deps.sleep);
    }
  };

  feature.command(['map', 'peta'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    const read = readScopeAndPeriod(deps.regions, ctx.access, ctx.payload, deps.clock(), { feature: MAP, action: 'u' });
    if (read.kind === 'period_error') return replyHtml(ctx, periodErrorMessage(read.error), deps.sleep);
    if (read.kind === 'ask') return replyHtml(ctx, read.message, deps.sleep, read.buttons ? { buttons: read.buttons } : {});
    if (read.kind === 'own') {
      const area = ownArea(deps.regions, ctx.access);
      if (!area) return replyHtml(ctx, MAP_TEXT.usage(), deps.sleep);
      return sendMap(ctx, area, read.named ? read.period.to : currentWeekOf(area, deps.clock()));
    }
    await sendMap(ctx, read.scope, read.named ? read.period.to : currentWeekOf(read.scope, deps.clock()));
  });

  const readPress = scopePress(deps);
  feature.action(new RegExp(`^${MAP}:`), async (ctx) => {
    const pressed = await readPress(ctx);
    if (!pressed) return;
    await ctx.answerCbQuery(MAP_TEXT.preparing);
    await sendMap(ctx, pressed.scope, pressed.named ? pressed.period.to : currentWeekOf(pressed.scope, deps.clock()));
  });

  return feature;
}

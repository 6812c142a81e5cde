import { Composer } from 'telegraf';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyDocument, replyHtml, replyPicture } from '../../bot/reply.js';
import { scopePress } from '../rekap/press.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { PACK_TEXT } from '../../messages/pack.js';
import { periodErrorMessage } from '../../messages/rekap.js';
import type { Scope as RekapScope } from '../../queries/types.js';
import { nextSessionFor } from '../../rekap/pack-input.js';
import { makePack, packHasData } from '../../rekap/pack.js';
import { StoreError } from '../../store/errors.js';
import { currentWeekOf, ownRekapScope, readScopeAndPeriod } from '../rekap/args.js';

const PACK = 'pak';

/**
 * /paparan (/deck): the session pack of a scope within the person's reach: the narrative as a message, the deck
 * (PPTX) and the one-page brief (PNG). A named week (`/paparan Babel minggu 47`) is the data week; otherwise the
 * scope's current week.
 */
export function packFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const packDeps = { store: deps.store, readSide: deps.readSide, regions: deps.regions };

  const send = async (ctx: BotContext, scope: RekapScope, week: ReturnType<typeof currentWeekOf>): Promise<void> => {
    try {
      await ctx.sendChatAction('upload_document').catch(() => undefined);
      const now = deps.clock();
      const pack = await makePack(packDeps, scope, week, now, nextSessionFor(packDeps, scope, now));
      if (!packHasData(pack.input)) return replyHtml(ctx, PACK_TEXT.noData(pack.input.scope.name), deps.sleep);
      await replyHtml(ctx, PACK_TEXT.intro(pack.input, pack.sentences), deps.sleep);
      await replyDocument(ctx, { bytes: pack.deck.bytes, filename: pack.deck.filename }, PACK_TEXT.deckCaption(pack.input), deps.sleep);
      await replyPicture(ctx, { bytes: pack.brief.png, filename: pack.brief.filename, width: pack.brief.width, height: pack.brief.height }, PACK_TEXT.briefCaption(pack.input), deps.sleep);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('pack data unreadable', { error: e });
      await replyHtml(ctx, PACK_TEXT.failed(), deps.sleep);
    }
  };

  feature.command(['paparan', 'deck'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    // The reader resolves names within what the person may query: a region outside it is refused there.
    const read = readScopeAndPeriod(deps.regions, ctx.access, ctx.payload, deps.clock(), { feature: PACK, action: 'u' });
    if (read.kind === 'period_error') return replyHtml(ctx, periodErrorMessage(read.error), deps.sleep);
    if (read.kind === 'ask') return replyHtml(ctx, read.message, deps.sleep, read.buttons ? { buttons: read.buttons } : {});
    const scope = read.kind === 'own' ? ownRekapScope(deps.regions, ctx.access) : read.scope;
    if (!scope) return replyHtml(ctx, PACK_TEXT.usage(), deps.sleep);
    await send(ctx, scope, read.named ? read.period.to : currentWeekOf(scope, deps.clock()));
  });

  // A name asked back: the press is read again and the person's reach checked again (callback data can be forged).
  const readPress = scopePress(deps);
  feature.action(new RegExp(`^${PACK}:`), async (ctx) => {
    const pressed = await readPress(ctx, PACK_TEXT.stale);
    if (!pressed) return;
    await ctx.answerCbQuery(PACK_TEXT.preparing);
    await send(ctx, pressed.scope, pressed.named ? pressed.period.to : currentWeekOf(pressed.scope, deps.clock()));
  });

  return feature;
}

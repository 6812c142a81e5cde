import { Composer } from 'telegraf';
import type { Reply, StepResult, FlowInput } from '../flows/step.js';
import { pressedData } from './callback-data.js';
import { nonTextKind } from './non-text.js';
import type { BotContext, Flow } from './context.js';
import type { BotDeps } from './deps.js';
import { currentFlow, endFlow, isPrivate, startFlow } from './flow.js';
import type { MessageEntity } from 'telegraf/types';
import { askHtml, withFloodRetry } from './reply.js';

type Deps = Pick<BotDeps, 'clock' | 'sleep'> & Partial<Pick<BotDeps, 'logger'>>;

/**
 * Carries out one step of a flow on Telegram: answers the press (with the step's notice, if any), keeps or ends the
 * state, performs the effects, and sends what the step and its effects say, in order. The only place a step's
 * result meets Telegram.
 */
export async function applyStep<S extends Flow, E>(
  ctx: BotContext,
  deps: Deps,
  result: StepResult<S, E> & { asks?: true },
  perform: (effect: E) => Promise<Reply[]>,
): Promise<void> {
  if (ctx.callbackQuery) {
    // Only stops the client's spinner: a press answered too late ("query is too old") must not stop the step.
    await ctx.answerCbQuery(result.notice).catch((error: unknown) => deps.logger?.warn('could not answer a button press', { error }));
  }
  if (!result.state && !result.untouched) endFlow(ctx);
  const replies = [...result.replies];
  for (const effect of result.effects) replies.push(...(await perform(effect)));
  let last: number | undefined;
  for (const r of replies) {
    if ('copy' in r) {
      const { text, entities } = r.copy;
      last = (await withFloodRetry(() => ctx.reply(text, { entities: entities as MessageEntity[], link_preview_options: { is_disabled: true } }), deps.sleep)).message_id;
    } else {
      last = await askHtml(ctx, r.message, deps.sleep, r.buttons ? { buttons: r.buttons } : {});
    }
  }
  if (!result.state) return;
  // A question's message id is kept: an answer sent before it (typed ahead, or sent twice) is not its answer.
  const asked = result.asks && last !== undefined && 'askedMessageId' in result.state ? { ...result.state, askedMessageId: last } : result.state;
  startFlow(ctx, asked, deps.clock());
}

/**
 * The thin Telegram wiring every guided flow shares: its buttons (`<feature>:...`) and the typed answers in a private
 * chat while it runs become inputs to its pure `step`; commands are left to the features.
 */
export function guidedFlow<S extends Flow, E, F>(
  deps: Deps,
  spec: {
    name: S['name'];
    feature: string;
    facts: (ctx: BotContext) => F;
    step: (state: S | undefined, input: FlowInput, facts: F) => (StepResult<S, E> & { asks?: true }) | Promise<StepResult<S, E> & { asks?: true }>;
    perform: (ctx: BotContext, effect: E) => Promise<Reply[]>;
    /** Stickers, photos and the like while the flow runs are inputs too (otherwise the fallback answers them). */
    acceptsOther?: boolean;
  },
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const stateOf = (ctx: BotContext): S | undefined => {
    const flow = currentFlow(ctx);
    return flow?.name === spec.name ? (flow as S) : undefined;
  };
  const run = async (ctx: BotContext, input: FlowInput): Promise<void> =>
    applyStep(ctx, deps, await spec.step(stateOf(ctx), input, spec.facts(ctx)), (effect) => spec.perform(ctx, effect));

  composer.action(new RegExp(`^${spec.feature}:`), async (ctx) => {
    const data = pressedData(ctx);
    await run(ctx, { kind: 'press', action: data?.action ?? '', arg: data?.arg ?? '' });
  });
  composer.on('text', async (ctx, next) => {
    if (!stateOf(ctx) || !isPrivate(ctx) || ctx.message.text.startsWith('/')) return next();
    const entities = ctx.message.entities?.map((e) => ({ ...e }));
    await run(ctx, { kind: 'text', text: ctx.message.text, messageId: ctx.message.message_id, ...(entities ? { entities } : {}) });
  });
  if (spec.acceptsOther) {
    composer.on('message', async (ctx, next) => {
      const what = nonTextKind(ctx);
      if (!stateOf(ctx) || !isPrivate(ctx) || what === undefined) return next();
      const message = ctx.message;
      const document =
        what === 'document' && 'document' in message
          ? { fileId: message.document.file_id, fileName: message.document.file_name, size: message.document.file_size, caption: 'caption' in message ? message.caption : undefined }
          : undefined;
      await run(ctx, { kind: 'other', what, ...(document ? { document } : {}) });
    });
  }
  return composer;
}

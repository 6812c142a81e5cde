import { Composer } from 'telegraf';
import { canQuery, isCoordinatorOrAdmin, type Access } from '../../domain/access.js';
import { callbackButton, type CallbackButton } from '../../domain/callback-data.js';
import { splitTargetCommand, validateTargetEntry, type TargetSeries } from '../../domain/targets.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { resolveUnit } from '../../bot/resolve-unit.js';
import { replyHtml } from '../../bot/reply.js';
import { noAccessAnswer, outOfScopeMessage } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { TARGET_TEXT, targetsMessage } from '../../messages/targets.js';
import type { Scope as RekapScope } from '../../queries/types.js';
import { currentWeekOf, ownRekapScope, scopeCode, scopeOfCode } from '../rekap/args.js';

const TARGET = 'tgt';
const scopeKey = (s: RekapScope): string => (s === 'national' ? 'national' : s.code);

/** Changing a scope's targets: coordinators and admins, within their scope. */
export const canSetTarget = (a: Access, scope: RekapScope): boolean => isCoordinatorOrAdmin(a) && canQuery(a, scopeKey(scope));

/** What a person types for a scope in a command: its code (`19`, `19.71`) or `nasional`. */
const scopeWord = (s: RekapScope): string => (s === 'national' ? 'nasional' : s.code);

/**
 * /target: the coverage targets of a kab/kota, a province or the nation, each series with its source and reference;
 * coordinators add a value (one line), choose the main one, or remove an entered series (with a confirmation).
 */
export function targetsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const buttonsFor = (scope: RekapScope, series: readonly TargetSeries[], main: TargetSeries | undefined): CallbackButton[][] => {
    const code = scopeCode(scope);
    const rows: CallbackButton[][] = [[callbackButton(TARGET_TEXT.buttons.add, TARGET, 'a', code)]];
    for (const s of series) {
      const row: CallbackButton[] = [];
      if (s.id !== main?.id) row.push(callbackButton(TARGET_TEXT.buttons.main(s), TARGET, 'm', `${code}~${s.id}`));
      if (s.origin === 'entered') row.push(callbackButton(TARGET_TEXT.buttons.remove(s), TARGET, 'd', `${code}~${s.id}`));
      if (row.length > 0) rows.push(row);
    }
    return rows;
  };

  const showTargets = async (ctx: BotContext, scope: RekapScope): Promise<void> => {
    const key = scopeKey(scope);
    const series = deps.store.targets.seriesFor(key);
    const main = deps.store.targets.mainSeriesFor(key);
    const year = Number(currentWeekOf(scope, deps.clock()).slice(0, 4));
    const editable = canSetTarget(ctx.access, scope);
    const text = targetsMessage(scope, series, main, year, deps.store.targets.mainTargetFor(key, year), editable);
    await replyHtml(ctx, text, deps.sleep, editable ? { buttons: buttonsFor(scope, series, main) } : {});
  };

  feature.command(['target', 'targets'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    const command = splitTargetCommand(ctx.payload);
    let scope: RekapScope | undefined;
    if (command.region === '') {
      scope = ownRekapScope(deps.regions, ctx.access);
      if (!scope) return replyHtml(ctx, TARGET_TEXT.usage(), deps.sleep);
    } else {
      const answer = resolveUnit(deps.regions, command.region, (code) => canQuery(ctx.access, code), { feature: TARGET, action: 'v' });
      if (answer.kind === 'ask') return replyHtml(ctx, answer.message, deps.sleep, answer.buttons ? { buttons: answer.buttons } : {});
      scope = answer.kind === 'national' ? 'national' : answer.unit;
    }
    if (command.add === undefined) return showTargets(ctx, scope);
    if (!canSetTarget(ctx.access, scope)) return replyHtml(ctx, TARGET_TEXT.notAllowed(), deps.sleep);
    if (command.add === 'incomplete') return replyHtml(ctx, TARGET_TEXT.addFormat(), deps.sleep);
    const checked = validateTargetEntry(command.add);
    if (!checked.ok) return replyHtml(ctx, TARGET_TEXT.invalid(checked.error), deps.sleep);
    const result = await deps.store.targets.addPoint(scopeKey(scope), checked.value, actorOf(ctx), deps.clock(), 'chat');
    await replyHtml(ctx, TARGET_TEXT.saved(scope, checked.value, result.kind, result.kind === 'changed' ? result.previousBp : undefined), deps.sleep);
    await showTargets(ctx, scope);
  });

  feature.action(new RegExp(`^${TARGET}:`), async (ctx) => {
    const data = pressedData(ctx);
    const [code = '', seriesId] = (data?.arg ?? '').split('~');
    const scope = scopeOfCode(deps.regions, code);
    if (ctx.access.role === 'unknown' || (scope && !canQuery(ctx.access, scopeKey(scope)))) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      if (scope && ctx.access.role !== 'unknown') await replyHtml(ctx, outOfScopeMessage(scope === 'national' ? 'data nasional' : scope.name), deps.sleep);
      return;
    }
    if (!scope || !data) {
      await ctx.answerCbQuery();
      await replyHtml(ctx, TARGET_TEXT.staleChoice(), deps.sleep);
      return;
    }
    if (data.action === 'v') {
      await ctx.answerCbQuery();
      return showTargets(ctx, scope);
    }
    // Every change is checked again on the press: callback data can be forged, and a role can change meanwhile.
    if (!canSetTarget(ctx.access, scope)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      await replyHtml(ctx, TARGET_TEXT.notAllowed(), deps.sleep);
      return;
    }
    await ctx.answerCbQuery();
    const key = scopeKey(scope);
    const series = seriesId === undefined ? undefined : deps.store.targets.seriesFor(key).find((s) => s.id === seriesId);
    switch (data.action) {
      case 'a':
        return replyHtml(ctx, TARGET_TEXT.howToAdd(scope, scopeWord(scope)), deps.sleep);
      case 'x':
        return replyHtml(ctx, TARGET_TEXT.cancelled(), deps.sleep);
      case 'm': {
        const set = series ? await deps.store.targets.setMain(key, series.id, actorOf(ctx), deps.clock()) : undefined;
        if (!set) return replyHtml(ctx, TARGET_TEXT.gone(), deps.sleep);
        await replyHtml(ctx, TARGET_TEXT.mainSet(scope, set), deps.sleep);
        return showTargets(ctx, scope);
      }
      case 'd':
        if (!series || series.origin !== 'entered') return replyHtml(ctx, TARGET_TEXT.gone(), deps.sleep);
        return replyHtml(ctx, TARGET_TEXT.confirmRemove(scope, series), deps.sleep, {
          buttons: [[callbackButton(TARGET_TEXT.buttons.confirmRemove, TARGET, 'y', `${scopeCode(scope)}~${series.id}`), callbackButton(TARGET_TEXT.buttons.cancel, TARGET, 'x', scopeCode(scope))]],
        });
      case 'y': {
        const removed = series ? await deps.store.targets.remove(key, series.id, actorOf(ctx), deps.clock()) : undefined;
        if (!removed) return replyHtml(ctx, TARGET_TEXT.gone(), deps.sleep);
        await replyHtml(ctx, TARGET_TEXT.removed(scope, removed), deps.sleep);
        return showTargets(ctx, scope);
      }
      default:
        return replyHtml(ctx, TARGET_TEXT.staleChoice(), deps.sleep);
    }
  });

  return feature;
}

import { Composer } from 'telegraf';
import { isCoordinatorOrAdmin } from '../../domain/access.js';
import { callbackButton } from '../../domain/callback-data.js';
import type { Period } from '../../domain/periods.js';
import { shiftWeek, weeksBetween } from '../../domain/weeks.js';
import { actorOf } from '../../bot/actor.js';
import { pressedData } from '../../bot/callback-data.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { replyDocument, replyHtml, replyPicture } from '../../bot/reply.js';
import { noAccessAnswer } from '../../messages/access.js';
import { notRegisteredMessage } from '../../messages/common.js';
import { chartCaptions, CHART_TEXT, EXPORT_TEXT, exportNotAllowedMessage, periodErrorMessage, rankingMessage, RANKING_TEXT } from '../../messages/rekap.js';
import type { Scope as RekapScope } from '../../queries/types.js';
import { rekapLines } from '../../queries/lines.js';
import { exportRekap, scopeSlug } from '../../rekap/service.js';
import { filePool } from '../../workers/pool.js';
import { StoreError } from '../../store/errors.js';
import { scopePress, scopePressGuard } from './press.js';
import { currentWeekOf, ownArea, ownRekapScope, presetPeriod, readPressedScope, readScopeAndPeriod, scopeCode, scopeOfCode, type ScopeAndPeriod } from './args.js';

const EXPORT = 'exp';
const MAX_NATIONAL_CHAT_WEEKS = 26;
const CHART = 'chr';
const RANK = 'rnk';
const CHART_KINDS = ['tren', 'peringkat', 'kelengkapan'] as const;
type ChartKind = (typeof CHART_KINDS)[number];
/** Weeks a chart shows when no period is named. */
const DEFAULT_CHART_WEEKS = 12;

/** /ekspor, /grafik and /peringkat: the rekap as a spreadsheet, as charts and as a league table. */
export function rekapFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const rekapDeps = { store: deps.store, readSide: deps.readSide, regions: deps.regions };

  /** A store problem is logged and told politely; the bot keeps serving. */
  const guarded = async (ctx: BotContext, body: () => Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('rekap data unreadable', { error: e });
      await replyHtml(ctx, EXPORT_TEXT.failed(), deps.sleep);
    }
  };

  /**
   * A command's `<region> [period]`, read within the person's scope; a stranger, a bad period or a name to ask about
   * is answered here (undefined: nothing more to do).
   */
  const readCommand = async (ctx: BotContext & { payload: string }, feature: string, keywords: readonly string[] = []): Promise<Exclude<ScopeAndPeriod, { kind: 'period_error' | 'ask' }> | undefined> => {
    const read = readScopeAndPeriod(deps.regions, ctx.access, ctx.payload, deps.clock(), { feature, action: 'u' }, keywords);
    if (read.kind === 'period_error') await replyHtml(ctx, periodErrorMessage(read.error), deps.sleep);
    else if (read.kind === 'ask') await replyHtml(ctx, read.message, deps.sleep, read.buttons ? { buttons: read.buttons } : {});
    else return read;
    return undefined;
  };

  /**
   * A press naming a scope, checked again (callback data can be forged): one that names nothing real is told it is
   * stale, one outside the person's access is refused. True when the press was answered here and goes no further.
   */
  const pressRefused = scopePressGuard(deps);
  const readPress = scopePress(deps);

  // ---- /ekspor ---------------------------------------------------------------------------------------------------

  const sendExport = (ctx: BotContext, scope: RekapScope, period: Period): Promise<void> =>
    guarded(ctx, async () => {
      // A national rekap of many weeks is seconds of work and hundreds of MB: in chat it is kept to half a year (the
      // command line takes up to two years).
      const weeks = weeksBetween(period.from, period.to) + 1;
      if (scope === 'national' && weeks > MAX_NATIONAL_CHAT_WEEKS) return replyHtml(ctx, EXPORT_TEXT.nationalTooLong(weeks, MAX_NATIONAL_CHAT_WEEKS), deps.sleep);
      await ctx.sendChatAction('upload_document').catch(() => undefined);
      const file = await exportRekap(rekapDeps, scope, period, actorOf(ctx), deps.clock(), 'chat');
      await replyDocument(ctx, file, EXPORT_TEXT.caption(scope, period, file.rekap.demo), deps.sleep);
    });

  const periodButtons = (scope: RekapScope) => {
    const b = EXPORT_TEXT.buttons;
    const at = (label: string, code: string) => callbackButton(label, EXPORT, 'p', `${scopeCode(scope)}~${code}`);
    // Nationally, half a year is the longest chat export: the year is offered as 26 weeks instead.
    return [[at(b.week, 'w'), at(b.last4, '4')], [at(b.last12, '12'), scope === 'national' ? at(b.last26, '26') : at(b.year, 'y')]];
  };

  feature.command(['export', 'ekspor'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    if (!isCoordinatorOrAdmin(ctx.access)) return replyHtml(ctx, exportNotAllowedMessage(), deps.sleep);
    const read = await readCommand(ctx, EXPORT);
    if (!read) return;
    if (read.kind === 'own') {
      const own = ownRekapScope(deps.regions, ctx.access);
      if (!own) return replyHtml(ctx, EXPORT_TEXT.usage(), deps.sleep);
      return replyHtml(ctx, EXPORT_TEXT.choose(own), deps.sleep, { buttons: periodButtons(own) });
    }
    await sendExport(ctx, read.scope, read.period);
  });

  feature.action(new RegExp(`^${EXPORT}:`), async (ctx) => {
    const data = pressedData(ctx);
    if (ctx.access.role === 'unknown' || !isCoordinatorOrAdmin(ctx.access)) {
      await ctx.answerCbQuery(noAccessAnswer, { show_alert: true });
      return;
    }
    let scope: RekapScope | undefined;
    let period: Period | undefined;
    if (data?.action === 'p') {
      const [code, preset] = data.arg.split('~');
      scope = code ? scopeOfCode(deps.regions, code) : undefined;
      period = scope && preset ? presetPeriod(preset, scope, deps.clock()) : undefined;
    } else if (data?.action === 'u') {
      const pressed = readPressedScope(deps.regions, data.arg, deps.clock());
      scope = pressed?.scope;
      period = pressed?.period;
    }
    if (await pressRefused(ctx, period ? scope : undefined)) return;
    if (!scope || !period) return;
    await ctx.answerCbQuery(EXPORT_TEXT.preparing);
    await sendExport(ctx, scope, period);
  });

  // ---- /grafik ---------------------------------------------------------------------------------------------------

  const sendCharts = (ctx: BotContext, scope: RekapScope, period: Period, kinds: readonly ChartKind[]): Promise<void> =>
    guarded(ctx, async () => {
      await ctx.sendChatAction('upload_photo').catch(() => undefined);
      const report = await deps.readSide.report(scope, period, { trend: false });
      if (report.series.every((p) => p.reporting.reported === 0 && p.counted === 0)) return replyHtml(ctx, CHART_TEXT.noData(scope), deps.sleep);
      // Drawn in a worker thread (ECharts and resvg load there, not at start-up): answers go on meanwhile.
      const charts = filePool();
      const slug = `${scopeSlug(scope)}-${report.week}`;
      for (const kind of kinds) {
        if (kind === 'tren') {
          const png = await charts.build('trendChart', scope, report.series, report.demo);
          await replyPicture(ctx, { bytes: png.png, filename: `tren-${slug}.png`, width: png.width, height: png.height }, chartCaptions.trend(scope, report.series, report.seriesChange, report.demo), deps.sleep);
        } else if (kind === 'peringkat') {
          if (scope !== 'national' && scope.kind !== 'provinsi') {
            await replyHtml(ctx, CHART_TEXT.rankNeedsArea(scope), deps.sleep);
            continue;
          }
          const { rows } = rekapLines(report);
          const png = await charts.build('rankingChart', scope, report.week, rows, report.demo);
          await replyPicture(ctx, { bytes: png.png, filename: `peringkat-${slug}.png`, width: png.width, height: png.height }, chartCaptions.ranking(scope, report.week, rows, report.demo), deps.sleep);
        } else {
          const png = await charts.build('completenessChart', scope, report.series, report.demo);
          await replyPicture(ctx, { bytes: png.png, filename: `kelengkapan-${slug}.png`, width: png.width, height: png.height }, chartCaptions.completeness(scope, report.series, report.demo), deps.sleep);
        }
      }
    });

  /** Without a period, a chart shows the last twelve weeks. */
  const chartPeriod = (scope: RekapScope, period: Period, named: boolean): Period => {
    if (named) return period;
    const current = currentWeekOf(scope, deps.clock());
    return { from: shiftWeek(current, -(DEFAULT_CHART_WEEKS - 1)), to: current, kind: 'range' };
  };
  const kindsFor = (scope: RekapScope, asked: string[]): ChartKind[] => {
    const named = CHART_KINDS.filter((k) => asked.includes(k));
    if (named.length > 0) return named;
    return scope !== 'national' && scope.kind !== 'provinsi' ? ['tren'] : ['tren', 'peringkat', 'kelengkapan'];
  };

  feature.command(['chart', 'grafik'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    const read = await readCommand(ctx, CHART, CHART_KINDS);
    if (!read) return;
    const scope = read.kind === 'own' ? ownRekapScope(deps.regions, ctx.access) : read.scope;
    if (!scope) return replyHtml(ctx, CHART_TEXT.usage(), deps.sleep);
    await sendCharts(ctx, scope, chartPeriod(scope, read.period, read.named), kindsFor(scope, read.rest));
  });

  feature.action(new RegExp(`^${CHART}:`), async (ctx) => {
    const pressed = await readPress(ctx);
    if (!pressed) return;
    await ctx.answerCbQuery();
    const kinds = pressed.rest.filter((k): k is ChartKind => (CHART_KINDS as readonly string[]).includes(k));
    await sendCharts(ctx, pressed.scope, chartPeriod(pressed.scope, pressed.period, pressed.named), kindsFor(pressed.scope, kinds));
  });

  // ---- /peringkat ------------------------------------------------------------------------------------------------

  const sendRanking = (ctx: BotContext, scope: RekapScope): Promise<void> =>
    guarded(ctx, async () => {
      if (scope !== 'national' && scope.kind !== 'provinsi') return replyHtml(ctx, RANKING_TEXT.unitScope(scope), deps.sleep);
      const week = currentWeekOf(scope, deps.clock());
      const report = await deps.readSide.week(scope, week);
      const { rows } = rekapLines(report);
      await replyHtml(ctx, rankingMessage(scope, week, rows, report.demo), deps.sleep);
    });

  feature.command(['ranking', 'peringkat'], async (ctx) => {
    if (ctx.access.role === 'unknown') return replyHtml(ctx, notRegisteredMessage(ctx.from.id), deps.sleep);
    const read = await readCommand(ctx, RANK);
    if (!read) return;
    if (read.kind === 'own') {
      const area = ownArea(deps.regions, ctx.access);
      if (!area) return replyHtml(ctx, RANKING_TEXT.usage(), deps.sleep);
      return sendRanking(ctx, area);
    }
    await sendRanking(ctx, read.scope);
  });

  feature.action(new RegExp(`^${RANK}:`), async (ctx) => {
    const pressed = await readPress(ctx);
    if (!pressed) return;
    await ctx.answerCbQuery();
    await sendRanking(ctx, pressed.scope);
  });

  return feature;
}

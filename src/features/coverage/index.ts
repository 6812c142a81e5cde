import { Composer } from 'telegraf';
import type { Unit } from '../../domain/regions/directory.js';
import { weekOf } from '../../domain/weeks.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { regionCommand } from '../../bot/region-command.js';
import { coverageUsageMessage, storeUnreadableMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import { StoreError } from '../../store/errors.js';
import { coverageView } from './views.js';

const FEATURE = 'cov';
/** Every unit, province and the nation once over, with room for older keys on their way out. */
const MAX_CACHED_ANSWERS = 1200;

/** /coverage (/cakupan): latest figures for a kab/kota, a province or the nation, within the person's scope. */
export function coverageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /**
   * Answers already built, until a report or baseline is saved or the week turns where the answer looks: the key holds
   * the store's versions and the current week in the target's zone (for the nation, in the first and the last zone).
   */
  const cache = new Map<string, Html>();
  const keyOf = (target: Unit | 'national', now: Date): string => {
    const weeks = target === 'national' ? `${weekOf(now, 'Asia/Jakarta')}/${weekOf(now, 'Asia/Jayapura')}` : weekOf(now, target.zone.iana);
    return `${target === 'national' ? 'national' : target.code}|${deps.store.reports.version()}|${deps.store.baselines.version()}|${weeks}`;
  };

  const view = async (target: Unit | 'national'): Promise<Html> => {
    const now = deps.clock();
    const key = keyOf(target, now);
    const cached = cache.get(key);
    if (cached) return cached;
    try {
      const built = await coverageView(deps.readSide, deps.regions, target, now, deps.unverifiedInTotals);
      cache.set(key, built);
      // Keys of an older version or week are never asked again: keep the map small.
      if (cache.size > MAX_CACHED_ANSWERS) cache.delete(cache.keys().next().value ?? key);
      return built;
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('coverage data unreadable', { error: e });
      return storeUnreadableMessage();
    }
  };

  feature.use(
    regionCommand(deps, {
      commands: ['coverage', 'cakupan', 'capaian'],
      feature: FEATURE,
      view,
      // Without a name: the person's own unit or province; how to ask, for national roles.
      withoutName: async (own) => (own ? view(own) : coverageUsageMessage()),
    }),
  );
  return feature;
}

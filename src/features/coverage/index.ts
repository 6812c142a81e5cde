import { Composer } from 'telegraf';
import type { Unit } from '../../domain/regions/directory.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { regionCommand } from '../../bot/region-command.js';
import { coverageUsageMessage, storeUnreadableMessage } from '../../messages/coverage.js';
import type { Html } from '../../messages/html.js';
import { StoreError } from '../../store/errors.js';
import { coverageView, nationalView } from './views.js';

const FEATURE = 'cov';

/** /coverage (/cakupan): latest figures for a kab/kota, a province or the nation, within the person's scope. */
export function coverageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const view = async (target: Unit | 'national'): Promise<Html> => {
    try {
      return target === 'national'
        ? await nationalView(deps.store, deps.regions, deps.clock())
        : await coverageView(deps.store, deps.regions, target, deps.clock());
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      deps.logger.error('coverage data unreadable', { error: e });
      return storeUnreadableMessage();
    }
  };

  feature.use(
    regionCommand(deps, {
      commands: ['coverage', 'cakupan'],
      feature: FEATURE,
      view,
      // Without a name: the person's own unit or province; how to ask, for national roles.
      withoutName: async (own) => (own ? view(own) : coverageUsageMessage()),
    }),
  );
  return feature;
}

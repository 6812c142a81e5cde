import { Composer } from 'telegraf';
import { deadlineFor } from '../../domain/deadline.js';
import type { Unit } from '../../domain/regions/directory.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { regionCommand } from '../../bot/region-command.js';
import type { Html } from '../../messages/html.js';
import { nationalStatusMessage, statusMessage } from '../../messages/status.js';
import { scopeName } from '../../messages/rekap.js';
import { scopeZone } from '../../queries/read-side.js';

const FEATURE = 'sts';

/** /status [province | nasional | unit]: who has and has not reported this week, counts first; the nation by province. */
export function statusFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const view = async (target: Unit | 'national'): Promise<Html> => {
    const now = deps.clock();
    const zone = scopeZone(target);
    const week = deps.readSide.currentWeek(target, now);
    const report = await deps.readSide.week(target, week);
    // The week's real deadline, holidays counted; nationally the national calendar's (a province's own days aside).
    const d = deadlineFor(week, zone.iana, deps.reportDeadline, target === 'national' ? undefined : target.provinceCode);
    const deadline = { at: d.at, because: d.because };
    if (target === 'national' && report.area) return nationalStatusMessage({ area: report.area, deadline });
    const units = report.area ? [...report.area.governments, ...report.area.members] : report.unit ? [report.unit] : [];
    return statusMessage({ title: scopeName(target), week, zone, units, area: report.area, deadline });
  };

  feature.use(
    regionCommand(deps, {
      commands: ['status'],
      feature: FEATURE,
      view,
      // Without a name: the person's own unit or province; the nation for national roles.
      withoutName: (own) => view(own ?? 'national'),
    }),
  );
  return feature;
}

import { Composer } from 'telegraf';
import { deadlineFor } from '../../domain/deadline.js';
import type { RegionDirectory, Unit } from '../../domain/regions/directory.js';
import { weekOf } from '../../domain/weeks.js';
import { WIB } from '../../domain/zones.js';
import type { BotContext } from '../../bot/context.js';
import type { BotDeps } from '../../bot/deps.js';
import { regionCommand } from '../../bot/region-command.js';
import type { Html } from '../../messages/html.js';
import { statusMessage, type UnitStatus } from '../../messages/status.js';
import type { Store } from '../../store/store.js';
import { verificationStateOf } from '../../domain/verification.js';

const FEATURE = 'sts';

/** Where a report stands this week for one unit, in its own zone. */
export async function unitStatus(store: Store, unit: Unit, now: Date): Promise<UnitStatus> {
  const week = weekOf(now, unit.zone.iana);
  const report = await store.reports.get(unit.code, week);
  const first = report?.revisions[0];
  if (report && first) {
    return {
      unit,
      week,
      reported: {
        at: new Date(first.at),
        by: first.by.name,
        revisions: report.revisions.length,
        late: first.late === true,
        noData: report.latest.noData?.reason,
        verification: verificationStateOf(report),
      },
    };
  }
  const earlier = await store.reports.latest(unit.code, week);
  return { unit, week, lastWeek: earlier?.week };
}

/** The units a status covers: a province government and its kab/kota, the nation, or one unit. */
export function unitsOf(regions: RegionDirectory, target: Unit | 'national'): Unit[] {
  if (target === 'national') return regions.provinces.flatMap((p) => [p, ...regions.regenciesOf(p.code)]);
  if (target.kind === 'provinsi') return [target, ...regions.regenciesOf(target.code)];
  return [target];
}

/** /status [province | nasional | unit]: who has and has not reported this week, counts first. */
export function statusFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const deadlineLine = (week: Parameters<typeof deadlineFor>[0], iana: string, province: string | undefined) => {
    const d = deadlineFor(week, iana, deps.reportDeadline, province);
    return { deadlineAt: d.at, deadlineMovedBecause: d.because };
  };

  const view = async (target: Unit | 'national'): Promise<Html> => {
    const now = deps.clock();
    const statuses: UnitStatus[] = [];
    for (const unit of unitsOf(deps.regions, target)) statuses.push(await unitStatus(deps.store, unit, now));
    const zone = target === 'national' ? WIB : target.zone;
    const week = weekOf(now, zone.iana);
    const byProvince =
      target === 'national'
        ? deps.regions.provinces.map((province) => {
            const own = statuses.filter((s) => s.unit.provinceCode === province.code);
            return { province, reported: own.filter((s) => s.reported).length, total: own.length };
          })
        : undefined;
    return statusMessage({
      title: target === 'national' ? 'Nasional' : target.name,
      week,
      zone,
      statuses,
      deadline: deps.reportDeadline,
      ...deadlineLine(week, zone.iana, target === 'national' ? undefined : target.provinceCode),
      ...(byProvince ? { byProvince } : {}),
      mixedZones: target === 'national',
    });
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


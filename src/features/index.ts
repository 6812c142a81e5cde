import { Composer, type MiddlewareFn } from 'telegraf';
import type { BotContext } from '../bot/context.js';
import type { BotDeps } from '../bot/deps.js';
import { auditFeature } from './audit/index.js';
import { broadcastFeature } from './broadcast/index.js';
import { coverageFeature } from './coverage/index.js';
import { fallbackFeature } from './fallback.js';
import { groupsFeature } from './groups/index.js';
import { historyFeature } from './history/index.js';
import { holidaysFeature } from './holidays/index.js';
import { boardFeature } from './board/index.js';
import { inviteFeature } from './invite/index.js';
import { onboardingFeature } from './onboarding/index.js';
import { requestsFeature } from './onboarding/requests.js';
import { reportFeature } from './report/index.js';
import { rekapFeature } from './rekap/index.js';
import { mapFeature } from './map/index.js';
import { targetsFeature } from './targets/index.js';
import { verificationFeature } from './verification/index.js';
import { meetingsFeature } from './meetings/index.js';
import { profileFeature } from './profile/index.js';
import { followupsFeature } from './followups/index.js';
import { packFeature } from './pack/index.js';
import { statusFeature } from './status/index.js';
import { usersFeature } from './users/index.js';

/** Every capability, in the order an update meets them; the fallback for input nobody took comes last. */
export function allFeatures(deps: BotDeps): MiddlewareFn<BotContext> {
  return Composer.compose<BotContext>([
    onboardingFeature(deps),
    coverageFeature(deps),
    statusFeature(deps),
    historyFeature(deps),
    rekapFeature(deps),
    packFeature(deps),
    mapFeature(deps),
    targetsFeature(deps),
    verificationFeature(deps),
    reportFeature(deps),
    broadcastFeature(deps),
    meetingsFeature(deps),
    followupsFeature(deps),
    inviteFeature(deps),
    requestsFeature(deps),
    usersFeature(deps),
    groupsFeature(deps),
    auditFeature(deps),
    holidaysFeature(deps),
    boardFeature(deps),
    profileFeature(deps),
    fallbackFeature(deps),
  ]);
}

import type { Context } from 'telegraf';
import type { Access } from '../domain/access.js';
import type { SessionData } from '../flows/state.js';

export type { Access } from '../domain/access.js';

export type { BroadcastFlow, Flow, MeetingFlow, ReportFlow, ReportStep, SessionData } from '../flows/state.js';

export interface BotContext extends Context {
  session: SessionData | undefined;
  access: Access;
}

import type { Context } from 'telegraf';
import type { Access } from '../domain/access.js';
import type { SessionData } from './flow-state.js';

export type { Access } from '../domain/access.js';

export type { BroadcastFlow, Flow, MeetingFlow, ReportFlow, ReportStep, SessionData } from './flow-state.js';

export interface BotContext extends Context {
  session: SessionData | undefined;
  access: Access;
}

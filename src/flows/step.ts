import type { CallbackButton } from '../domain/callback-data.js';
import type { NonTextKind } from '../messages/common.js';
import type { Html } from '../messages/html.js';

/**
 * The shape of every guided flow: a pure function from its state and one input (a typed answer or a button press)
 * to its next state, what to say, and what to do. `facts` carries what it may read (the person's access, the regions,
 * the clock); effects name what the wiring must do (create an invite, save a report), and may return more to say.
 * No Telegram, no store: every rule of a flow is tested without a bot (tests/flows/).
 */
export type FlowInput =
  | {
      kind: 'text';
      text: string;
      entities?: Array<{ type: string; offset: number; length: number } & Record<string, unknown>>;
      /** The message's id: an answer sent before the question it would answer can be recognised. */
      messageId?: number;
    }
  | { kind: 'press'; action: string; arg: string }
  /** A sticker, photo, voice note... where an answer is awaited. */
  | {
      kind: 'other';
      what: NonTextKind;
      /** A document (a file sent as a file): what Telegram says of it, for the flows that take one. */
      document?: { fileId: string; fileName?: string | undefined; size?: number | undefined; caption?: string | undefined };
    };

/** What to say: an HTML message with buttons, or a copy of a text with its author's own formatting (a notice). */
export type Reply =
  | { message: Html; buttons?: CallbackButton[][] }
  | { copy: { text: string; entities: Array<{ type: string; offset: number; length: number } & Record<string, unknown>> } };

export interface StepResult<S, E> {
  /** The next state; `undefined` ends the flow. */
  state: S | undefined;
  replies: Reply[];
  effects: E[];
  /** For a press: a short notice on the button (a refused or stale press), instead of a silent acknowledgement. */
  notice?: string;
  /** The input was not this flow's to take: whatever flow is running stays exactly as it is. */
  untouched?: true;
}

export const say = (message: Html, buttons?: CallbackButton[][]): Reply => (buttons ? { message, buttons } : { message });

/** Stay in `state`, saying something. */
export const stay = <S, E>(state: S, ...replies: Reply[]): StepResult<S, E> => ({ state, replies, effects: [] });

/** End the flow, saying something and doing something. */
export const finish = <S, E>(replies: Reply[], effects: E[] = []): StepResult<S, E> => ({ state: undefined, replies, effects });

/** A press that does not belong to the flow as it stands: nothing changes, and the button says so. */
export const refuse = <S, E>(notice: string): StepResult<S, E> => ({ state: undefined, replies: [], effects: [], notice, untouched: true });

/** A command this person may not use: said so, and whatever flow is running stays as it is. */
export const decline = <S, E>(...replies: Reply[]): StepResult<S, E> => ({ state: undefined, replies, effects: [], untouched: true });

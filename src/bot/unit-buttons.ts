import { Markup } from 'telegraf';
import type { Unit } from '../domain/regions/directory.js';
import { encodeCallback } from './callback-data.js';

/** One button per unit, one per row, carrying the unit code. */
export const unitButtons = (units: readonly Unit[], feature: string, action: string) =>
  units.map((u) => [Markup.button.callback(u.name, encodeCallback(feature, action, u.code))]);

export { resolveUnit, unitButtons, type UnitAnswer } from '../flows/resolve-unit.js';

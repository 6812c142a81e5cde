export { unitButtons } from '../flows/resolve-unit.js';

export { parsePlanText } from './parse-plan.js';

/** Pure text of the reports: sentences from numbers, with units, data marks and target wording. */
export { changeText, differenceUnit } from './change-wording.js';
export { dataMark, dataStatusLabel, mergeFlags, NO_FLAGS, type DataFlags } from './data-marks.js';
export {
  goalText,
  indicatorSentence,
  targetClause,
  type IndicatorFact,
  type MilestoneFact,
} from './indicator-sentence.js';

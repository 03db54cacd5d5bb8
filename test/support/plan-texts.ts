/** Plan documents small enough to read in a test: one with targets, one whose areas hold none. */
export const SMALL_PLAN_TEXT = [
  '测试市妇女发展规划（2021—2030年）',
  '二、发展领域、主要目标和策略措施',
  '（一）妇女与健康。',
  '主要目标：',
  '1.孕产妇死亡率控制在12/10万以下。',
  '2.妇女人均预期寿命延长。',
  '（二）妇女与教育。',
  '主要目标：',
  '1.女性平均受教育年限达到11.5年。',
].join('\n\n');

export const NO_TARGETS_PLAN_TEXT = [
  '测试市妇女发展规划（2021—2030年）',
  '（一）妇女与健康',
  '主要目标：',
  '1.加强思想政治教育。',
  '（二）妇女与教育',
  '主要目标：',
  '1.加强组织领导。',
].join('\n\n');

import type { ProgressStatus } from '../domain/evaluation/progress-status.js';

/** Chinese and English names of the progress statuses, in report order. */
export const STATUS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  achieved: { zh: '已实现', en: 'Achieved' },
  on_track: { zh: '进度正常', en: 'On track' },
  needs_acceleration: { zh: '需加快进度', en: 'Needs acceleration' },
  limited_progress: { zh: '进展有限', en: 'Limited progress' },
  deterioration: { zh: '退步', en: 'Deterioration' },
  insufficient_data: { zh: '数据不足', en: 'Insufficient data' },
  not_assessable: { zh: '无法评估', en: 'Not assessable' },
};

/** One colour per status (green → red, greys for no verdict), shared by web pages and reports. */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#2e7d32',
  on_track: '#66bb6a',
  needs_acceleration: '#f9a825',
  limited_progress: '#ef6c00',
  deterioration: '#c62828',
  insufficient_data: '#9e9e9e',
  not_assessable: '#cfd8dc',
};

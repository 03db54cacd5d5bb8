import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS } from '../../../src/charts/status-labels';
import type { ProgressStatus } from '../../../src/domain/evaluation/progress-status';

/** A progress status: the shared status colour as a dot and border, dark text (readable at AA contrast). */
export function StatusTag({
  status,
  lang,
  testId,
}: {
  status: ProgressStatus;
  lang: 'zh' | 'en';
  testId?: string;
}) {
  const color = STATUS_COLORS[status];
  return (
    <Tag style={{ borderColor: color, background: '#fff', color: '#1f1f1f' }} data-testid={testId}>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: 4,
          background: color,
          marginRight: 4,
        }}
      />
      {STATUS_LABELS[status][lang]}
    </Tag>
  );
}

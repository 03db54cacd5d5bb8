import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** The comment the demo generator puts on every simulated value (src/domain/demo). */
export const SIMULATED_COMMENT = '模拟数据';

export const isSimulated = (o: { comment: string | null }) => o.comment === SIMULATED_COMMENT;

/** A visible 模拟数据 label: simulated values must never pass for real statistics. */
export function SimulatedTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('simulated.hint')}>
      <Tag color="orange" data-testid="simulated">
        {t('simulated.label')}
      </Tag>
    </Tooltip>
  );
}

import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Plan import through the browser: waits for an upload API (the CLI `plan import` works meanwhile). */
export function PlanImport(_: { onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('planImport.title')}
        </Typography.Title>
      }
    >
      <Alert type="info" showIcon title={t('planImport.cli')} />
    </Card>
  );
}

import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STATUS_LABELS } from '../../../../src/charts/status-labels';
import { PROGRESS_STATUSES } from '../../../../src/domain/evaluation/progress-status';
import type { EvaluationOverview } from '../../api/types';
import { StatusTag } from '../../components/status-tag';
import { ATTENTION, changedTargets } from './changed-targets';

type OverviewTarget = EvaluationOverview['targets'][number];

/**
 * The overview below the fold (a chunk of its own, drawn after the figures): open alerts by level, reporting
 * completeness by sub-region, the targets whose status changed since last year, and every target's status.
 */
export default function OverviewDetails({
  overview,
  lang,
}: {
  overview: EvaluationOverview;
  lang: 'zh' | 'en';
}) {
  const { t } = useTranslation();
  const levels = Object.entries(overview.alerts.byLevel).filter(([, n]) => n > 0);
  const name = (a: OverviewTarget) =>
    (lang === 'en' ? a.indicatorNameEn : a.indicatorName) ?? a.indicatorName ?? a.label;
  const link = (a: OverviewTarget) =>
    a.indicatorCode ? (
      <Link to={`/indicators/${encodeURIComponent(a.indicatorCode)}?region=${overview.regionCode}`}>
        {name(a)}
      </Link>
    ) : (
      name(a)
    );
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('overview.alertsByLevel')}>
            {levels.length === 0 ? (
              <Typography.Text type="secondary">{t('overview.noAlerts')}</Typography.Text>
            ) : (
              <Space wrap>
                {levels.map(([level, n]) => (
                  <Tag key={level} color={level === 'red' ? 'red' : 'gold'}>
                    {t(`alertLevel.${level}`, { defaultValue: level })}: {n}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('overview.completenessByRegion', { year: overview.year })}>
            <List
              size="small"
              dataSource={overview.completeness}
              renderItem={(c) => (
                <List.Item>
                  <span>{c.regionName}</span>
                  <Tag color={c.reported === c.targets ? 'green' : c.reported === 0 ? 'red' : 'gold'}>
                    {c.reported}/{c.targets}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('overview.changedList')}>
            <List
              size="small"
              // antd's own empty text is too pale for AA contrast; the secondary text colour is not.
              locale={{
                emptyText: <Typography.Text type="secondary">{t('overview.noChanges')}</Typography.Text>,
              }}
              dataSource={changedTargets(overview.targets).slice(0, 12)}
              renderItem={(a) => (
                <List.Item>
                  {link(a)}
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <StatusTag status={a.previousStatus} lang={lang} />→{' '}
                    <StatusTag status={a.status} lang={lang} />
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('overview.byIndicator')}>
        <List
          size="small"
          dataSource={[...overview.targets].sort((a, b) => ATTENTION[a.status] - ATTENTION[b.status])}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta title={link(a)} description={a.explanation} />
              <StatusTag status={a.status} lang={lang} />
            </List.Item>
          )}
        />
      </Card>
      <Typography.Text type="secondary">
        {t('overview.statusKey', {
          statuses: PROGRESS_STATUSES.map((s) => STATUS_LABELS[s][lang]).join('、'),
        })}
      </Typography.Text>
    </>
  );
}

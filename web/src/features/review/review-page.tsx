import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Indicator, Observation, RegionDetail } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useUser } from '../../auth/auth-context';
import { PageState } from '../../components/page-state';

const keyOf = (o: Observation) =>
  `${o.indicatorCode}|${o.regionCode}|${o.year}|${o.sex}|${o.urbanRural}|${o.age}`;

/**
 * The monitoring lead's queue: submitted values in the lead's region, approve selected ones (the lead's
 * write stores them as approved, version-checked). Returning a value with a reason needs the rounds API.
 */
export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const en = i18n.language === 'en';
  const observations = useApi<{ observations: Observation[] }>(`/api/observations?region=${user.regionCode}`);
  const catalog = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const regionInfo = useApi<RegionDetail>(`/api/regions/${user.regionCode}`);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const queue = useMemo(
    () =>
      (observations.data?.observations ?? [])
        .filter((o) => o.status === 'submitted')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [observations.data],
  );
  const indicatorName = (code: string) => {
    const ind = catalog.data?.indicators.find((i) => i.code === code);
    return ind ? (en ? ind.nameEn : ind.nameZh) : code;
  };
  const regionName = (code: string) =>
    code === regionInfo.data?.region.code
      ? regionInfo.data.region.name
      : (regionInfo.data?.children.find((c) => c.code === code)?.name ?? code);
  const approve = async () => {
    const rows = queue.filter((o) => selected.includes(keyOf(o)));
    setBusy(true);
    try {
      await api('/api/observations', {
        method: 'PUT',
        body: {
          cells: rows.map((o) => ({
            indicator: o.indicatorCode,
            region: o.regionCode,
            year: o.year,
            sex: o.sex,
            urbanRural: o.urbanRural,
            age: o.age,
            value: o.value,
            // Nulls left out: the server reads an explicit null denominator as 0 (reported).
            ...(o.numerator !== null ? { numerator: o.numerator } : {}),
            ...(o.denominator !== null ? { denominator: o.denominator } : {}),
            ...(o.comment !== null ? { comment: o.comment } : {}),
            version: o.version,
          })),
        },
      });
      void message.success(t('review.approved', { count: rows.length }));
      setSelected([]);
      observations.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : t('state.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('review.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={busy}
            onClick={() => void approve()}
            data-testid="approve"
          >
            {t('review.approve', { count: selected.length })}
          </Button>
        </Space>
      }
    >
      <PageState
        loading={observations.loading || catalog.loading}
        error={observations.error ?? catalog.error}
        data={observations.data}
        reload={observations.reload}
        isEmpty={() => queue.length === 0}
        emptyText={t('review.none')}
      >
        {() => (
          <Table
            size="small"
            rowKey={keyOf}
            dataSource={queue}
            style={{ overflowX: 'auto' }}
            data-testid="review-queue"
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: t('plans.indicator'), render: (_, o) => indicatorName(o.indicatorCode) },
              { title: t('indicator.region'), render: (_, o) => regionName(o.regionCode) },
              { title: t('indicator.year'), dataIndex: 'year' },
              { title: t('indicator.sex'), dataIndex: 'sex', render: (s: string) => t(`sex.${s}`) },
              { title: t('indicator.value'), dataIndex: 'value' },
              { title: t('indicator.comment'), dataIndex: 'comment' },
              {
                title: t('indicator.history'),
                render: (_, o) => (
                  <Tag>
                    {t('indicator.versionInfo', {
                      version: o.version,
                      at: new Date(o.updatedAt).toLocaleString(en ? 'en-GB' : 'zh-CN'),
                    })}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}

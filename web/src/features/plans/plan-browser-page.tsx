import { Card, Collapse, Descriptions, Empty, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Plan, PlanItem, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';
import { targetText } from './target-text';

const Departments = ({ names }: { names: string[] }) => (
  <Space size={[4, 4]} wrap>
    {names.map((d) => (
      <Tag key={d} color="purple">
        {d}
      </Tag>
    ))}
  </Space>
);

const itemDepartments = (item: PlanItem) => item.responsibility.departments;

/** Areas → goals → measures → targets of one plan, each target beside its source sentence; filter by department. */
export default function PlanBrowserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useApi<Plan>(`/api/plans/${encodeURIComponent(id)}`);
  const [department, setDepartment] = useState<string | undefined>();
  const departments = useMemo(() => {
    const all = new Set<string>();
    for (const a of plan.data?.areas ?? [])
      for (const item of [...a.goals, ...a.measures]) for (const d of itemDepartments(item)) all.add(d);
    for (const target of plan.data?.targets ?? []) for (const d of target.responsible) all.add(d);
    return [...all].sort((a, b) => a.localeCompare(b, 'zh'));
  }, [plan.data]);
  const matches = (names: string[]) => department === undefined || names.includes(department);
  return (
    <PageState {...plan}>
      {(p) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: 20 }} data-testid="plan-title">
              {p.title}
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('plans.region')}>{p.region}</Descriptions.Item>
              <Descriptions.Item label={t('plans.period')}>{p.period.join('—')}</Descriptions.Item>
              <Descriptions.Item label={t('plans.targets')}>{p.targets.length}</Descriptions.Item>
            </Descriptions>
            <Space wrap>
              <label htmlFor="department-filter">{t('plans.filterDepartment')}</label>
              <Select
                id="department-filter"
                allowClear
                showSearch
                placeholder={t('plans.allDepartments')}
                style={{ minWidth: 220 }}
                value={department}
                onChange={(v: string | undefined) => setDepartment(v)}
                options={departments.map((d) => ({ value: d, label: d }))}
              />
            </Space>
          </Card>
          <Collapse
            defaultActiveKey={p.areas.slice(0, 1).map((a) => a.code)}
            items={p.areas.map((area) => {
              const goals = area.goals.filter((g) => matches(itemDepartments(g)));
              const measures = area.measures.filter((m) => matches(itemDepartments(m)));
              const targets = p.targets.filter((tg) => tg.area === area.code && matches(tg.responsible));
              return {
                key: area.code,
                label: (
                  <span>
                    {area.name}{' '}
                    <Typography.Text type="secondary">
                      {t('plans.areaCounts', {
                        goals: goals.length,
                        measures: measures.length,
                        targets: targets.length,
                      })}
                    </Typography.Text>
                  </span>
                ),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Title level={3} style={{ fontSize: 16 }}>
                      {t('plans.goals')}
                    </Typography.Title>
                    <ItemList items={goals} />
                    <Typography.Title level={3} style={{ fontSize: 16 }}>
                      {t('plans.targets')}
                    </Typography.Title>
                    <TargetTable targets={targets} />
                    <Typography.Title level={3} style={{ fontSize: 16 }}>
                      {t('plans.measures')}
                    </Typography.Title>
                    <ItemList items={measures} />
                  </Space>
                ),
              };
            })}
          />
        </Space>
      )}
    </PageState>
  );
}

function ItemList({ items }: { items: PlanItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('state.empty')} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <span>
              <Typography.Text strong>{item.number}. </Typography.Text>
              {item.title && <Typography.Text strong>{item.title} </Typography.Text>}
              {item.text}
            </span>
            {itemDepartments(item).length > 0 && <Departments names={itemDepartments(item)} />}
          </Space>
        </List.Item>
      )}
    />
  );
}

function TargetTable({ targets }: { targets: Target[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.section}-${r.item}-${r.indicator}-${r.year}-${r.comparator}`}
      dataSource={targets}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('state.empty') }}
      columns={[
        { title: t('plans.indicator'), dataIndex: 'indicator', width: 180 },
        { title: t('plans.target'), render: (_, r) => targetText(r, t), width: 150 },
        { title: t('plans.year'), dataIndex: 'year', width: 70 },
        {
          title: t('plans.responsible'),
          render: (_, r) => <Departments names={r.responsible} />,
          width: 160,
        },
        {
          title: t('plans.source'),
          render: (_, r) => <div className="hs-source">{r.text}</div>,
        },
      ]}
    />
  );
}

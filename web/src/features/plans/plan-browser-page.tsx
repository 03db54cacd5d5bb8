import { Card, Collapse, Descriptions, Empty, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { Plan, PlanItem, Target } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageState } from '../../components/page-state';
import { planItemId } from '../../../../src/domain/plan-item-ids';
import { targetText } from './target-text';

interface Responsibility {
  item: { kind: string; id: string };
  department: string;
  role: 'lead' | 'supporting';
  position: number;
}
type Matrix = Map<string, { department: string; role: 'lead' | 'supporting' }[]>;

function Departments({ list }: { list: { department: string; role: 'lead' | 'supporting' }[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {list.map((d) => (
        <Tag
          key={d.department}
          color={d.role === 'lead' ? 'purple' : undefined}
          title={t(`plans.role.${d.role}`)}
        >
          {d.department}
          {d.role === 'lead' ? `（${t('plans.role.lead')}）` : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** Areas → goals → measures → targets of one plan, each target beside its source sentence; filter by department. */
export default function PlanBrowserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = useApi<Plan>(`/api/plans/${encodeURIComponent(id)}`);
  // The responsibility matrix (lead and supporting departments, as corrected by plan owners).
  const responsibilities = useApi<{ responsibilities: Responsibility[] }>(
    `/api/plans/${encodeURIComponent(id)}/responsibilities`,
  );
  const matrix: Matrix = useMemo(() => {
    const m: Matrix = new Map();
    for (const r of [...(responsibilities.data?.responsibilities ?? [])].sort(
      (a, b) => a.position - b.position,
    ))
      m.set(r.item.id, [...(m.get(r.item.id) ?? []), { department: r.department, role: r.role }]);
    return m;
  }, [responsibilities.data]);
  const of = (itemId: string, fallback: string[]) =>
    matrix.get(itemId) ??
    fallback.map((department, i) => ({
      department,
      role: i === 0 ? ('lead' as const) : ('supporting' as const),
    }));
  const [department, setDepartment] = useState<string | undefined>();
  // Every goal, measure and target with its id and departments, per area.
  const areas = useMemo(
    () =>
      (plan.data?.areas ?? []).map((area, a) => ({
        area,
        goals: area.goals.map((item, i) => ({
          item,
          deps: of(planItemId.goal(id, a, i), item.responsibility.departments),
        })),
        measures: area.measures.map((item, i) => ({
          item,
          deps: of(planItemId.measure(id, a, i), item.responsibility.departments),
        })),
        targets: (plan.data?.targets ?? []).flatMap((target, i) =>
          target.area === area.code
            ? [{ target, deps: of(planItemId.target(id, i), target.responsible) }]
            : [],
        ),
      })),
    [plan.data, matrix, id],
  );
  const departments = useMemo(() => {
    const all = new Set<string>();
    for (const a of areas)
      for (const x of [...a.goals, ...a.measures, ...a.targets])
        for (const d of x.deps) all.add(d.department);
    return [...all].sort((a, b) => a.localeCompare(b, 'zh'));
  }, [areas]);
  const matches = (x: { deps: { department: string }[] }) =>
    department === undefined || x.deps.some((d) => d.department === department);
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
            items={areas.map(({ area, ...all }) => {
              const goals = all.goals.filter(matches);
              const measures = all.measures.filter(matches);
              const targets = all.targets.filter(matches);
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

type WithDeps = { deps: { department: string; role: 'lead' | 'supporting' }[] };

function ItemList({ items }: { items: ({ item: PlanItem } & WithDeps)[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('state.empty')} />;
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={({ item, deps }) => (
        <List.Item>
          <Space direction="vertical" size={2}>
            <span>
              <Typography.Text strong>{item.number}. </Typography.Text>
              {item.title && <Typography.Text strong>{item.title} </Typography.Text>}
              {item.text}
            </span>
            {deps.length > 0 && <Departments list={deps} />}
          </Space>
        </List.Item>
      )}
    />
  );
}

function TargetTable({ targets }: { targets: ({ target: Target } & WithDeps)[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(r) =>
        `${r.target.section}-${r.target.item}-${r.target.indicator}-${r.target.year}-${r.target.comparator}-${r.target.value}`
      }
      dataSource={targets}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="plan-targets"
      locale={{ emptyText: t('state.empty') }}
      columns={[
        { title: t('plans.indicator'), render: (_, r) => r.target.indicator, width: 180 },
        { title: t('plans.target'), render: (_, r) => targetText(r.target, t), width: 150 },
        { title: t('plans.year'), render: (_, r) => r.target.year, width: 70 },
        {
          title: t('plans.responsible'),
          render: (_, r) => <Departments list={r.deps} />,
          width: 160,
        },
        {
          title: t('plans.source'),
          render: (_, r) => <div className="hs-source">{r.target.text}</div>,
        },
      ]}
    />
  );
}

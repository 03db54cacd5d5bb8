import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../api/types';
import { COMPARATORS, type Comparator } from '../../../../src/domain/plan';
import {
  isAdded,
  itemKeys,
  itemPath,
  targetsOfItem,
  withDepartments,
  withItemText,
  withNewItem,
  withNewTarget,
  withoutItem,
  withoutTarget,
  withTarget,
  type FieldErrors,
  type ParsedPlan,
} from './parsed-plan';

interface Props {
  plan: ParsedPlan;
  errors: FieldErrors;
  selected: number | null;
  onSelect: (index: number) => void;
  /** A changed plan; `structural` when items were added or removed (field errors by index are then stale). */
  onChange: (plan: ParsedPlan, structural?: boolean) => void;
}

/**
 * Areas → goals and measures with their departments (editable; added with their text, deleted with their
 * targets) → targets (editable, added, deleted), errors at their fields.
 */
export function ParsedPlanEditor({ plan, errors, selected, onSelect, onChange }: Props) {
  const { t } = useTranslation();
  const error = (field: string) =>
    errors[field] ? <Typography.Text type="danger">{errors[field]}</Typography.Text> : null;
  const status = (field: string) => (errors[field] ? 'error' : undefined);

  const item = (section: 'goal' | 'measure') => (x: PlanItem & { id: string }) => {
    const path = itemPath(plan, x.id) ?? x.id;
    const name = t(section === 'goal' ? 'planImport.goalN' : 'planImport.measureN', { n: x.number });
    const targets = targetsOfItem(plan, x.id);
    const remove = (
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('planImport.deleteItem', { item: name })}
        data-testid="delete-item"
        onClick={targets > 0 ? undefined : () => onChange(withoutItem(plan, x.id), true)}
      />
    );
    return (
      <div key={x.id} style={{ marginBottom: 8 }}>
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 4 }}>
          {isAdded(x) ? (
            <div style={{ flex: 1 }}>
              <Input.TextArea
                autoSize
                aria-label={t('planImport.itemText', { item: name })}
                placeholder={t('planImport.itemTextPlaceholder', { item: name })}
                value={x.text}
                status={status(`${path}.text`)}
                onChange={(e) => onChange(withItemText(plan, x.id, e.target.value))}
              />
              {error(`${path}.text`)}
            </div>
          ) : (
            <Typography.Text style={{ flex: 1 }}>
              {x.number}. {x.title ?? x.text}
            </Typography.Text>
          )}
          {targets > 0 ? (
            <Popconfirm
              title={t('planImport.deleteItemConfirm', { item: name, count: targets })}
              okText={t('planImport.delete')}
              cancelText={t('users.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onChange(withoutItem(plan, x.id), true)}
            >
              {remove}
            </Popconfirm>
          ) : (
            remove
          )}
        </div>
        <Select
          mode="tags"
          size="small"
          style={{ width: '100%', marginTop: 4 }}
          aria-label={`${name} ${t('planImport.departments')}`}
          placeholder={t('planImport.departmentsPlaceholder')}
          value={x.responsibility.departments}
          status={status(`${path}.departments`)}
          onChange={(v: string[]) => onChange(withDepartments(plan, x.id, v))}
          open={false}
          suffixIcon={null}
        />
        {error(`${path}.departments`)}
      </div>
    );
  };

  return (
    <section aria-label={t('planImport.parsed')}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('planImport.parsed')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('planImport.selectHint')}</Typography.Text>
      {plan.areas.map((area) => {
        const targets = plan.targets
          .map((target, index) => ({ target, index }))
          .filter((r) => r.target.area === area.code);
        const items = itemKeys(plan, area.code).map((i) => ({
          value: i.key,
          label: `${t('planImport.item')}：${t(i.section === 'goal' ? 'planImport.goalN' : 'planImport.measureN', { n: i.number })}`,
        }));
        // The area's goals and measures; a target under a project or elsewhere keeps its own item.
        const itemOptions = (target: { section: string; item: number }) => {
          const key = `${target.section}:${target.item}`;
          return items.some((i) => i.value === key)
            ? items
            : [...items, { value: key, label: t('planImport.otherItem', { n: target.item }) }];
        };
        return (
          <div key={area.id} style={{ marginTop: 16 }}>
            <Typography.Title level={4} style={{ fontSize: 15 }}>
              {area.name}
            </Typography.Title>
            {area.goals.length > 0 && <Tag>{t('plans.goals')}</Tag>}
            {area.goals.map(item('goal'))}
            {area.measures.length > 0 && <Tag>{t('plans.measures')}</Tag>}
            {area.measures.map(item('measure'))}
            <Space wrap style={{ marginBottom: 8 }}>
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid="add-goal"
                aria-label={t('planImport.addGoalTo', { area: area.name })}
                onClick={() => onChange(withNewItem(plan, area.code, 'goal'), true)}
              >
                {t('planImport.addGoal')}
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid="add-measure"
                aria-label={t('planImport.addMeasureTo', { area: area.name })}
                onClick={() => onChange(withNewItem(plan, area.code, 'measure'), true)}
              >
                {t('planImport.addMeasure')}
              </Button>
            </Space>
            <Table
              size="small"
              rowKey={(r) => r.target.id}
              dataSource={targets}
              pagination={false}
              scroll={{ x: 570 }}
              locale={{ emptyText: t('planImport.noTargets') }}
              rowClassName={(r) => (r.index === selected ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => onSelect(r.index), 'data-testid': 'import-target' }) as never}
              columns={[
                {
                  title: t('planImport.indicator'),
                  width: 190,
                  render: (_, r) => (
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Input
                        size="small"
                        aria-label={t('planImport.indicator')}
                        value={r.target.indicator}
                        placeholder={isAdded(r.target) ? t('planImport.indicatorPlaceholder') : undefined}
                        status={status(`targets.${r.index}.indicator`)}
                        onFocus={() => onSelect(r.index)}
                        onChange={(e) => onChange(withTarget(plan, r.index, { indicator: e.target.value }))}
                      />
                      {error(`targets.${r.index}.indicator`)}
                      <Select
                        size="small"
                        style={{ width: '100%' }}
                        aria-label={t('planImport.item')}
                        value={`${r.target.section}:${r.target.item}`}
                        options={itemOptions(r.target)}
                        onChange={(key: string) => {
                          const [section, n] = key.split(':');
                          onChange(
                            withTarget(plan, r.index, {
                              section: section as ParsedPlan['targets'][number]['section'],
                              item: Number(n),
                            }),
                          );
                        }}
                      />
                    </Space>
                  ),
                },
                {
                  title: t('planImport.comparator'),
                  width: 100,
                  render: (_, r) => (
                    <Select
                      size="small"
                      style={{ width: '100%' }}
                      aria-label={t('planImport.comparator')}
                      value={r.target.comparator}
                      status={status(`targets.${r.index}.comparator`)}
                      options={COMPARATORS.map((c) => ({ value: c, label: t(`comparator.${c}`) }))}
                      onChange={(comparator: Comparator) =>
                        onChange(withTarget(plan, r.index, { comparator }))
                      }
                    />
                  ),
                },
                {
                  title: t('planImport.value'),
                  width: 84,
                  render: (_, r) => (
                    <>
                      <InputNumber
                        size="small"
                        style={{ width: '100%' }}
                        aria-label={t('planImport.value')}
                        value={r.target.value}
                        status={status(`targets.${r.index}.value`)}
                        onFocus={() => onSelect(r.index)}
                        onChange={(v) =>
                          onChange(withTarget(plan, r.index, { value: typeof v === 'number' ? v : null }))
                        }
                      />
                      {error(`targets.${r.index}.value`)}
                    </>
                  ),
                },
                {
                  title: t('planImport.unit'),
                  width: 70,
                  render: (_, r) => (
                    <Input
                      size="small"
                      aria-label={t('planImport.unit')}
                      value={r.target.unit ?? ''}
                      status={status(`targets.${r.index}.unit`)}
                      onChange={(e) => onChange(withTarget(plan, r.index, { unit: e.target.value || null }))}
                    />
                  ),
                },
                {
                  title: t('planImport.year'),
                  width: 82,
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <InputNumber
                        size="small"
                        style={{ width: '100%' }}
                        aria-label={t('planImport.year')}
                        value={r.target.year}
                        status={status(`targets.${r.index}.year`)}
                        onChange={(v) =>
                          onChange(withTarget(plan, r.index, { year: typeof v === 'number' ? v : 0 }))
                        }
                      />
                      {error(`targets.${r.index}.year`)}
                    </Space>
                  ),
                },
                {
                  title: <span className="hs-visually-hidden">{t('planImport.actions')}</span>,
                  width: 44,
                  // Always in view, however narrow the table.
                  fixed: 'right',
                  render: (_, r) => (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('planImport.deleteTarget', {
                        indicator: r.target.indicator || t('planImport.newTarget'),
                      })}
                      data-testid="delete-target"
                      onClick={(e) => {
                        e.stopPropagation();
                        onChange(withoutTarget(plan, r.index), true);
                      }}
                    />
                  ),
                },
              ]}
            />
            <Button
              size="small"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              data-testid="add-target"
              aria-label={t('planImport.addTargetTo', { area: area.name })}
              onClick={() => onChange(withNewTarget(plan, area.code), true)}
            >
              {t('planImport.addTarget')}
            </Button>
          </div>
        );
      })}
    </section>
  );
}

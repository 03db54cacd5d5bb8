import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary, Round } from '../api/types';
import { useApi } from '../api/use-api';

/**
 * The rounds and the plans they belong to, as the round pages load them: data once both are in; `reload`
 * asks for the rounds again.
 */
export function useRoundChoices() {
  const rounds = useApi<{ rounds: Round[] }>('/api/rounds');
  const plans = useApi<{ plans: PlanSummary[] }>('/api/plans');
  return {
    loading: rounds.loading || plans.loading,
    error: rounds.error ?? plans.error,
    data: rounds.data && plans.data ? { rounds: rounds.data.rounds, plans: plans.data.plans } : undefined,
    reload: rounds.reload,
  };
}

/** Picks a reporting round (open ones first, latest year first); chooses the first when none is chosen. */
export function RoundSelect({
  rounds,
  plans,
  value,
  onChange,
}: {
  rounds: Round[];
  plans: PlanSummary[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...rounds].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.year - a.year,
  );
  useEffect(() => {
    if (value === undefined && sorted[0]) onChange(sorted[0].id);
  }, [value, sorted, onChange]);
  const title = (r: Round) => plans.find((p) => p.id === r.planId)?.title ?? r.planId;
  return (
    <Select
      id="round-select"
      style={{ minWidth: 300 }}
      value={value}
      onChange={onChange}
      options={sorted.map((r) => ({
        value: r.id,
        label: `${title(r)} · ${t('rounds.year', { year: r.year })}${r.status === 'closed' ? ` · ${t('rounds.closed')}` : ''}`,
      }))}
    />
  );
}

/** Row types of migration 0006 (alerts, their history, the evaluation data version). Stay inside src/store. */
export type AlertTables = {
  alerts: AlertRow;
  alert_events: AlertEventRow;
  evaluation_data_version: DataVersionRow;
  evaluation_changes: EvaluationChangeRow;
};

export type AlertRow = {
  id: string;
  plan_id: string;
  target_key: string;
  indicator_code: string | null;
  region_code: string;
  year: number;
  rule: string;
  level: string;
  status: string;
  reason: string;
  reason_en: string;
  /** JSON array of department names. */
  departments: string;
  action_plan: string | null;
  due_date: string | null;
  closed_note: string | null;
  created_at: string;
  updated_at: string;
};

export type AlertEventRow = {
  id: string;
  alert_id: string;
  position: number;
  at: string;
  actor: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  due_date: string | null;
};

export type DataVersionRow = {
  id: number;
  version: number | string | bigint;
  /** Migration 0012: the version of the last change the change log cannot express (a full rebuild). */
  structure_version: number | string | bigint;
  /** Migration 0012: the change log is complete for versions after this one. */
  changes_from: number | string | bigint;
};

/** Migration 0012: one changed evaluated observation key, at the data version of the change. */
export type EvaluationChangeRow = {
  version: number | string | bigint;
  indicator_code: string;
  region_code: string;
  year: number;
  sex: string;
};

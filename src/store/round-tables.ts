/** Row types of reporting rounds and the observation history (migration 0007). Stay inside src/store. */
export interface RoundTables {
  rounds: RoundRow;
  round_cells: RoundCellRow;
  observation_history: ObservationHistoryRow;
  round_status_changes: RoundStatusChangeRow;
}

export interface RoundRow {
  id: string;
  plan_id: string;
  year: number;
  region_code: string;
  /** YYYY-MM-DD. */
  deadline: string;
  status: string;
  opened_by: string | null;
  opened_at: string;
  /** Migration 0011: when and by whom the round was last closed (null while open). */
  closed_at: string | null;
  closed_by: string | null;
}

/** A round closed or reopened, with the reason (migration 0011). */
export interface RoundStatusChangeRow {
  id: string;
  round_id: string;
  status: string;
  reason: string | null;
  user_id: string | null;
  at: string;
}

/** A cell owed in a round, with its review state; the value is the observation of the round's year. */
export interface RoundCellRow {
  id: string;
  round_id: string;
  indicator_code: string;
  region_code: string;
  sex: string;
  urban_rural: string;
  age: string;
  department: string;
  state: string;
  return_reason: string | null;
  /** JSON array of warnings ({check, zh, en}) attached when the value was saved. */
  warnings: string | null;
  /** The value (and comment) at the last submission: what the reviewer compares against. */
  submitted_value: number | null;
  submitted_comment: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  updated_at: string;
}

/** One change of a value or its state. */
export interface ObservationHistoryRow {
  id: string;
  indicator_code: string;
  region_code: string;
  year: number;
  sex: string;
  urban_rural: string;
  age: string;
  round_id: string | null;
  cell_id: string | null;
  action: string;
  old_value: number | null;
  new_value: number | null;
  old_state: string | null;
  new_state: string | null;
  reason: string | null;
  source: string | null;
  user_id: string | null;
  at: string;
}

import { Alert, Button, Card, Col, Row, Space, Spin, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, apiUpload } from '../../api/client';
import type { PlanSummary } from '../../api/types';
import type { Plan } from '../../../../src/domain/plan';
import { validatePlan } from '../../../../src/domain/validate-plan';
import { ParsedPlanEditor } from './parsed-plan-editor';
import {
  emptyAddedItems,
  planToSave,
  type FieldErrors,
  type ParsedPlan,
  type ParseResult,
} from './parsed-plan';
import { SourceText } from './source-text';

/** Plan import through the browser: upload a document, check the parse beside its source text, correct, save. */
export function PlanImport({ onSaved }: { onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [parsed, setParsed] = useState<ParseResult | null>(null);
  const [busy, setBusy] = useState<'parsing' | 'saving' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [saved, setSaved] = useState<PlanSummary | null>(null);

  const fail = (e: unknown) => {
    setFailure(e instanceof ApiError ? e.message : t('state.networkError'));
    // Schema errors name the body path (`body.plan.targets.0.year`); the plan's own checks the plan's fields.
    const field = (f: string) => f.replace(/^\.?body\.plan\./, '');
    setErrors(
      e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [field(f.field), f.message])) : {},
    );
  };

  const upload = async (file: File) => {
    setBusy('parsing');
    setFailure(null);
    setErrors({});
    setSaved(null);
    try {
      const result = await apiUpload<ParseResult>(
        `/api/plans/parse?filename=${encodeURIComponent(file.name)}`,
        file,
      );
      setParsed(result);
      setSelected(null);
    } catch (e) {
      setParsed(null);
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  // The server's own checks (src/domain/validate-plan), run here first: problems shown at their fields at once.
  // A goal or measure added by hand needs its text too.
  const check = (plan: ParsedPlan): FieldErrors => ({
    ...Object.fromEntries(
      validatePlan(planToSave(plan) as unknown as Plan).map((p) => [
        p.field,
        i18n.language === 'en' ? p.en : p.zh,
      ]),
    ),
    ...Object.fromEntries(emptyAddedItems(plan).map((field) => [field, t('planImport.itemTextRequired')])),
  });

  const edit = (plan: ParsedPlan, structural = false) => {
    if (!parsed) return;
    setParsed({ ...parsed, plan });
    if (structural) setSelected(null);
    // Once problems are shown, they follow the edits (and the indices of targets added or deleted).
    if (Object.keys(errors).length > 0) {
      const now = check(plan);
      setErrors(now);
      if (Object.keys(now).length === 0) setFailure(null);
    }
  };

  const save = async () => {
    if (!parsed) return;
    const problems = check(parsed.plan);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setFailure(t('planImport.fix'));
      return;
    }
    setBusy('saving');
    setFailure(null);
    setErrors({});
    try {
      const result = await api<{ plan: PlanSummary }>('/api/plans', {
        method: 'POST',
        body: { plan: planToSave(parsed.plan), source: parsed.source },
      });
      void message.success(t('planImport.saved', { title: result.plan.title }));
      setSaved(result.plan);
      setParsed(null);
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const linked = parsed?.links.filter((l) => l.indicatorCode !== null).length ?? 0;
  const target = parsed && selected !== null ? parsed.plan.targets[selected] : undefined;
  const errorCount = Object.keys(errors).length;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {t('planImport.title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('planImport.hint')}</Typography.Text>
        <Space wrap>
          <Upload
            accept=".txt,.md,.docx,.pdf"
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button data-testid="plan-upload" loading={busy === 'parsing'}>
              {t('planImport.upload')}
            </Button>
          </Upload>
          {parsed && (
            <>
              <Button
                type="primary"
                data-testid="plan-save"
                loading={busy === 'saving'}
                disabled={!parsed.inScope}
                onClick={() => void save()}
              >
                {t('planImport.save')}
              </Button>
              <Button onClick={() => setParsed(null)}>{t('planImport.discard')}</Button>
            </>
          )}
        </Space>
        {busy === 'parsing' && <Spin tip={t('planImport.parsing')} />}
        {failure && (
          <Alert
            type="error"
            showIcon
            data-testid="plan-import-error"
            title={failure}
            description={errorCount > 0 ? t('planImport.invalid', { count: errorCount }) : undefined}
          />
        )}
        {saved && (
          <Alert
            type="success"
            showIcon
            title={t('planImport.saved', { title: saved.title })}
            action={<Link to={`/plans/${encodeURIComponent(saved.id)}`}>{t('planImport.open')}</Link>}
          />
        )}
        {parsed && (
          <>
            <Alert
              type={parsed.inScope ? 'info' : 'warning'}
              showIcon
              title={t('planImport.summary', {
                title: parsed.plan.title,
                areas: parsed.plan.areas.length,
                targets: parsed.plan.targets.length,
                linked,
              })}
              description={
                parsed.inScope ? undefined : t('planImport.outOfScope', { region: parsed.plan.region })
              }
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <ParsedPlanEditor
                  plan={parsed.plan}
                  errors={errors}
                  selected={selected}
                  onSelect={setSelected}
                  onChange={edit}
                />
              </Col>
              <Col xs={24} lg={10}>
                <SourceText text={parsed.source.text} highlight={target?.text ?? null} />
              </Col>
            </Row>
          </>
        )}
      </Space>
    </Card>
  );
}

import { Alert, App, Button, Card, Result, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseView } from '../../../../electron/contract';
import {
  errorMessage,
  useAppInfoQuery,
  useCaseByIdQuery,
  useConfigQuery,
  useCreateDraftMutation,
  useSaveDraftMutation,
  useWithdrawCaseMutation,
} from '../../api/api-slice';
import { navigate } from '../../app/hash-route';
import { asBusinessTypeId, asCatalogKey, CASE_SYNC, type BusinessTypeInfo } from '../cases/case-labels';
import { useCaseTypes } from '../cases/use-case-types';
import { caseDetailPath, resumeIntakePath } from '../cases/case-route';
import { CaseDocuments } from '../cases/CaseDocuments';
import { AcceptanceBar } from './AcceptanceBar';
import { AcceptStep } from './AcceptStep';
import { ApplicationSection } from './ApplicationSection';
import { applicationProblems, partyExtraProblems, unitExtraProblems } from './application-form';
import { BusinessTypeStep } from './BusinessTypeStep';
import { FeesStep } from './FeesStep';
import {
  afterSave,
  carryParty,
  emptyParty,
  hasProblems,
  newForm,
  formFromCase,
  partyIsEmpty,
  partyProblems,
  toSaveInput,
  unitIsEmpty,
  unitProblems,
  type IntakeForm,
} from './intake-form';
import { forgetPlace, recallPlace, rememberPlace } from './intake-place';
import { liveFailures } from './live-acceptance';
import { MaterialsStep } from './MaterialsStep';
import { PartiesStep } from './PartiesStep';
import { ResumableDrafts } from './ResumableDrafts';
import { SignaturesStep } from './SignaturesStep';
import { UnitsStep } from './UnitsStep';

const STEPS = ['业务类型', '申请人', '不动产单元', '申请材料', '收费', '签名', '受理'] as const;
const PARTIES = 1;
const UNITS = 2;
const ACCEPT = STEPS.length - 1;
/** Typing pauses this long before the draft is saved: a save per word, not per key. */
const AUTOSAVE_MS = 800;

/**
 * The intake wizard. The draft is created when the type is chosen and saved on every step change,
 * so the acceptance rules the back end checks show live. Enter moves on; each step puts the focus
 * on its first field (or its main button), so the keyboard alone drives the whole intake.
 */
export function IntakeWizard({ resumeId, onNext, onDraftCreated }: { resumeId: number | null; onNext: () => void; onDraftCreated?: (id: number) => void }) {
  const types = useCaseTypes();
  const info = useAppInfoQuery().data;
  const printReceiptOnAccept = useConfigQuery().data?.effective.documents.printReceiptOnAccept ?? false;
  // Accepted in this wizard just now (not a reopened result): the office may print the receipt at once.
  const [acceptedHere, setAcceptedHere] = useState(false);
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  const [type, setType] = useState<BusinessTypeInfo | null>(null);
  const [caseId, setCaseId] = useState<number | null>(resumeId);
  const [form, setForm] = useState<IntakeForm | null>(null);
  const [savedJson, setSavedJson] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The clerk tried to move on past red fields: the banner then counts what is still wrong, live. */
  const [blocked, setBlocked] = useState(false);
  const caseQuery = useCaseByIdQuery({ id: caseId ?? 0 }, { skip: caseId === null });
  const view = caseQuery.data;
  const [createDraft] = useCreateDraftMutation();
  const [saveDraft] = useSaveDraftMutation();
  const [withdraw] = useWithdrawCaseMutation();
  const content = useRef<HTMLDivElement>(null);
  const { modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  /** Opened as a saved draft (not a draft created here and saved as the clerk types). */
  const [resumed] = useState(resumeId !== null);
  /** The field to put the focus back in when a draft opens again (reload, crash, 继续受理). */
  const restoreField = useRef<string | null>(null);
  /** The latest values, for the debounced save and the save on leaving (they outlive a render). */
  const latest = useRef({ form, caseId, type, savedJson, step });
  latest.current = { form, caseId, type, savedJson, step };

  // 继续受理: the saved draft fills the form; ID numbers stay masked and are kept as stored.
  useEffect(() => {
    if (resumeId === null || form || !view || !types.data) return;
    if (!view.allowedActions.includes('edit')) return;
    const t = types.data.find((x) => x.id === view.businessType) ?? null;
    const f = formFromCase(view, t);
    setType(t);
    setForm(f);
    if (t) setSavedJson(JSON.stringify(toSaveInput(view.id, t, f)?.input ?? null));
    const place = recallPlace(view.id);
    restoreField.current = place?.field ?? null;
    setStep(place && place.step < ACCEPT ? place.step : PARTIES);
    setReached(ACCEPT);
  }, [resumeId, form, view, types.data]);

  // Drafts save as the clerk types (debounced) and when the wizard goes away (sidebar, logout):
  // only 上一步/下一步 used to save, and typed applicants were lost on leaving through the menu.
  useEffect(() => {
    if (!form || caseId === null || step === 0 || step === ACCEPT) return;
    const timer = window.setTimeout(() => void autosave(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [form]);
  useEffect(() => () => void autosave(), []);

  // Where the clerk is, for a reload or a crash (labels only, no personal data).
  useEffect(() => {
    const root = content.current;
    if (!root || caseId === null || step === 0) return;
    const onFocus = (e: FocusEvent) => {
      const field = (e.target as HTMLElement).getAttribute?.('aria-label') ?? null;
      if (step < ACCEPT) rememberPlace(caseId, { step, field });
    };
    root.addEventListener('focusin', onFocus);
    return () => root.removeEventListener('focusin', onFocus);
  }, [caseId, step, form === null]);

  // Each step starts with the focus on its first field, or on its main button.
  useEffect(() => {
    const root = content.current;
    if (!root) return;
    const restore = restoreField.current;
    restoreField.current = null;
    const back = restore ? root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(restore)}"]`) : null;
    const target = back ?? root.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ?? root.querySelector<HTMLElement>('[data-step-next]:not([disabled])');
    target?.focus();
  }, [step, form === null, view?.status]);

  async function choose(next: BusinessTypeInfo) {
    if (busy) return;
    setError(null);
    if (caseId !== null && type?.id === next.id) return goTo(PARTIES);
    if (caseId !== null && type) {
      const confirmed = await modal.confirm({
        title: `改为办理“${next.name}”？`,
        content: `已创建的“${type.name}”草稿将撤回（原因：受理时更换业务类型），已填写的申请人和不动产单元会带到新的草稿。`,
        okText: '更换业务类型',
        cancelText: '取消',
      });
      if (!confirmed) return;
      setBusy(true);
      const r = await withdraw({ id: caseId, reason: '受理时更换业务类型' });
      setBusy(false);
      if ('error' in r) return setError(errorMessage(r.error));
    }
    // A first-release id (transfer …) or a catalogue key (first.homestead …).
    const businessType = asBusinessTypeId(next.id) ?? asCatalogKey(next.id);
    if (!businessType) return setError('不认识的业务类型。');
    setBusy(true);
    const created = await createDraft({ businessType });
    setBusy(false);
    if ('error' in created) return setError(errorMessage(created.error));
    const carried = form ? { ...newForm(next), parties: form.parties.map((p) => carryParty(p, (r) => next.roles[r] !== 'none')), units: form.units } : newForm(next);
    if (carried.parties.length === 0 && next.roles.holder !== 'none') carried.parties = [emptyParty('holder')];
    setType(next);
    setCaseId(created.data.id);
    onDraftCreated?.(created.data.id);
    setForm(carried);
    setSavedJson('');
    setStep(PARTIES);
    setReached((r) => Math.max(r, PARTIES));
  }

  /** Steps change the form through updaters: a card read that ends later never undoes typing. */
  const edit = (update: (f: IntakeForm) => IntakeForm) => setForm((f) => (f ? update(f) : f));

  /** What stops the clerk leaving this step forwards; the fields show their own reasons. */
  function blockers(at: number, f: IntakeForm): string[] {
    if (at === PARTIES) {
      const rows = f.parties.filter((p) => !partyIsEmpty(p));
      if (rows.length === 0 && type && type.roles.holder !== 'none') return ['请至少填写一名申请人。'];
      const bad = rows.filter((p) => hasProblems(partyProblems(p, f.coOwnership)) || hasProblems(partyExtraProblems(p.extra, p.role, p.idType)));
      return bad.length > 0 ? [`请修正标红的申请人信息（${bad.length} 人）。`] : [];
    }
    if (at === UNITS) {
      const rows = f.units.filter((u) => !unitIsEmpty(u));
      if (rows.length === 0) return ['请填写不动产单元。'];
      if (rows.some((u) => hasProblems(unitProblems(u)) || hasProblems(unitExtraProblems(u.extra)))) return ['请修正标红的不动产单元信息。'];
      return hasProblems(applicationProblems(f.application, type)) ? ['请修正标红的登记事项。'] : [];
    }
    return [];
  }

  /** Saves the form when it changed; false when the back end refused it. */
  async function save(f: IntakeForm, o: { keepEmptyRows?: boolean } = {}): Promise<boolean> {
    const { caseId, type, savedJson } = latest.current;
    if (caseId === null || !type) return true;
    const call = toSaveInput(caseId, type, f);
    if (!call) return true;
    const json = JSON.stringify(call.input);
    if (json === savedJson) return true;
    setSaving(true);
    const r = await saveDraft(call.input);
    setSaving(false);
    if ('error' in r) {
      setError(errorMessage(r.error));
      return false;
    }
    setForm((current) => (current ? afterSave(current, call, r.data, o) : current));
    const saved = JSON.stringify(toSaveInput(caseId, type, afterSave(f, call, r.data))?.input ?? null);
    latest.current = { ...latest.current, savedJson: saved };
    setSavedJson(saved);
    return true;
  }

  /** The debounced save while typing: rows being filled in stay as they are. */
  async function autosave(): Promise<void> {
    const { form, step } = latest.current;
    if (form && step > 0 && step < ACCEPT) await save(form, { keepEmptyRows: true });
  }

  async function goTo(target: number) {
    if (busy || target === step || target < 0 || target > ACCEPT) return;
    if (caseId === null || !form) return;
    const forward = target > step;
    if (forward) {
      const problems = range(step, target).flatMap((s) => blockers(s, form));
      if (problems.length > 0) {
        setShowErrors(true);
        setBlocked(true);
        focusFirstInvalid();
        return;
      }
    }
    setBusy(true);
    const saved = await save(form);
    setBusy(false);
    if (!saved && forward) return;
    if (saved) setError(null);
    setBlocked(false);
    setShowErrors(false);
    setStep(target);
    setReached((r) => Math.max(r, target));
  }

  function focusFirstInvalid() {
    requestAnimationFrame(() => content.current?.querySelector<HTMLElement>('.ant-form-item-has-error input, [aria-invalid="true"]')?.focus());
  }

  // Enter in a field moves on (not in lists, menus, dialogs, text areas or while an IME composes).
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Enter' || e.defaultPrevented || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT' || target.closest('.ant-select, .ant-picker, .ant-modal, .ant-drawer, [data-no-enter]')) return;
    e.preventDefault();
    void goTo(step + 1);
  }

  if (resumeId !== null && caseQuery.error) {
    return <Result status="warning" title="无法打开该业务" subTitle={errorMessage(caseQuery.error)} extra={<a href="#/cases">返回业务查询</a>} />;
  }
  // After 受理 the page moves to /intake/<id>: the result stays there, and 受理 in the menu starts anew.
  // The platform may move the case on at once (submitted, reviewing …): the result still stands.
  if (resumeId !== null && view && view.caseNumber && view.acceptedAt !== null && !view.allowedActions.includes('edit')) {
    return (
      <Card title={<Space size={8}>受理<Tag color="blue">{view.businessTypeName}</Tag></Space>}>
        <Steps size="small" current={STEPS.length} items={STEPS.map((t) => ({ title: t }))} style={{ marginBottom: 16 }} aria-label="受理步骤" />
        <div ref={content}>
          <AcceptedResult view={view} onNext={onNext} autoReceipt={acceptedHere && printReceiptOnAccept} />
        </div>
      </Card>
    );
  }
  if (resumeId !== null && view && !view.allowedActions.includes('edit')) {
    return (
      <Result
        status="info"
        title="该业务已不能修改"
        subTitle={`业务 ${view.caseNumber ?? `#${view.id}`} 当前状态不允许继续受理。`}
        extra={<Button onClick={() => navigate(caseDetailPath(view.id))}>查看业务详情</Button>}
      />
    );
  }
  if (types.isLoading || (resumeId !== null && !form)) return <Spin />;

  // Recounted on every edit: it names what is wrong now, and goes once the fields are fixed.
  const stillBlocking = blocked && form ? blockers(step, form) : [];
  const title = (
    <Space size={8}>
      受理
      {type && <Tag color="blue">{type.name}</Tag>}
      {caseId !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
          {view?.status === 'requisitioned' ? '待补正' : '草稿'} #{caseId}
        </Typography.Text>
      )}
      {caseId !== null && type && form && (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="autosave">
          {saving ? '正在保存…' : autosaveText(toSaveInput(caseId, type, form)?.input ?? null, savedJson)}
        </Typography.Text>
      )}
    </Space>
  );

  return (
    <Card title={title} onKeyDown={onKeyDown} styles={{ body: { paddingTop: 16 } }}>
      <Steps
        size="small"
        current={step}
        onChange={(s) => void goTo(s)}
        items={STEPS.map((t, i) => ({ title: t, disabled: caseId === null || i > reached + 1 }))}
        style={{ marginBottom: 16 }}
        aria-label="受理步骤"
      />
      {view && step > 0 && step < ACCEPT && <AcceptanceBar view={view} live={form ? liveFailures(form) : undefined} />}
      {view?.status === 'requisitioned' && view.statusReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${view.statusReason}（补正的材料收齐后即可受理）`} />
      )}
      {resumed && step === PARTIES && form?.parties.some((p) => p.idSource.kind === 'stored') && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title="已保存的证件号码和联系电话以脱敏方式显示，保存时保留原号码。"
        />
      )}
      {error && <Alert type="error" showIcon role="alert" closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} title={error} />}
      {stillBlocking.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={stillBlocking.join(' ')} data-testid="step-blockers" />}
      <div ref={content} style={{ minHeight: 240 }}>
        {step === 0 ? (
          <>
            <BusinessTypeStep types={types.data ?? []} common={types.common} selected={type?.id ?? null} busy={busy} onChoose={(t) => void choose(t)} />
            {caseId === null && <ResumableDrafts />}
          </>
        ) : !form || !type ? null : step === PARTIES ? (
          <PartiesStep type={type} form={form} onChange={edit} showErrors={showErrors} training={info?.training ?? false} />
        ) : step === UNITS ? (
          <>
            <UnitsStep form={form} onChange={edit} showErrors={showErrors} officeCode={info?.officeCode ?? null} />
            <div style={{ marginTop: 12 }}>
              <ApplicationSection type={type} form={form} onChange={edit} showErrors={showErrors} />
            </div>
          </>
        ) : step === 3 ? (
          <MaterialsStep type={type} view={view} form={form} onChange={edit} />
        ) : step === 4 ? (
          <FeesStep type={type} view={view} />
        ) : step === 5 ? (
          <SignaturesStep type={type} view={view} training={info?.training ?? false} />
        ) : (
          <AcceptStep
            view={view}
            onGoTo={(s) => void goTo(s)}
            onAccepted={(v) => {
              setAcceptedHere(true);
              forgetPlace(v.id);
              navigate(resumeIntakePath(v.id));
            }}
          />
        )}
      </div>
      {step > 0 && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 24, borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
          <Button onClick={() => void goTo(step - 1)} disabled={busy}>
            上一步
          </Button>
          {step < ACCEPT && (
            <Button type="primary" onClick={() => void goTo(step + 1)} loading={busy} data-step-next>
              下一步：{STEPS[step + 1]}
            </Button>
          )}
          {step < ACCEPT && (
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
              在输入框中按回车键进入下一步；输入时自动保存
            </Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}

function AcceptedResult({ view, onNext, autoReceipt }: { view: CaseView; onNext: () => void; autoReceipt: boolean }) {
  return (
    <Result
      status="success"
      title="受理成功"
      subTitle={
        <Space orientation="vertical" size={4}>
          <span>
            业务编号：
            <Typography.Text strong copyable style={{ fontSize: 20 }} data-testid="case-number">
              {view.caseNumber}
            </Typography.Text>
          </span>
          <span data-testid="promised-date">承诺办结日期：{view.promisedDate ?? '—'}</span>
          <span>
            省级平台：
            <Tag color={CASE_SYNC[view.sync].color} data-testid="accepted-sync">
              {CASE_SYNC[view.sync].label}
            </Tag>
            {view.sync === 'queued' && <Typography.Text type="secondary">（自动上报，无需操作；离线时在连接恢复后上报）</Typography.Text>}
          </span>
        </Space>
      }
      extra={[
        <Button key="detail" type="primary" onClick={() => navigate(caseDetailPath(view.id))} data-autofocus>
          查看业务详情
        </Button>,
        <Button key="next" onClick={onNext}>
          受理下一件
        </Button>,
      ]}
    >
      <CaseDocuments view={view} canPrint autoReceipt={autoReceipt} />
    </Result>
  );
}

/** What the title says about saving: the form as it stands against what the case holds. */
function autosaveText(input: unknown, savedJson: string): string {
  if (input === null) return '（填写完整的行会自动保存）';
  return JSON.stringify(input) === savedJson ? '（已自动保存）' : '（待保存）';
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

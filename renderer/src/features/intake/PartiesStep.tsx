import { CreditCardOutlined, DeleteOutlined, DownOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { CO_OWNERSHIP_LABELS, CO_OWNERSHIP_MODES, validateIdNumber, type ApplicantRole } from '../../../../electron/contract';
import { errorMessage, useReadIdCardMutation } from '../../api/api-slice';
import type { BusinessTypeInfo } from '../cases/case-labels';
import { CardSummary } from './CardSummary';
import { FieldReasons, ReasonLine } from './FieldReasons';
import { PartyMoreInfo } from './PartyMoreInfo';
import { emptyParty, partyIsEmpty, partyProblems, partySetWarnings, type FormEdit, type IntakeForm, type PartyRow } from './intake-form';

const MONO = "'SFMono-Regular', Consolas, 'Liberation Mono', monospace";

/**
 * 申请人: one row per applicant. 读取身份证 fills the name and takes the ID number from the card
 * (the screen only sees it masked); a typed number is checked live against GB 11643.
 */
export function PartiesStep(props: { type: BusinessTypeInfo; form: IntakeForm; onChange: FormEdit; showErrors: boolean; training: boolean }) {
  const { type, form, onChange, showErrors } = props;
  const [read] = useReadIdCardMutation();
  const [reading, setReading] = useState<string | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // 更多信息 opened by the clerk; an agent's row is always open (whom the agent acts for is needed).
  const [moreOpen, setMoreOpen] = useState<ReadonlySet<string>>(new Set());
  const showMore = (r: PartyRow) => r.role === 'agent' || moreOpen.has(r.key);
  const toggleMore = (key: string) =>
    setMoreOpen((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const table = useRef<HTMLDivElement>(null);
  const added = useRef<string | null>(null);
  const rows = form.parties;
  const shares = form.coOwnership === 'shares';
  const roles = (['holder', 'obligor', 'agent'] as const).filter((r) => type.roles[r] !== 'none');
  // The set as a whole is judged once no row is left blank (the clerk is done typing), or on leaving.
  const warnings = rows.length > 0 && (showErrors || !rows.some(partyIsEmpty)) ? partySetWarnings(form, type) : [];

  const update = (key: string, patch: Partial<PartyRow>) => onChange((f) => ({ ...f, parties: f.parties.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const touch = (key: string, field: string) => setTouched((t) => new Set(t).add(`${key}:${field}`));
  const shown = (key: string, field: string) => showErrors || touched.has(`${key}:${field}`);

  // A new row takes the focus on its name field.
  useEffect(() => {
    if (!added.current) return;
    table.current?.querySelector<HTMLInputElement>(`[data-row="${added.current}"][data-field="name"]`)?.focus();
    added.current = null;
  }, [rows.length]);

  function addRow() {
    const row = emptyParty(nextRole(rows, type));
    added.current = row.key;
    onChange((f) => ({ ...f, parties: [...f.parties, row] }));
  }

  /** One click for the next applicant with a card in hand: a new row, read at once (was 添加申请人 + 读取身份证). */
  async function addFromCard() {
    const row = emptyParty(nextRole(rows, type));
    onChange((f) => ({ ...f, parties: [...f.parties, row] }));
    await readCard(row, rows.length);
  }

  async function readCard(row: PartyRow, index: number) {
    setReading(row.key);
    setCardError(null);
    const r = await read({ timeoutSeconds: 5 });
    setReading(null);
    if ('error' in r) return setCardError(`第 ${index + 1} 位申请人：${errorMessage(r.error)}`);
    const card = r.data;
    if (!card.supported) return setCardError(`第 ${index + 1} 位申请人：${card.message}`);
    update(row.key, { name: card.name, idType: 'resident_id', idNumber: '', idSource: { kind: 'card', token: card.cardToken, masked: card.idNumberMasked }, card });
    // Next: the phone, the one thing a card does not carry.
    requestAnimationFrame(() => table.current?.querySelector<HTMLInputElement>(`[data-row="${row.key}"][data-field="phone"]`)?.focus());
  }

  if (roles.length === 0) {
    return <Alert type="info" showIcon title={`${type.name}为嘱托登记，没有申请人，请直接进入下一步。`} />;
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        {type.coOwnership && (
          <Space size={8}>
            <span>共有方式（权利人之间）</span>
            <Radio.Group
              optionType="button"
              value={form.coOwnership}
              onChange={(e) => onChange((f) => ({ ...f, coOwnership: e.target.value }))}
              options={CO_OWNERSHIP_MODES.map((m) => ({ value: m, label: CO_OWNERSHIP_LABELS[m] }))}
              aria-label="共有方式"
            />
          </Space>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {props.training ? '培训模式：先在右下角“模拟设备”中放置样例证件，再点本行的“读取身份证”。' : '将申请人的身份证放在阅读器上，点本行的“读取身份证”；也可手工录入。'}
        </Typography.Text>
      </div>
      {cardError && <Alert type="error" showIcon role="alert" closable={{ onClose: () => setCardError(null) }} title={cardError} />}
      <div ref={table}>
        <Table<PartyRow>
          rowKey="key"
          size="small"
          pagination={false}
          tableLayout="fixed"
          dataSource={rows}
          locale={{ emptyText: '尚未添加申请人' }}
          expandable={{
            expandedRowKeys: rows.filter((r) => r.card || showMore(r)).map((r) => r.key),
            expandedRowRender: (r, i) => (
              <>
                {r.card && <CardSummary card={r.card} />}
                {showMore(r) && (
                  <PartyMoreInfo
                    row={r}
                    index={i}
                    rows={rows}
                    type={type}
                    onChange={(extra) => onChange((f) => ({ ...f, parties: f.parties.map((x) => (x.key === r.key ? { ...x, extra: { ...x.extra, ...extra } } : x)) }))}
                  />
                )}
              </>
            ),
            showExpandColumn: false,
          }}
          columns={[
            {
              title: '申请人类别',
              key: 'role',
              width: 168,
              render: (_: unknown, r) => (
                <Select<ApplicantRole>
                  value={r.role}
                  onChange={(role) => update(r.key, { role })}
                  options={roles.map((role) => ({ value: role, label: type.roleLabels[role] }))}
                  style={{ width: '100%' }}
                  popupMatchSelectWidth={false}
                  aria-label="申请人类别"
                />
              ),
            },
            {
              title: '姓名或名称',
              key: 'name',
              width: 252,
              render: (_: unknown, r, i) => {
                const problem = shown(r.key, 'name') ? partyProblems(r, form.coOwnership).name : undefined;
                return (
                  <>
                    <Input
                      value={r.name}
                      maxLength={60}
                      onChange={(e) => update(r.key, { name: e.target.value })}
                      onBlur={() => touch(r.key, 'name')}
                      status={problem ? 'error' : undefined}
                      aria-invalid={problem ? true : undefined}
                      aria-label={`第 ${i + 1} 位申请人姓名`}
                      title={r.name || undefined}
                      data-row={r.key}
                      data-field="name"
                      data-autofocus={i === 0 ? '' : undefined}
                    />
                    <ReasonLine reasons={problem ? [problem] : undefined} />
                  </>
                );
              },
            },
            {
              title: '证件号码',
              key: 'idNumber',
              render: (_: unknown, r, i) => <IdNumberCell row={r} index={i} shown={shown(r.key, 'idNumber')} onChange={(patch) => update(r.key, patch)} onBlur={() => touch(r.key, 'idNumber')} />,
            },
            {
              title: '联系电话',
              key: 'phone',
              width: 140,
              render: (_: unknown, r, i) => {
                const problems = r.phone.trim() && (shown(r.key, 'phone') || r.phone.replace(/\D/g, '').length >= 11) ? partyProblems(r, form.coOwnership).phone : undefined;
                return (
                  <>
                    <Input
                      value={r.phone}
                      maxLength={30}
                      placeholder={r.phoneMasked ? `原 ${r.phoneMasked}` : '选填'}
                      onChange={(e) => update(r.key, { phone: e.target.value })}
                      onBlur={() => touch(r.key, 'phone')}
                      status={problems ? 'error' : undefined}
                      aria-invalid={problems ? true : undefined}
                      aria-label={`第 ${i + 1} 位申请人联系电话`}
                      data-row={r.key}
                      data-field="phone"
                    />
                    <ReasonLine reasons={problems} />
                  </>
                );
              },
            },
            ...(shares
              ? [
                  {
                    title: '份额',
                    key: 'share',
                    width: 96,
                    render: (_: unknown, r: PartyRow, i: number) => {
                      if (r.role !== 'holder') return <Typography.Text type="secondary">—</Typography.Text>;
                      const problem = shown(r.key, 'share') ? partyProblems(r, form.coOwnership).share : undefined;
                      return (
                        <>
                          <Input
                            value={r.share}
                            maxLength={20}
                            placeholder="如 50%"
                            onChange={(e) => update(r.key, { share: e.target.value })}
                            onBlur={() => touch(r.key, 'share')}
                            status={problem ? 'error' : undefined}
                            aria-invalid={problem ? true : undefined}
                            aria-label={`第 ${i + 1} 位申请人份额`}
                          />
                          <ReasonLine reasons={problem ? [problem] : undefined} />
                        </>
                      );
                    },
                  },
                ]
              : []),
            {
              title: '操作',
              key: 'actions',
              width: 214,
              render: (_: unknown, r, i) => (
                <Space size={4}>
                  {/* An organisation has no card to read: its number is the typed 统一社会信用代码. */}
                  {r.idType !== 'organization' && (
                    <Button icon={<CreditCardOutlined />} loading={reading === r.key} disabled={reading !== null && reading !== r.key} onClick={() => void readCard(r, i)} aria-label={`读取身份证（第 ${i + 1} 位）`}>
                      读取身份证
                    </Button>
                  )}
                  <Button
                    icon={<DeleteOutlined />}
                    danger
                    type="text"
                    onClick={() => onChange((f) => ({ ...f, parties: f.parties.filter((x) => x.key !== r.key) }))}
                    aria-label={`删除第 ${i + 1} 位申请人`}
                    title="删除"
                  />
                  {r.role !== 'agent' && (
                    <Button
                      type="text"
                      icon={moreOpen.has(r.key) ? <UpOutlined /> : <DownOutlined />}
                      onClick={() => toggleMore(r.key)}
                      aria-expanded={moreOpen.has(r.key)}
                      aria-label={`更多信息（第 ${i + 1} 位）：通讯地址、邮编、法定代表人`}
                      title="更多信息：通讯地址、邮编、法定代表人/负责人"
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="dashed" icon={<PlusOutlined />} onClick={addRow} style={{ flex: 1 }}>
          添加申请人
        </Button>
        <Button type="dashed" icon={<CreditCardOutlined />} onClick={() => void addFromCard()} disabled={reading !== null} style={{ flex: 1 }}>
          读身份证新增申请人
        </Button>
      </div>
      {warnings.length > 0 && <Alert type="warning" showIcon title={<FieldReasons reasons={warnings} plain />} />}
    </Space>
  );
}

/** A typed number with its live GB 11643 check, or the masked number from the card or the case. */
function IdNumberCell(props: { row: PartyRow; index: number; shown: boolean; onChange: (patch: Partial<PartyRow>) => void; onBlur: () => void }) {
  const { row, index } = props;
  if (row.idSource.kind !== 'typed') {
    return (
      <Space size={6} wrap>
        <code style={{ fontSize: 14 }} data-testid="id-masked">
          {row.idSource.masked}
        </code>
        <Tag color={row.idSource.kind === 'card' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
          {row.idSource.kind === 'card' ? '取自身份证' : '已保存'}
        </Tag>
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onChange({ idSource: { kind: 'typed' }, idNumber: '', card: null })}>
          改为手工录入
        </Button>
      </Space>
    );
  }
  const value = row.idNumber.trim();
  const resident = row.idType === 'resident_id';
  const check = resident && value ? validateIdNumber(value) : null;
  const complete = value.length >= 18;
  const problems = props.shown || complete ? partyProblems(row, null).idNumber : undefined;
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={row.idType}
          onChange={(idType) => props.onChange({ idType })}
          options={[
            { value: 'resident_id', label: '身份证' },
            { value: 'organization', label: '信用代码' },
            { value: 'other', label: '其他' },
          ]}
          style={{ width: 108, flex: 'none' }}
          aria-label={`第 ${index + 1} 位申请人证件类型`}
        />
        <Input
          value={row.idNumber}
          maxLength={40}
          placeholder={resident ? '18 位公民身份号码' : row.idType === 'organization' ? '18 位统一社会信用代码' : '证件号码'}
          onChange={(e) => props.onChange({ idNumber: e.target.value })}
          onBlur={props.onBlur}
          status={problems ? 'error' : undefined}
          aria-invalid={problems ? true : undefined}
          aria-label={`第 ${index + 1} 位申请人证件号码`}
          style={{ fontFamily: MONO }}
          data-row={row.key}
          data-field="idNumber"
        />
      </Space.Compact>
      <ReasonLine reasons={problems} tone={check?.valid ? 'success' : 'secondary'}>
        {check?.valid ? `✓ 号码校验通过 · ${check.sex} · 出生 ${check.birthDate}` : resident && value ? `已输入 ${value.length}/18 位` : null}
      </ReasonLine>
    </>
  );
}

/** A new row's role: the side still missing, else the same as the last row. */
function nextRole(rows: readonly PartyRow[], type: BusinessTypeInfo): ApplicantRole {
  for (const role of ['holder', 'obligor'] as const) {
    if (type.roles[role] === 'required' && !rows.some((r) => r.role === role)) return role;
  }
  return rows[rows.length - 1]?.role ?? (type.roles.holder !== 'none' ? 'holder' : 'obligor');
}

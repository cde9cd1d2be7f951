import { CheckSquareOutlined } from '@ant-design/icons';
import { Button, Checkbox, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { MATERIAL_REQUIREMENT, type BusinessTypeInfo } from '../cases/case-labels';
import type { FormEdit, IntakeForm, MaterialRow } from './intake-form';
import { AttachFileButton } from './AttachFileButton';

interface MaterialLine {
  materialId: string;
  name: string;
  requirement: string;
}

/** 申请材料: the draft's checklist; what is due now is marked, and one button takes all of it. */
export function MaterialsStep(props: { type: BusinessTypeInfo; view: CaseView | undefined; form: IntakeForm; onChange: FormEdit }) {
  const { type, form, onChange } = props;
  const hasAgent = form.parties.some((p) => p.role === 'agent');
  const lines: MaterialLine[] = (props.view?.materials ?? type.materials.map((m) => ({ materialId: m.id, name: m.name, required: m.requirement === 'required' }))).map((m) => ({
    materialId: m.materialId,
    name: m.name,
    requirement: type.materials.find((t) => t.id === m.materialId)?.requirement ?? (m.required ? 'required' : 'optional'),
  }));
  const due = lines.filter((l) => l.requirement === 'required' || (hasAgent && l.requirement === 'withAgent'));
  const dueReceived = due.filter((l) => form.materials[l.materialId]?.received).length;
  const set = (id: string, received: boolean, copies?: number) =>
    onChange((f) => ({ ...f, materials: { ...f.materials, [id]: { ...f.materials[id], received, copies: copies ?? f.materials[id]?.copies ?? 1 } } }));
  /** 原件/复印件 and 页数 of a received material (the receipt lists them). */
  const setDetail = (id: string, patch: Partial<MaterialRow>) =>
    onChange((f) => {
      const current = f.materials[id] as MaterialRow | undefined;
      return { ...f, materials: { ...f.materials, [id]: { received: true, copies: current?.copies || 1, form: current?.form, pages: current?.pages, ...patch } } };
    });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Button
          icon={<CheckSquareOutlined />}
          type={dueReceived < due.length ? 'primary' : 'default'}
          data-autofocus={dueReceived < due.length ? '' : undefined}
          onClick={() => {
            onChange((f) => ({
              ...f,
              materials: { ...f.materials, ...Object.fromEntries(due.map((l) => [l.materialId, { ...f.materials[l.materialId], received: true, copies: f.materials[l.materialId]?.copies || 1 }])) },
            }));
            // Next is moving on: the focus goes to 下一步, so Enter, Enter takes the checklist.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-step-next]')?.focus());
          }}
        >
          必交材料全部收到
        </Button>
        <Typography.Text type={dueReceived < due.length ? 'warning' : 'success'} data-testid="materials-due">
          本次必交 {due.length} 项，已收 {dueReceived} 项
        </Typography.Text>
      </div>
      <Table<MaterialLine>
        rowKey="materialId"
        size="small"
        pagination={false}
        dataSource={lines}
        columns={[
          {
            title: '已收',
            key: 'received',
            width: 64,
            align: 'center',
            render: (_: unknown, l) => (
              <Checkbox checked={form.materials[l.materialId]?.received ?? false} onChange={(e) => set(l.materialId, e.target.checked)} aria-label={`已收：${l.name}`} />
            ),
          },
          { title: '材料名称', dataIndex: 'name' },
          {
            title: '要求',
            dataIndex: 'requirement',
            width: 130,
            render: (r: string) => <Tag color={MATERIAL_REQUIREMENT[r]?.color}>{MATERIAL_REQUIREMENT[r]?.label ?? r}</Tag>,
          },
          {
            title: '份数',
            key: 'copies',
            width: 110,
            render: (_: unknown, l) => {
              const m = form.materials[l.materialId];
              return (
                <InputNumber<number>
                  size="small"
                  min={0}
                  max={99}
                  precision={0}
                  value={m?.received ? m.copies : null}
                  disabled={!m?.received}
                  onChange={(v) => set(l.materialId, true, typeof v === 'number' ? v : 0)}
                  aria-label={`份数：${l.name}`}
                  style={{ width: 72 }}
                />
              );
            },
          },
          {
            title: '原件/复印件',
            key: 'form',
            width: 112,
            render: (_: unknown, l) => {
              const m = form.materials[l.materialId];
              return (
                <Select<'original' | 'copy'>
                  size="small"
                  value={m?.form ?? undefined}
                  placeholder="选择"
                  disabled={!m?.received}
                  onChange={(v) => setDetail(l.materialId, { form: v })}
                  options={[
                    { value: 'original', label: '原件' },
                    { value: 'copy', label: '复印件' },
                  ]}
                  aria-label={`原件或复印件：${l.name}`}
                  style={{ width: 92 }}
                />
              );
            },
          },
          {
            title: '页数',
            key: 'pages',
            width: 90,
            render: (_: unknown, l) => {
              const m = form.materials[l.materialId];
              return (
                <InputNumber<number>
                  size="small"
                  min={1}
                  max={9999}
                  precision={0}
                  value={m?.received ? (m.pages ?? null) : null}
                  disabled={!m?.received}
                  onChange={(v) => setDetail(l.materialId, { pages: typeof v === 'number' && v > 0 ? v : null })}
                  aria-label={`页数：${l.name}`}
                  style={{ width: 68 }}
                />
              );
            },
          },
          {
            title: '扫描件',
            key: 'files',
            width: 150,
            render: (_: unknown, l) => (
              <AttachFileButton
                caseId={props.view?.id}
                materialId={l.materialId}
                name={l.name}
                files={props.view?.materials.find((m) => m.materialId === l.materialId)?.files ?? 0}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        “登簿前提交”的材料（如完税凭证）由并行办理取得，不是受理的前置条件；“代理时必交”仅在有代理人时需要。
      </Typography.Text>
    </Space>
  );
}

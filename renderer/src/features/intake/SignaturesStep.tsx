import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, useCancelSignatureMutation, useSignPartyMutation } from '../../api/api-slice';
import type { BusinessTypeInfo } from '../cases/case-labels';
import { SealButton, SealModal } from './SealModal';

type Party = CaseView['parties'][number];

/**
 * 签名: each applicant signs the application on the pad. 依次签名 asks everyone not yet signed, one
 * after the other; in training mode the trainee signs in the 模拟设备 panel.
 */
export function SignaturesStep({ type, view, training }: { type: BusinessTypeInfo; view: CaseView | undefined; training: boolean }) {
  const [sign] = useSignPartyMutation();
  const [cancel] = useCancelSignatureMutation();
  const [signing, setSigning] = useState<Party | null>(null);
  // 依次签名's order while it runs: whose turn it is (k of n) and who comes next, on the clerk's screen too.
  const [turn, setTurn] = useState<{ order: Party[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sealing, setSealing] = useState<Party | null>(null);
  const stopped = useRef(false);
  // Signed by hand, by the agent they appointed (授权委托书), or sealed (an organisation's e-seal).
  const allSigned = view ? view.parties.length > 0 && view.parties.every((p) => p.signing !== 'none') : false;

  // Leaving the step while the pad waits stops the capture: the pad must not wait for nobody.
  const signingNow = useRef(false);
  signingNow.current = signing !== null;
  useEffect(
    () => () => {
      stopped.current = true;
      if (signingNow.current) void cancel();
    },
    [cancel],
  );

  // Everyone signed: the next thing to do is to move on.
  useEffect(() => {
    if (allSigned) document.querySelector<HTMLElement>('[data-step-next]')?.focus();
  }, [allSigned]);

  if (!view) return null;
  if (!type.signaturesRequired) return <Alert type="info" showIcon title={`${type.name}为嘱托登记，不需要申请人签名。`} />;
  if (view.parties.length === 0) return <Empty description="请先在“申请人”一步填写申请人" />;
  // In turn: the people; an organisation applies its e-seal, or its agent signs for it.
  const unsigned = view.parties.filter((p) => p.signing === 'none' && p.idType !== 'organization');

  async function signOne(party: Party): Promise<boolean> {
    if (!view) return false;
    setSigning(party);
    setError(null);
    const r = await sign({ id: view.id, ordinal: party.ordinal, timeoutSeconds: 90 });
    setSigning(null);
    if ('error' in r) {
      setError(`${party.name}：${errorMessage(r.error)}`);
      return false;
    }
    return true;
  }

  async function signInTurn() {
    stopped.current = false;
    setTurn({ order: unsigned });
    try {
      for (const party of unsigned) {
        if (stopped.current || !(await signOne(party))) break;
      }
    } finally {
      setTurn(null);
    }
  }
  const position = signing && turn ? turn.order.findIndex((p) => p.ordinal === signing.ordinal) : -1;
  const nextUp = position >= 0 && turn ? (turn.order[position + 1] ?? null) : null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        {allSigned ? (
          <Alert type="success" showIcon title="全部申请人已签名" style={{ padding: '4px 12px' }} />
        ) : unsigned.length === 0 ? (
          <Alert type="info" showIcon title="单位申请人请加盖电子印章，或由其代理人签名（代理人须勾选所代理的申请人）。" style={{ padding: '4px 12px' }} />
        ) : (
          <Button type="primary" icon={<EditOutlined />} disabled={signing !== null} onClick={() => void signInTurn()} data-autofocus="">
            依次签名（未签 {unsigned.length} 人）
          </Button>
        )}
      </div>
      {signing && (
        <Alert
          type="info"
          icon={<Spin size="small" />}
          showIcon
          role="status"
          title={`请申请人在签名板上签名（${type.roleLabels[signing.role]}：${signing.name}）`}
          description={
            <>
              <div data-testid="signing-turn">
                {position >= 0 && turn ? `第 ${position + 1}/${turn.order.length} 位：签名板显示“请${signing.name}签名”` : `签名板显示“请${signing.name}签名”`}
                {nextUp ? `；下一位：${nextUp.name}（请等签名板显示其姓名后再写）` : position >= 0 ? '；这是最后一位' : ''}
              </div>
              <div>{training ? '培训模式：点击右下角“模拟设备”，在模拟签名板上用鼠标代替申请人签名，然后点“确认签名”。' : '签名完成后请申请人在签名板上点“确认”。'}</div>
            </>
          }
          action={
            <Button
              size="small"
              onClick={() => {
                stopped.current = true;
                void cancel();
              }}
            >
              取消签名
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" closable={{ onClose: () => setError(null) }} title={error} />}
      <SealModal view={view} party={sealing} onClose={() => setSealing(null)} />
      <Table<Party>
        rowKey="ordinal"
        size="small"
        pagination={false}
        dataSource={view.parties}
        columns={[
          { title: '序号', dataIndex: 'ordinal', width: 64 },
          { title: '申请人类别', dataIndex: 'role', width: 180, render: (r: Party['role']) => type.roleLabels[r] },
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
          {
            title: '签名',
            dataIndex: 'signed',
            width: 120,
            render: (_: boolean, p) =>
              signing?.ordinal === p.ordinal ? (
                <Tag color="processing">签名中</Tag>
              ) : p.signing === 'seal' ? (
                <Tag color="green">已盖电子章</Tag>
              ) : p.signing === 'byAgent' ? (
                <Tag color="green">代理人代签</Tag>
              ) : p.signing === 'handwritten' ? (
                <Tag color="green">已签</Tag>
              ) : (
                <Tag>未签</Tag>
              ),
          },
          {
            title: '操作',
            key: 'action',
            width: 200,
            render: (_: unknown, p) => (
              <Space size={4}>
                <Button size="small" disabled={signing !== null} onClick={() => void signOne(p)} aria-label={`${p.signed ? '重签' : '签名'}：${p.name}`}>
                  {p.signed ? '重签' : '签名'}
                </Button>
                {p.idType === 'organization' && <SealButton party={p} disabled={signing !== null} onClick={() => setSealing(p)} />}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

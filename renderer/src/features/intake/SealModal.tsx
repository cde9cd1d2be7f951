import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, useApplySealMutation } from '../../api/api-slice';

type Party = CaseView['parties'][number];
const MAX_SEAL_FILE_BYTES = 1_400_000;

/**
 * 加盖电子印章: the organisation's agent presents the seal file and types its PIN; the back end signs
 * the application's digest with the seal key (kept in memory for that call only). A wrong file or
 * PIN is named at its field.
 */
export function SealModal(props: { view: CaseView; party: Party | null; onClose: () => void }) {
  const [apply, state] = useApplySealMutation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const party = props.party;

  function close() {
    setFile(null);
    setPin('');
    setError(null);
    setFileProblem(null);
    props.onClose();
  }

  async function choose(f: File | undefined) {
    setError(null);
    if (!f) return;
    if (f.size === 0 || f.size > MAX_SEAL_FILE_BYTES) {
      setFile(null);
      return setFileProblem(`“${f.name}”不是电子印章文件（大小不符）。`);
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    setFileProblem(null);
    setFile({ name: f.name, base64: btoa(binary) });
  }

  async function submit() {
    if (!party) return;
    if (!file) return setFileProblem('请选择单位的电子印章文件。');
    if (pin.length < 4) return setError({ code: 'SEAL_PIN_WRONG', message: '请输入电子印章口令（至少 4 位）。' });
    const r = await apply({ id: props.view.id, ordinal: party.ordinal, sealFileBase64: file.base64, pin });
    if ('error' in r) return setError({ code: String((r.error as { code?: string }).code ?? ''), message: errorMessage(r.error) ?? '加盖电子印章失败。' });
    close();
  }

  const pinError = error?.code === 'SEAL_PIN_WRONG' ? error.message : null;
  const fileError = fileProblem ?? (error && error.code !== 'SEAL_PIN_WRONG' ? error.message : null);
  return (
    <Modal
      open={party !== null}
      title={party ? `加盖电子印章：${party.name}` : ''}
      okText="加盖电子印章"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={state.isLoading}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">由单位的代理人出示该单位的电子印章文件并输入口令；印章将对申请书内容签名（SM2），申请内容此后再修改需重新盖章。</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label="电子印章文件" validateStatus={fileError ? 'error' : undefined} help={<div style={{ minHeight: 20 }}>{fileError}</div>}>
          <input type="file" accept=".json,.seal,application/json" aria-label="电子印章文件" onChange={(e) => void choose(e.target.files?.[0])} data-testid="seal-file" />
          {file && <div style={{ fontSize: 12, marginTop: 4 }}>已选择：{file.name}</div>}
        </Form.Item>
        <Form.Item label="口令（PIN）" validateStatus={pinError ? 'error' : undefined} help={<div style={{ minHeight: 20 }}>{pinError}</div>}>
          <Input.Password value={pin} maxLength={64} onChange={(e) => setPin(e.target.value)} onPressEnter={() => void submit()} aria-label="电子印章口令" autoComplete="off" />
        </Form.Item>
      </Form>
      {error && !pinError && !fileError && <Alert type="error" showIcon title={error.message} />}
    </Modal>
  );
}

export function SealButton(props: { party: Party; disabled: boolean; onClick: () => void }) {
  return (
    <Button size="small" disabled={props.disabled} onClick={props.onClick} aria-label={`加盖电子印章：${props.party.name}`}>
      {props.party.signing === 'seal' ? '重新盖章' : '加盖电子印章'}
    </Button>
  );
}

import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Select, Space, Tag, Timeline } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { CARRIER_LABELS, CARRIERS, ISSUANCE_METHOD_LABELS, ISSUANCE_STATE_LABELS, type Carrier, type IssuanceCase } from '../../../../electron/contract';
import { api, errorMessage } from '../../api/api-slice';
import { formatTime } from '../../app/shanghai-time';
import { PrintProblem } from '../cases/documents/PrintProblem';
import { pdfBytes, savePdf } from '../cases/documents/save-pdf';
import { FieldNote, waybillProblem } from './CourierIssue';

const DocumentPages = lazy(() => import('../cases/documents/DocumentPages'));

/** The issuance once made: how, when (Asia/Shanghai), who; the 领证单; a courier's next step. */
export function IssuanceRecord({ c }: { c: IssuanceCase }) {
  const i = c.issuance!;
  const { message } = App.useApp();
  const [doc, docState] = api.useCollectionRecordMutation();
  const [print, printState] = api.usePrintCollectionRecordMutation();
  const [preview, setPreview] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);
  async function load() {
    const r = await doc({ caseId: c.caseId });
    return 'data' in r && r.data ? { fileName: r.data.fileName, bytes: pdfBytes(r.data.pdfBase64) } : null;
  }
  return (
    <Card title="发证记录" data-testid="issuance-record">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="领证方式">{ISSUANCE_METHOD_LABELS[i.method]}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color="green">{ISSUANCE_STATE_LABELS[i.state]}</Tag>
          {i.pending && <Tag color="orange">待同步到省级平台</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="发证时间">{formatTime(i.at)}</Descriptions.Item>
        <Descriptions.Item label="发证人">
          {i.actorName}（{i.workstation}）
        </Descriptions.Item>
        {i.collector && (
          <Descriptions.Item label="领证人" span={2}>
            {i.collector.name}（{i.collector.idNumberMasked}，{i.collector.role === 'holder' ? '权利人本人' : '受托代理人'}）
          </Descriptions.Item>
        )}
        {i.courier && (
          <>
            <Descriptions.Item label="收件人">
              {i.courier.recipient}（{i.courier.phoneMasked}）
            </Descriptions.Item>
            <Descriptions.Item label="运单">{i.courier.carrier && i.courier.waybill ? `${CARRIER_LABELS[i.courier.carrier]} ${i.courier.waybill}` : '尚未寄出'}</Descriptions.Item>
            <Descriptions.Item label="收件地址" span={2}>
              {i.courier.addressMasked}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Timeline
        style={{ marginTop: 16 }}
        items={i.events.map((e) => ({ children: `${formatTime(e.at)} ${ISSUANCE_STATE_LABELS[e.state]} · ${e.actorName}${e.detail ? ` · ${e.detail}` : ''}` }))}
      />
      {i.documentBlob && (
        <Space wrap>
          <Button icon={<EyeOutlined />} loading={docState.isLoading} onClick={() => void load().then((d) => d && setPreview(d))}>
            预览领证单
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void load().then((d) => {
                if (!d) return;
                savePdf(d.fileName, d.bytes);
                void message.success(`已保存领证单：${d.fileName}`);
              })
            }
          >
            保存为 PDF
          </Button>
          <Button icon={<PrinterOutlined />} loading={printState.isLoading} onClick={() => void print({ caseId: c.caseId }).then((r) => 'data' in r && r.data && message.success(`领证单已打印（${r.data.printer}）`))}>
            打印领证单
          </Button>
        </Space>
      )}
      <div style={{ minHeight: 40, marginTop: 8 }}>{printState.error ? <PrintProblem error={printState.error} /> : docState.error ? <Alert type="error" showIcon title={errorMessage(docState.error)} /> : null}</div>
      {i.method === 'courier' && <CourierNext c={c} />}
      <Modal open={preview !== null} title="预览：领证单" width={820} centered onCancel={() => setPreview(null)} footer={null}>
        {preview && (
          <Suspense fallback={null}>
            <DocumentPages bytes={preview.bytes} title="领证单" />
          </Suspense>
        )}
      </Modal>
    </Card>
  );
}

function CourierNext({ c }: { c: IssuanceCase }) {
  const i = c.issuance!;
  const [carrier, setCarrier] = useState<Carrier | null>(i.courier?.carrier ?? 'ems');
  const [waybill, setWaybill] = useState('');
  const [ship, shipState] = api.useShipCertificateMutation();
  const [delivered, deliveredState] = api.useCertificateDeliveredMutation();
  const note = waybillProblem(carrier, waybill);
  const error = shipState.error ?? deliveredState.error;
  if (i.state === 'toShip') {
    return (
      <Space direction="vertical" data-testid="courier-ship">
        <Space>
          <Select<Carrier> value={carrier ?? undefined} style={{ width: 160 }} onChange={setCarrier} options={CARRIERS.map((k) => ({ value: k, label: CARRIER_LABELS[k] }))} aria-label="承运公司" />
          <Input value={waybill} onChange={(e) => setWaybill(e.target.value)} style={{ width: 260 }} placeholder="运单号" aria-label="运单号" />
          <Button type="primary" disabled={!waybill.trim() || note !== null} loading={shipState.isLoading} onClick={() => carrier && void ship({ caseId: c.caseId, carrier, waybill })}>
            登记寄出
          </Button>
        </Space>
        <FieldNote text={note ?? (error ? errorMessage(error) : null)} />
      </Space>
    );
  }
  if (i.state === 'shipped') {
    return (
      <Space direction="vertical">
        <Button type="primary" loading={deliveredState.isLoading} onClick={() => void delivered({ caseId: c.caseId })}>
          登记已签收
        </Button>
        <FieldNote text={error ? errorMessage(error) : null} />
      </Space>
    );
  }
  return null;
}

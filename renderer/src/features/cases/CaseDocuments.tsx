import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, usePrintCaseDocumentMutation } from '../../api/api-slice';

type Kind = 'applicationForm' | 'acceptanceReceipt' | 'paymentNotice' | 'requisitionNotice' | 'rejectionNotice';

const TITLES: Record<Kind, string> = {
  acceptanceReceipt: '受理凭证',
  applicationForm: '申请书',
  paymentNotice: '缴费通知书',
  requisitionNotice: '补正通知书',
  rejectionNotice: '不予受理通知书',
};

/** The documents this case can have now (the back end checks the same), printed on the office printer. */
function availableKinds(view: CaseView): Kind[] {
  if (view.status === 'requisitioned' || view.status === 'supplementing') return ['requisitionNotice'];
  if (view.status === 'rejected') return ['rejectionNotice'];
  if (!view.caseNumber) return [];
  return ['acceptanceReceipt', 'applicationForm', ...(view.feeTotalFen > 0 ? (['paymentNotice'] as Kind[]) : [])];
}

export function CaseDocuments({ view, canPrint }: { view: CaseView; canPrint: boolean }) {
  const [print, state] = usePrintCaseDocumentMutation();
  const { message } = App.useApp();
  const kinds = availableKinds(view);
  if (kinds.length === 0) return null;
  return (
    <Card title="文书" size="small">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        文书按业务当前内容生成，打印件同时存档；受理凭证的二维码带有本机构的 SM2 签名，可扫码核验。
      </Typography.Paragraph>
      {state.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(state.error)} />}
      <Space wrap>
        {kinds.map((kind) => (
          <Button
            key={kind}
            icon={<PrinterOutlined />}
            disabled={!canPrint}
            loading={state.isLoading && state.originalArgs?.kind === kind}
            onClick={async () => {
              const r = await print({ id: view.id, kind });
              if ('data' in r && r.data) void message.success(`${TITLES[kind]}已打印（打印机 ${r.data.printer}，作业 ${r.data.jobId}）`);
            }}
          >
            打印{TITLES[kind]}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

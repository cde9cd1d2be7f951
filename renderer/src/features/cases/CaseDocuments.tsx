import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Space, Spin, Table, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../../electron/contract';
import { errorMessage, useCaseDocumentMutation, usePrintCaseDocumentMutation, useStatusQuery } from '../../api/api-slice';
import { PrintProblem } from './documents/PrintProblem';
import { pdfBytes, savePdf } from './documents/save-pdf';

// pdfjs comes with the first preview, not with the case page.
const DocumentPages = lazy(() => import('./documents/DocumentPages'));

type Kind = 'applicationForm' | 'acceptanceReceipt' | 'paymentNotice' | 'requisitionNotice' | 'rejectionNotice';

const TITLES: Record<Kind, string> = {
  acceptanceReceipt: '受理凭证',
  applicationForm: '申请书',
  paymentNotice: '缴费通知书',
  requisitionNotice: '补正通知书',
  rejectionNotice: '不予受理通知书',
};

/** The documents this case can have now (the back end checks the same). */
function availableKinds(view: CaseView): Kind[] {
  if (view.status === 'requisitioned' || view.status === 'supplementing') return ['requisitionNotice'];
  if (view.status === 'rejected') return ['rejectionNotice'];
  if (!view.caseNumber) return [];
  return ['acceptanceReceipt', 'applicationForm', ...(view.feeTotalFen > 0 ? (['paymentNotice'] as Kind[]) : [])];
}

interface Generated {
  kind: Kind;
  title: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * 文书: each document can be previewed on screen and saved as PDF on any machine, printer or not;
 * printing needs the office printer. Without one (a fresh machine) the card says so before the
 * clerk tries, and a failed print says what to do instead, the technical detail behind 详情.
 */
export function CaseDocuments({ view, canPrint, autoReceipt = false }: { view: CaseView; canPrint: boolean; autoReceipt?: boolean }) {
  const [print, printState] = usePrintCaseDocumentMutation();
  const [generate, generateState] = useCaseDocumentMutation();
  const [preview, setPreview] = useState<Generated | null>(null);
  const [busy, setBusy] = useState<{ kind: Kind; what: 'preview' | 'save' | 'print' } | null>(null);
  const printer = useStatusQuery(undefined, { pollingInterval: 30_000 }).data?.devices.find((d) => d.kind === 'printer');
  const noPrinter = printer?.state === 'not_configured';
  const { message } = App.useApp();
  const [autoNote, setAutoNote] = useState<{ type: 'success' | 'warning'; text: string } | null>(null);
  const autoPending = useRef(autoReceipt);
  const kinds = availableKinds(view);

  // The office prints the 受理凭证 on 受理 (documents.printReceiptOnAccept): once, when the printer's
  // state is known. No printer, or a print that fails: the receipt opens as a preview to save as PDF.
  useEffect(() => {
    if (!autoPending.current || !printer || !kinds.includes('acceptanceReceipt')) return;
    autoPending.current = false;
    void (async () => {
      if (noPrinter || !canPrint) {
        setAutoNote({ type: 'warning', text: '本机没有可用的打印机，受理凭证已打开预览，可保存为 PDF 后到有打印机的电脑上打印。' });
        await run('acceptanceReceipt', 'preview');
        return;
      }
      setBusy({ kind: 'acceptanceReceipt', what: 'print' });
      const r = await print({ id: view.id, kind: 'acceptanceReceipt' });
      setBusy(null);
      if ('data' in r && r.data) {
        setAutoNote({ type: 'success', text: `受理凭证已自动打印（打印机 ${r.data.printer}，作业 ${r.data.jobId}）` });
        return;
      }
      setAutoNote({ type: 'warning', text: '受理凭证没有打印出来，已打开预览，可保存为 PDF；打印机的问题见下方说明。' });
      await run('acceptanceReceipt', 'preview');
    })();
    // run/print are this render's; the ref makes this happen once.
  }, [printer, kinds.length]);
  if (kinds.length === 0) return null;

  async function produce(kind: Kind): Promise<Generated | null> {
    const r = await generate({ id: view.id, kind });
    if (!('data' in r) || !r.data) return null;
    return { kind, title: r.data.title, fileName: r.data.fileName, bytes: pdfBytes(r.data.pdfBase64) };
  }
  async function run(kind: Kind, what: 'preview' | 'save' | 'print') {
    setBusy({ kind, what });
    try {
      if (what === 'print') {
        const r = await print({ id: view.id, kind });
        if ('data' in r && r.data) void message.success(`${TITLES[kind]}已打印（打印机 ${r.data.printer}，作业 ${r.data.jobId}）`);
        return;
      }
      const doc = await produce(kind);
      if (!doc) return;
      if (what === 'preview') setPreview(doc);
      else save(doc);
    } finally {
      setBusy(null);
    }
  }
  function save(doc: Generated) {
    savePdf(doc.fileName, doc.bytes);
    void message.success(`已保存${doc.title}：${doc.fileName}（在浏览器的下载文件夹中）`);
  }
  const loading = (kind: Kind, what: 'preview' | 'save' | 'print') => busy?.kind === kind && busy.what === what;

  return (
    <Card title="文书" size="small">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        文书按业务当前内容生成并存档；没有打印机也可以预览和保存为 PDF。受理凭证的二维码带有本机构的 SM2 签名，可扫码核验。
      </Typography.Paragraph>
      {autoNote && <Alert type={autoNote.type} showIcon role="status" style={{ marginBottom: 12 }} data-testid="auto-receipt" title={autoNote.text} />}
      {noPrinter && !printState.error && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="no-printer-hint"
          title="本机没有可用的打印机：文书可以预览、保存为 PDF，拷到有打印机的电脑上打印。安装打印机请联系本中心信息技术人员。"
        />
      )}
      {printState.error && <PrintProblem error={printState.error} />}
      {generateState.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={errorMessage(generateState.error)} />}
      <Table<Kind>
        rowKey={(k) => k}
        size="small"
        pagination={false}
        showHeader={false}
        dataSource={kinds}
        columns={[
          { key: 'title', render: (_, kind) => TITLES[kind] },
          {
            key: 'actions',
            align: 'right',
            render: (_, kind) => (
              <Space>
                <Button icon={<EyeOutlined />} loading={loading(kind, 'preview')} onClick={() => void run(kind, 'preview')} aria-label={`预览${TITLES[kind]}`}>
                  预览
                </Button>
                <Button icon={<DownloadOutlined />} loading={loading(kind, 'save')} onClick={() => void run(kind, 'save')} aria-label={`${TITLES[kind]}保存为 PDF`}>
                  保存为 PDF
                </Button>
                <Button icon={<PrinterOutlined />} disabled={!canPrint} loading={loading(kind, 'print')} onClick={() => void run(kind, 'print')} aria-label={`打印${TITLES[kind]}`}>
                  打印
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        title={preview ? `预览：${preview.title}` : ''}
        width={820}
        centered
        onCancel={() => setPreview(null)}
        styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflowY: 'auto', background: '#f0f2f5', padding: 16 } }}
        footer={
          preview && (
            <Space>
              <Button onClick={() => setPreview(null)}>关闭</Button>
              <Button icon={<DownloadOutlined />} onClick={() => save(preview)}>
                保存为 PDF
              </Button>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                disabled={!canPrint}
                onClick={() => {
                  const kind = preview.kind;
                  setPreview(null);
                  void run(kind, 'print');
                }}
              >
                打印
              </Button>
            </Space>
          )
        }
      >
        {preview && (
          <Suspense fallback={<Spin />}>
            <DocumentPages bytes={preview.bytes} title={preview.title} />
          </Suspense>
        )}
      </Modal>
    </Card>
  );
}

import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { PrinterView } from '../../../../electron/contract';
import { errorMessage, usePrintersQuery, usePrintTestPageMutation } from '../../api/api-slice';
import { CalibrationModal } from './CalibrationModal';

const STATE = { idle: { color: 'green', text: '就绪' }, printing: { color: 'processing', text: '打印中' }, stopped: { color: 'red', text: '已暂停' } } as const;

export function PrintersCard({ isAdmin }: { isAdmin: boolean }) {
  const { data, isFetching, refetch } = usePrintersQuery();
  const [print, printState] = usePrintTestPageMutation();
  const [calibrating, setCalibrating] = useState<PrinterView | null>(null);
  const { message } = App.useApp();

  const printOn = async (printer: string) => {
    const r = await print({ printer });
    if ('data' in r && r.data) void message.success(`测试页已送到打印机 ${r.data.printer}（作业 ${r.data.jobId}）`);
  };

  return (
    <Card title="打印机" extra={<Button onClick={() => void refetch()} loading={isFetching}>刷新</Button>}>
      {data?.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={data.error.message} />}
      {printState.error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(printState.error)} />}
      <Table<PrinterView>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={data?.printers ?? []}
        locale={{ emptyText: '系统中没有打印机' }}
        columns={[
          {
            title: '打印机',
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space size={4} wrap>
                <span>{p.description || name}</span>
                {p.description && <code style={{ fontSize: 12 }}>{name}</code>}
                {data?.selected === name && <Tag color="blue">文书打印</Tag>}
                {p.isDefault && <Tag>系统默认</Tag>}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'state',
            width: 160,
            render: (s: PrinterView['state'], p) => (
              <Space size={4}>
                <Tag color={STATE[s].color}>{STATE[s].text}</Tag>
                {!p.acceptingJobs && <Tag color="red">拒收任务</Tag>}
              </Space>
            ),
          },
          {
            title: '校准偏移',
            dataIndex: 'calibration',
            width: 150,
            render: (c: PrinterView['calibration']) => (c ? `→${c.x} mm ↓${c.y} mm` : '未校准'),
          },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_: unknown, p) => (
              <Space size={0}>
                <Button type="link" icon={<PrinterOutlined />} loading={printState.isLoading && printState.originalArgs?.printer === p.name} onClick={() => void printOn(p.name)}>
                  打印测试页
                </Button>
                {isAdmin && (
                  <Button type="link" onClick={() => setCalibrating(p)}>
                    校准
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CalibrationModal printer={calibrating} onClose={() => setCalibrating(null)} />
    </Card>
  );
}

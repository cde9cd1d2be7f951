import { Alert, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import type { PrinterView } from '../../../../electron/contract';
import { errorMessage, useSetCalibrationMutation } from '../../api/api-slice';

/**
 * Offsets for certificates on pre-printed forms: print the test page, measure how far the
 * crosshairs landed from their marks, enter the difference here.
 */
export function CalibrationModal({ printer, onClose }: { printer: PrinterView | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const [save, state] = useSetCalibrationMutation();
  useEffect(() => {
    if (printer) form.setFieldsValue({ xMm: printer.calibration?.x ?? 0, yMm: printer.calibration?.y ?? 0 });
  }, [printer, form]);
  return (
    <Modal
      open={printer !== null}
      title={`打印校准：${printer?.description || printer?.name || ''}`}
      okText="保存"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={state.isLoading}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        先打印测试页，量出十字标记实际落点与标称位置的偏差（毫米），填入下方。向右、向下为正，范围 −20 至 20。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={async (v: { xMm: number; yMm: number }) => {
          if (!printer) return;
          const r = await save({ printer: printer.name, xMm: v.xMm, yMm: v.yMm });
          if ('data' in r) onClose();
        }}
      >
        <Form.Item name="xMm" label="水平偏移（毫米）" rules={[{ required: true }]}>
          <InputNumber min={-20} max={20} step={0.1} precision={1} />
        </Form.Item>
        <Form.Item name="yMm" label="垂直偏移（毫米）" rules={[{ required: true }]}>
          <InputNumber min={-20} max={20} step={0.1} precision={1} />
        </Form.Item>
      </Form>
      {state.error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessage(state.error)} />}
    </Modal>
  );
}

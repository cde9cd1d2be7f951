import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { errorMessage, useAttachCaseFileMutation } from '../../api/api-slice';

const TYPES = { 'image/jpeg': 'image/jpeg', 'image/png': 'image/png', 'application/pdf': 'application/pdf' } as const;
const MAX_BYTES = 20 * 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Attach a scan or photo of a material (JPEG, PNG or PDF): the back end stores it by its SM3 hash
 * and marks the material received. Nothing is uploaded anywhere else.
 */
export function AttachFileButton(props: { caseId: number | undefined; materialId: string; name: string; files: number }) {
  const [attach, state] = useAttachCaseFileMutation();
  const { message } = App.useApp();
  return (
    <Upload
      accept=".jpg,.jpeg,.png,.pdf"
      showUploadList={false}
      disabled={!props.caseId}
      beforeUpload={async (file) => {
        const mediaType = TYPES[file.type as keyof typeof TYPES];
        if (!mediaType) {
          void message.error('只能上传 JPEG、PNG 图片或 PDF 文件。');
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_BYTES) {
          void message.error('文件超过 20 MB，请压缩或分页扫描后再上传。');
          return Upload.LIST_IGNORE;
        }
        const r = await attach({ id: props.caseId as number, materialId: props.materialId, fileName: file.name, mediaType, dataBase64: await toBase64(file) });
        if ('error' in r) void message.error(errorMessage(r.error));
        else void message.success(`已上传：${file.name}`);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button size="small" icon={<PaperClipOutlined />} loading={state.isLoading} aria-label={`${props.files > 0 ? `已上传 ${props.files} 个扫描件` : "上传扫描件"}：${props.name}`}>
        {props.files > 0 ? `扫描件 ${props.files}` : '上传扫描件'}
      </Button>
    </Upload>
  );
}

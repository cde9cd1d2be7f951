import { Input, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';
import { insertPhrase } from './checks';

export const OPINION_MAX = 500;

/**
 * 审核意见 with the office's phrase library: picking a phrase inserts it at the caret. The count
 * line below is always there, so the box never moves when it fills.
 */
export function OpinionBox(props: { value: string; onChange: (text: string) => void; phrases: readonly string[]; disabled?: boolean; problem?: string | null }) {
  const area = useRef<TextAreaRef>(null);
  function pick(phrase: string) {
    const el = area.current?.resizableTextArea?.textArea;
    const caret = el ? el.selectionStart : props.value.length;
    const next = insertPhrase(props.value, caret, phrase);
    props.onChange(next.text.slice(0, OPINION_MAX));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  }
  return (
    <section aria-label="审核意见" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography.Text strong>审核意见</Typography.Text>
        <span style={{ flex: 1 }} />
        <Select
          size="small"
          style={{ width: 260 }}
          placeholder="常用语（插入到光标处）"
          aria-label="常用语"
          disabled={props.disabled || props.phrases.length === 0}
          value={null}
          options={props.phrases.map((p) => ({ value: p, label: p }))}
          onChange={(p: string | null) => p && pick(p)}
          showSearch
        />
      </div>
      <Input.TextArea
        ref={area}
        aria-label="审核意见内容"
        rows={3}
        maxLength={OPINION_MAX}
        value={props.value}
        disabled={props.disabled}
        status={props.problem ? 'error' : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div style={{ minHeight: 20, fontSize: 12, display: 'flex' }}>
        <Typography.Text type="danger" style={{ fontSize: 12 }}>{props.problem ?? ''}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{props.value.length} / {OPINION_MAX}</Typography.Text>
      </div>
    </section>
  );
}

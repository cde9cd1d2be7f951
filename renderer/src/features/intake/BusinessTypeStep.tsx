import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tag, Typography, type InputRef } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { CaseTypeInfo } from '../cases/use-case-types';

/**
 * The office's enabled business types as cards. They are buttons: Tab reaches them, the arrow keys
 * move between them, Enter or Space chooses (and creates the draft). Before a search only the
 * everyday (`common`) types show, with a switch to the whole catalogue (登记类型 × 权利类型, well
 * over a hundred), grouped by 权利类型; a search looks through all of them. Every card says of which
 * right it is (an everyday 转移登记 is the 国有建设用地使用权及房屋所有权 one).
 */
export function BusinessTypeStep(props: {
  types: readonly CaseTypeInfo[];
  common?: ReadonlySet<string>;
  selected: string | null;
  busy: boolean;
  onChoose: (t: CaseTypeInfo) => void;
}) {
  const grid = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  const search = useRef<InputRef>(null);
  const all = props.types.filter((t) => t.enabled);
  if (all.length === 0) return <Empty description="本机构没有开通的业务类型，请联系系统管理员。" />;
  const everyday = all.filter((t) => !props.common || props.common.has(t.id) || t.id === props.selected);
  const offered = query.trim() || showAll ? all : everyday;
  const enabled = offered.filter((t) => matchesType(t, query));
  const hidden = all.length - everyday.length;
  const focusIndex = Math.max(0, enabled.findIndex((t) => t.id === props.selected));

  // The whole catalogue, before a search, in sections by 权利类型; otherwise one list.
  const grouped = showAll && !query.trim();
  const groups: Array<{ name: string | null; types: CaseTypeInfo[] }> = [];
  if (grouped) {
    for (const t of enabled) {
      const name = t.rightTypeName ?? '常用业务';
      const g = groups.find((x) => x.name === name) ?? groups[groups.push({ name, types: [] }) - 1];
      g.types.push(t);
    }
  } else {
    groups.push({ name: null, types: enabled });
  }

  /** In a section the 权利类型 is the heading: a card needs only its 登记类型, unless two share it. */
  function titleOf(t: CaseTypeInfo, section: CaseTypeInfo[] | null): string {
    if (!section || !t.registrationTypeName) return t.name;
    const shared = section.filter((x) => x.registrationTypeName === t.registrationTypeName).length > 1;
    return shared ? t.name : t.registrationTypeName;
  }

  function card(t: CaseTypeInfo, i: number, section: CaseTypeInfo[] | null) {
    const selected = t.id === props.selected;
    return (
      <button
        key={t.id}
        type="button"
        data-type={t.id}
        data-autofocus={i === focusIndex ? '' : undefined}
        disabled={props.busy}
        aria-pressed={selected}
        onClick={() => props.onChoose(t)}
        className="intake-type-card"
        style={{
          textAlign: 'left',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'flex-start',
          padding: '12px 14px',
          borderRadius: 6,
          border: selected ? '2px solid #1d4f91' : '1px solid #d9dee8',
          background: selected ? '#eef3fb' : '#fff',
          cursor: props.busy ? 'wait' : 'pointer',
          font: 'inherit',
          minHeight: 84,
        }}
      >
        <div style={{ fontWeight: 600, fontSize: 16, color: '#1b2a4a' }}>{titleOf(t, section)}</div>
        {!grouped && t.rightTypeName && !t.name.includes(t.rightTypeName) && (
          <div style={{ marginTop: 2, fontSize: 13, color: '#5b6478' }} data-testid="type-right">
            {t.rightTypeName}
          </div>
        )}
        <div style={{ marginTop: 6, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Tag color={t.feeRule === 'free' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t.feeRule === 'free' ? '不收费' : '收费'}
          </Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{t.promisedWorkingDays === 0 ? '即时办结' : `承诺 ${t.promisedWorkingDays} 个工作日`}</Tag>
          {!t.signaturesRequired && <Tag style={{ marginInlineEnd: 0 }}>嘱托登记</Tag>}
        </div>
      </button>
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button[data-type]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const perRow = Math.max(1, Math.round((grid.current?.clientWidth ?? 1) / (buttons[0]?.offsetWidth || 1)));
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -at, End: buttons.length - 1 - at };
    const move = moves[e.key];
    // Typing on a card searches: the letters go to the search box.
    if (move === undefined && e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey && e.key !== ' ') {
      e.preventDefault();
      setQuery((q) => q + e.key);
      search.current?.focus();
      return;
    }
    if (move === undefined) return;
    e.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + move))]?.focus();
  }

  return (
    <div>
      <style>{CARD_CSS}</style>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter takes the first match; ↓ goes into the cards.
            if (e.key === 'Enter' && !e.nativeEvent.isComposing && enabled[0] && query.trim()) {
              e.preventDefault();
              props.onChoose(enabled[0]);
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              grid.current?.querySelector<HTMLButtonElement>('button[data-type]')?.focus();
            }
          }}
          placeholder="搜索业务类型，如“宅基地首次”“抵押”“换证”"
          aria-label="搜索业务类型"
          style={{ width: 360 }}
          data-no-enter
          ref={search}
        />
        <Typography.Text type="secondary">
          {query.trim() ? `找到 ${enabled.length} 项，回车选择第一项` : '选择业务类型（方向键移动，回车选择）。选择后即创建受理草稿。'}
        </Typography.Text>
        {!query.trim() && hidden > 0 && (
          <Button type="link" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll} style={{ marginLeft: 'auto' }}>
            {showAll ? '只看常用业务' : `全部登记业务（另有 ${hidden} 项）`}
          </Button>
        )}
      </div>
      {enabled.length === 0 && <Empty description={`没有与“${query.trim()}”相符的业务类型`} />}
      <div
        ref={grid}
        role="group"
        aria-label="业务类型"
        onKeyDown={onKeyDown}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12 }}
      >
        {groups.map((g) => (
          <section key={g.name ?? 'all'} aria-label={g.name ?? undefined} style={{ display: 'contents' }}>
            {g.name && (
              <h3 className="intake-type-group" style={{ gridColumn: '1 / -1', margin: '8px 0 0', fontSize: 15, color: '#44516b' }}>
                {g.name}
                <span style={{ fontWeight: 400, color: '#8c95a8', marginLeft: 8 }}>{g.types.length} 项</span>
              </h3>
            )}
            {g.types.map((t) => card(t, enabled.indexOf(t), g.name ? g.types : null))}
          </section>
        ))}
      </div>
    </div>
  );
}

/**
 * A type matches when every character typed appears in its name in order (“宅基地首次” finds
 * 宅基地使用权及房屋所有权首次登记); space-separated words must each match.
 */
export function matchesType(t: { id: string; name: string }, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const name = `${t.name} ${t.id}`.toLowerCase();
  return words.every((w) => {
    let at = 0;
    for (const ch of w) {
      at = name.indexOf(ch, at);
      if (at < 0) return false;
      at += 1;
    }
    return true;
  });
}

const CARD_CSS = `
.intake-type-card:hover:not(:disabled) { border-color: #1d4f91 !important; box-shadow: 0 2px 8px rgba(29, 79, 145, 0.12); }
.intake-type-card:focus-visible { outline: 3px solid #7aa2d6; outline-offset: 1px; }
`;

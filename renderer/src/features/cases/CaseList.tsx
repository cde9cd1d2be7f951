import { Alert, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { errorMessage, useBusinessTypesQuery, useSearchCasesQuery } from '../../api/api-slice';
import { useCaseTypes } from './use-case-types';
import { navigate } from '../../app/hash-route';
import { CASE_STATUSES, maskPersonalText } from '../../../../electron/contract';
import { asBusinessTypeId, businessTypeName, CASE_STATUS, type CaseStatus } from './case-labels';
import { caseDetailPath } from './case-route';
import { formatShortTime, shanghaiStartOfDay } from '../../app/shanghai-time';

const PAGE_SIZE = 20;

interface Filters {
  text: string;
  status: CaseStatus[];
  businessType: string | undefined;
  /** Inclusive calendar days (YYYY-MM-DD) in the office's time zone. */
  days: [string, string] | null;
}

/** What the list says it searched: a number looked up exactly, or free text. */
const SEARCHED_BY: Record<string, string> = {
  idNumber: '按证件号码精确查找',
  phone: '按联系电话精确查找',
  certificate: '按不动产权证书号/证明号查找',
  nameAndIdTail: '按姓名和证件号码末几位查找',
  text: '按姓名、单元代码、业务编号或坐落查找',
};

type Row = NonNullable<ReturnType<typeof useSearchCasesQuery>['data']>['rows'][number];

/** The case list: substring search over names, unit codes, case numbers and addresses, exact search by ID number, phone or certificate number, plus filters. */
export function CaseList({ active }: { active: boolean }) {
  const [filters, setFilters] = useState<Filters>({ text: '', status: [], businessType: undefined, days: null });
  const [page, setPage] = useState(1);
  const types = useBusinessTypesQuery();
  const allTypes = useCaseTypes();
  const search = useRef<InputRef>(null);
  const { data, isFetching, error } = useSearchCasesQuery({
    ...(filters.text ? { text: filters.text } : {}),
    ...(filters.status.length ? { status: filters.status } : {}),
    ...(asBusinessTypeId(filters.businessType) ? { businessType: asBusinessTypeId(filters.businessType) } : {}),
    ...(filters.days ? { from: shanghaiStartOfDay(filters.days[0]), to: shanghaiStartOfDay(filters.days[1], 1) } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  // Back from a detail, the search box has the focus again.
  useEffect(() => {
    if (active) search.current?.focus();
  }, [active]);

  return (
    <Card title="业务查询">
      <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
        <Input.Search
          ref={search}
          placeholder="姓名、证件号码、电话、证书号、单元代码、业务编号或坐落"
          allowClear
          enterButton="查询"
          onSearch={(v) => change({ text: v.trim() })}
          style={{ width: 400 }}
          aria-label="搜索业务"
          maxLength={100}
        />
        <Select<CaseStatus[]>
          mode="multiple"
          allowClear
          placeholder="状态"
          value={filters.status}
          onChange={(status) => change({ status })}
          // The contract's status enum, labelled by the one labels table.
          options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS[s].label }))}
          style={{ width: 150 }}
          maxTagCount="responsive"
          aria-label="按状态筛选"
        />
        <Select<string>
          allowClear
          placeholder="业务类型"
          value={filters.businessType}
          onChange={(businessType) => change({ businessType })}
          options={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          style={{ width: 150 }}
          aria-label="按业务类型筛选"
        />
        <DatePicker.RangePicker
          placeholder={['受理日期起', '止']}
          onChange={(_, text) => change({ days: text[0] && text[1] ? [text[0], text[1]] : null })}
          format="YYYY-MM-DD"
          aria-label="按受理日期筛选"
        />
      </Space>
      {/* Reserved line: the table does not jump when a search starts or ends. The number is masked on screen. */}
      <Typography.Text type="secondary" data-testid="searched-by" style={{ display: 'block', minHeight: 22, marginBottom: 8 }}>
        {filters.text && data ? `${SEARCHED_BY[data.searchedBy]}：“${maskPersonalText(filters.text.normalize('NFKC'))}”` : ''}
      </Typography.Text>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage(error)} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        onRow={(r) => ({ onClick: () => navigate(caseDetailPath(r.id)), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 件`,
          onChange: setPage,
        }}
        locale={{ emptyText: filters.text ? `没有找到与“${maskPersonalText(filters.text.normalize('NFKC'))}”相关的业务` : '暂无业务' }}
        columns={[
          {
            title: '业务编号',
            key: 'caseNumber',
            width: 210,
            render: (_: unknown, r) => (
              <a href={`#${caseDetailPath(r.id)}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
                {r.caseNumber ?? `草稿 #${r.id}`}
              </a>
            ),
          },
          { title: '业务类型', dataIndex: 'businessType', width: 116, render: (t: string) => businessTypeName(allTypes.data, t) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 86,
            render: (s: CaseStatus) => <Tag color={CASE_STATUS[s].color}>{CASE_STATUS[s].label}</Tag>,
          },
          { title: '申请人', dataIndex: 'names', width: 150, ellipsis: { showTitle: true }, render: (v: string) => v || '—' },
          {
            title: '坐落',
            dataIndex: 'addresses',
            ellipsis: { showTitle: false },
            render: (v: string) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: '100%' }}>
                {v || '—'}
              </Typography.Text>
            ),
          },
          { title: '受理时间', dataIndex: 'acceptedAt', width: 140, render: (t: string | null) => formatShortTime(t) },
          { title: '承诺办结', dataIndex: 'promisedDate', width: 100, render: (d: string | null) => d ?? '—' },
        ]}
      />
    </Card>
  );
}


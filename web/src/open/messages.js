// The console's words for open-data demand requests (开放需求) and applications for conditionally-open data
// (有条件开放申请), merged into the console's messages, so that this room's pages keep their texts together.
import { i18n } from '../i18n'

const zhCN = {
  menu: { open: '开放', openDemands: '开放需求答复', openApplications: '开放申请审核', openReuses: '利用成果审核' },
  workbench: { kinds: { open_application_decide: '待审核开放申请', open_usage_report_overdue: '逾期未交的开放数据使用情况报告' } },
  demand: {
    title: '开放需求答复',
    hint: '公众通过开放平台提出的编目或开放需求，请在答复期限内答复；申请人对答复有异议的，由数据主管部门复核。',
    overdueOnly: '只看逾期',
    empty: '暂无开放需求',
    kind: { LIST: '申请编目', OPEN: '申请开放' },
    status: {
      AWAITING_ASSIGNMENT: '待分派', AWAITING_REPLY: '待答复', ANSWERED: '已答复', OBJECTED: '异议复核中', CLOSED: '已办结'
    },
    decision: {
      WILL_OPEN: '同意（列入目录或开放）', ALREADY_OPEN: '已开放', WILL_NOT_OPEN: '不予开放', NOT_OUR_DATA: '非本部门数据'
    },
    outcome: { CONFIRMED: '维持原答复', REVISED: '改变答复' },
    requesterKind: { CITIZEN: '公民', LEGAL_PERSON: '法人', RESEARCH_INSTITUTION: '高校或科研院所' },
    event: {
      SUBMITTED: '提出需求', ASSIGNED: '分派', RETURNED: '退回主管部门', ANSWERED: '答复', LINKED: '关联目录',
      OBJECTED: '提出异议', REVIEWED: '复核', FULFILLED: '数据已开放'
    },
    field: {
      id: '编号', subject: '需求数据', description: '数据说明', reason: '需求理由', requester: '申请人', submittedAt: '提出时间',
      department: '答复部门', namedDepartment: '申请人指明的部门', entry: '相关目录', dueOn: '答复期限', noDue: '无法定期限',
      status: '状态', decision: '答复结果', reasons: '理由', legalBasis: '法律依据', entryId: '目录条目编号',
      answeredAt: '答复时间', objection: '异议', reviewDueOn: '复核期限', review: '复核决定', timeline: '办理过程'
    },
    overdue: '已逾期',
    open: '查看',
    answer: '答复',
    assign: '分派',
    review: '复核',
    submitAnswer: '提交答复',
    submitAssign: '确定分派',
    submitReview: '提交复核决定',
    answered: '已答复',
    assigned: '已分派',
    reviewed: '已作出复核决定',
    decisionHint: '不予开放须说明理由和法律依据；已开放须填写目录条目编号；非本部门数据将退回数据主管部门重新分派。'
  },
  reuse: {
    title: '利用成果审核',
    hint: '公众发布的开放数据利用成果，经审核通过后在开放门户展示；不予通过的须说明理由。',
    empty: '暂无利用成果',
    status: { SUBMITTED: '待审核', APPROVED: '已发布', REJECTED: '未通过' },
    kind: { APPLICATION: '应用', WEBSITE: '网站', ANALYSIS: '分析报告', RESEARCH: '研究成果', VISUALISATION: '数据可视化', OTHER: '其他' },
    field: {
      id: '编号', name: '成果名称', kind: '成果类型', description: '成果简介', link: '链接', datasets: '所用数据集及引用',
      submittedAt: '提交时间', status: '状态', decidedBy: '审核人', reason: '不予通过的理由'
    },
    reasonHint: '不予通过时填写，发布人可以看到',
    moderate: '审核',
    open: '查看',
    approve: '审核通过',
    reject: '不予通过',
    approved: '已审核通过',
    rejected: '已退回'
  },
  application: {
    title: '开放申请审核',
    hint: '公众申请使用本部门有条件开放的数据，请在办理期限内审核：同意的可附加条件、缩小数据项和期限；不予同意的须说明理由和法律依据。',
    overdueOnly: '只看逾期',
    empty: '暂无开放申请',
    status: { SUBMITTED: '待审核', APPROVED: '已同意', REFUSED: '不予同意' },
    use: { RESEARCH: '科学研究（非商业）', PUBLIC_SERVICE: '公益服务', COMMERCIAL: '商业开发利用' },
    applicantKind: { CITIZEN: '公民', LEGAL_PERSON: '法人', RESEARCH_INSTITUTION: '高校或科研院所' },
    field: {
      id: '编号', dataset: '数据集', applicant: '申请人', use: '用途', purpose: '申请目的', scenario: '使用场景',
      securityMeasures: '安全保障措施', items: '申请的数据项', allItems: '全部开放的数据项', requestedUntil: '申请使用期限',
      submittedAt: '申请时间', dueOn: '办理期限', noDue: '无法定期限', status: '状态', conditions: '使用条件',
      grantedItems: '同意的数据项', accessUntil: '使用期限至', agreement: '数据使用协议', reasons: '不予同意的理由',
      legalBasis: '法律依据', decidedBy: '审核人', decidedAt: '审核时间'
    },
    competitive: '商业开发利用须经竞争性方式确定',
    selection: {
      title: '竞争性选择结果',
      needed: '商业开发利用须通过公开招标等竞争性方式确定授权对象，请先记录竞争性选择结果；中选的申请方可同意。',
      method: '选择方式', methodHint: '如：公开招标', resultLabel: '结果', decidedOn: '确定日期', reference: '结果公告或决定文书',
      result: { WON: '申请人中选', NOT_SELECTED: '申请人未中选' },
      submit: '记录结果', recorded: '已记录竞争性选择结果'
    },
    overdue: '已逾期',
    open: '查看',
    decide: '审核',
    approve: '同意',
    refuse: '不予同意',
    submitApprove: '同意申请',
    submitRefuse: '不予同意',
    approved: '已同意申请',
    refused: '已作出不予同意的决定',
    itemsHint: '不选则同意申请的全部数据项',
    untilHint: '不填则为申请的期限'
  }
}

const en = {
  menu: { open: 'Open data', openDemands: 'Demand requests', openApplications: 'Open applications', openReuses: 'Apps and results' },
  workbench: { kinds: { open_application_decide: 'Open application to decide', open_usage_report_overdue: 'Overdue open-data usage report' } },
  demand: {
    title: 'Open-data demand requests',
    hint: 'Requests from the public to list or open data: answer them by their due date; the data authority reviews an objection to an answer.',
    overdueOnly: 'Overdue only',
    empty: 'No demand requests',
    kind: { LIST: 'List in the catalog', OPEN: 'Open' },
    status: {
      AWAITING_ASSIGNMENT: 'To assign', AWAITING_REPLY: 'To answer', ANSWERED: 'Answered', OBJECTED: 'Objection under review', CLOSED: 'Closed'
    },
    decision: {
      WILL_OPEN: 'Will list or open', ALREADY_OPEN: 'Already open', WILL_NOT_OPEN: 'Will not open', NOT_OUR_DATA: 'Not our data'
    },
    outcome: { CONFIRMED: 'Answer stands', REVISED: 'Answer revised' },
    requesterKind: { CITIZEN: 'Citizen', LEGAL_PERSON: 'Legal person', RESEARCH_INSTITUTION: 'University or research institute' },
    event: {
      SUBMITTED: 'Submitted', ASSIGNED: 'Assigned', RETURNED: 'Returned to the authority', ANSWERED: 'Answered', LINKED: 'Entry linked',
      OBJECTED: 'Objection', REVIEWED: 'Reviewed', FULFILLED: 'Data opened'
    },
    field: {
      id: 'No.', subject: 'Data asked for', description: 'Description', reason: 'Why', requester: 'Requester', submittedAt: 'Submitted',
      department: 'Answering department', namedDepartment: 'Department named', entry: 'Catalog entry', dueOn: 'Answer due', noDue: 'No period set',
      status: 'Status', decision: 'Decision', reasons: 'Reasons', legalBasis: 'Legal basis', entryId: 'Catalog entry id',
      answeredAt: 'Answered', objection: 'Objection', reviewDueOn: 'Review due', review: 'Review', timeline: 'History'
    },
    overdue: 'Overdue',
    open: 'View',
    answer: 'Answer',
    assign: 'Assign',
    review: 'Review',
    submitAnswer: 'Send answer',
    submitAssign: 'Assign',
    submitReview: 'Send decision',
    answered: 'Answered',
    assigned: 'Assigned',
    reviewed: 'Decision recorded',
    decisionHint: 'A refusal gives its reasons and legal basis; "already open" names the catalog entry; "not our data" returns the request to the data authority.'
  },
  reuse: {
    title: 'Apps and results',
    hint: 'What the public built on open data shows on the portal once approved; a rejection gives its reason.',
    empty: 'No apps or results',
    status: { SUBMITTED: 'To moderate', APPROVED: 'Published', REJECTED: 'Rejected' },
    kind: { APPLICATION: 'Application', WEBSITE: 'Website', ANALYSIS: 'Analysis', RESEARCH: 'Research', VISUALISATION: 'Visualisation', OTHER: 'Other' },
    field: {
      id: 'No.', name: 'Name', kind: 'Kind', description: 'Description', link: 'Link', datasets: 'Datasets used and citations',
      submittedAt: 'Submitted', status: 'Status', decidedBy: 'Moderated by', reason: 'Reason for rejection'
    },
    reasonHint: 'Needed to reject; the publisher reads it',
    moderate: 'Moderate',
    open: 'View',
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Approved',
    rejected: 'Rejected'
  },
  application: {
    title: 'Open applications',
    hint: 'Applications from the public to use data your department opens on conditions: decide by the due date. An approval may add conditions and narrow the items and the period; a refusal gives its reasons and legal basis.',
    overdueOnly: 'Overdue only',
    empty: 'No applications',
    status: { SUBMITTED: 'To decide', APPROVED: 'Approved', REFUSED: 'Refused' },
    use: { RESEARCH: 'Research (non-commercial)', PUBLIC_SERVICE: 'Public service', COMMERCIAL: 'Commercial use' },
    applicantKind: { CITIZEN: 'Citizen', LEGAL_PERSON: 'Legal person', RESEARCH_INSTITUTION: 'University or institute' },
    field: {
      id: 'No.', dataset: 'Dataset', applicant: 'Applicant', use: 'Use', purpose: 'Purpose', scenario: 'Use scenario',
      securityMeasures: 'Security measures', items: 'Items applied for', allItems: 'All released items',
      requestedUntil: 'Period applied for', submittedAt: 'Applied', dueOn: 'Due', noDue: 'No statutory period',
      status: 'Status', conditions: 'Conditions', grantedItems: 'Items granted', accessUntil: 'Access until',
      agreement: 'Usage agreement', reasons: 'Reasons for refusal', legalBasis: 'Legal basis', decidedBy: 'Decided by',
      decidedAt: 'Decided'
    },
    competitive: 'Commercial use is granted by competitive selection',
    selection: {
      title: 'Competitive selection',
      needed: 'Commercial use is granted to whoever wins a competitive selection such as a public tender: record its result first; only the winner can be approved.',
      method: 'Method', methodHint: 'e.g. public tender', resultLabel: 'Result', decidedOn: 'Decided on', reference: 'Announcement or decision document',
      result: { WON: 'The applicant was selected', NOT_SELECTED: 'The applicant was not selected' },
      submit: 'Record the result', recorded: 'Selection result recorded'
    },
    overdue: 'Overdue',
    open: 'View',
    decide: 'Decide',
    approve: 'Approve',
    refuse: 'Refuse',
    submitApprove: 'Approve',
    submitRefuse: 'Refuse',
    approved: 'Application approved',
    refused: 'Refusal recorded',
    itemsHint: 'None selected: all the items applied for',
    untilHint: 'Empty: the period applied for'
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)

// emergency data (OPN-7) and revenue from authorised development (OPN-8): the authority's pages
i18n.global.mergeLocaleMessage('zh-CN', {
  menu: { openEmergencies: '应急数据', openRevenues: '开放收益分配' },
  emergency: {
    title: '应急数据',
    hint: '突发事件应对期间，将已开放的数据集标为应急数据：在开放门户首页和检索结果中置顶，并按提高后的更新周期更新；到期或解除后恢复。',
    flag: '标为应急数据',
    dataset: '数据集',
    find: '按名称查找已开放的数据集',
    search: '查找',
    noneFound: '没有找到相符的已开放数据集。',
    pick: '选择',
    reason: '理由（突发事件及需要开放的原因）',
    until: '应急期至',
    cycle: '应急期间的更新周期',
    cycles: { REALTIME: '实时', DAILY: '每日', WEEKLY: '每周' },
    submit: '标为应急数据',
    flagged: '已标为应急数据',
    empty: '暂无应急数据',
    inForce: '生效中',
    ended: '已结束',
    lift: '解除',
    liftReason: '解除理由（可不填）',
    lifted: '已解除',
    feed: '变化订阅',
    field: { title: '数据集', department: '提供部门', reason: '理由', until: '应急期至', cycle: '更新周期', flaggedAt: '标记时间', state: '状态', liftedAt: '解除时间', liftReason: '解除理由' }
  },
  revenue: {
    title: '开放收益分配',
    hint: '登记授权运营产生的收益，平台按各提供部门数据在该期间的下载和接口调用次数分配到分，分配结果按登记时计算保存。',
    record: '登记收益',
    grants: '收益来自的授权（已同意的开放申请）',
    grant: '编号 {id} · {dataset} · {department}',
    amount: '金额（元，最多两位小数）',
    period: '收益期间',
    start: '开始日期',
    end: '结束日期',
    source: '收益来源（产品或服务、合同）',
    submit: '登记并分配',
    recorded: '收益已登记并分配',
    empty: '暂无收益记录',
    exportCsv: '导出 CSV',
    exportXlsx: '导出 Excel',
    shares: '分配结果',
    readOnly: '本部门分得的收益（由数据主管部门登记）。',
    field: { id: '编号', period: '期间', source: '来源', amount: '金额（元）', department: '提供部门', contribution: '使用次数', share: '分得金额（元）', recordedBy: '登记人', recordedAt: '登记时间', grants: '授权' }
  }
})

i18n.global.mergeLocaleMessage('en', {
  menu: { openEmergencies: 'Emergency data', openRevenues: 'Open-data revenue' },
  emergency: {
    title: 'Emergency data',
    hint: 'During an emergency, flag an open dataset as emergency data: it is pinned on the portal\'s home and first in search, and kept to the raised update cycle; all is restored when it lapses or is lifted.',
    flag: 'Flag as emergency data',
    dataset: 'Dataset',
    find: 'Find an open dataset by name',
    search: 'Find',
    noneFound: 'No open dataset found.',
    pick: 'Choose',
    reason: 'Reason (the emergency and why the data is needed)',
    until: 'Flagged until',
    cycle: 'Update cycle meanwhile',
    cycles: { REALTIME: 'Real time', DAILY: 'Daily', WEEKLY: 'Weekly' },
    submit: 'Flag',
    flagged: 'Flagged as emergency data',
    empty: 'No emergency data',
    inForce: 'In force',
    ended: 'Ended',
    lift: 'Lift',
    liftReason: 'Why it is lifted (optional)',
    lifted: 'Lifted',
    feed: 'Change feed',
    field: { title: 'Dataset', department: 'Department', reason: 'Reason', until: 'Until', cycle: 'Update cycle', flaggedAt: 'Flagged', state: 'State', liftedAt: 'Lifted', liftReason: 'Why lifted' }
  },
  revenue: {
    title: 'Open-data revenue',
    hint: 'Record revenue from authorised development; the platform allocates it to the fen between the providing departments by the downloads and API calls under their grants in the period, and keeps it as computed.',
    record: 'Record revenue',
    grants: 'Grants it came from (approved applications)',
    grant: 'No. {id} · {dataset} · {department}',
    amount: 'Amount (yuan, at most two decimals)',
    period: 'Period',
    start: 'From',
    end: 'To',
    source: 'Source (product or service, contract)',
    submit: 'Record and allocate',
    recorded: 'Revenue recorded and allocated',
    empty: 'No revenue recorded',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export Excel',
    shares: 'Allocation',
    readOnly: "The department's shares (recorded by the data authority).",
    field: { id: 'No.', period: 'Period', source: 'Source', amount: 'Amount (yuan)', department: 'Department', contribution: 'Uses', share: 'Share (yuan)', recordedBy: 'Recorded by', recordedAt: 'Recorded', grants: 'Grants' }
  }
})

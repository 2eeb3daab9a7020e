// The supervision pages' texts, merged into the console's messages (kept here so the module's pages stay in one folder).
import { i18n } from '../i18n'

const zh = {
  menu: { supervise: '监督评估', superviseDashboard: '评估看板', superviseViolations: '违规与整改', superviseSelfReports: '年度自评报告', superviseProjects: '信息化项目' },
  roles: { ASSESSOR: '第三方评估人员' },
  workbench: { kinds: { supervise_selfReport: '年度自评报告' } },
  supervise: {
    dashboard: '监督评估看板', cardChart: '本部门各项比率指标与全区平均的对比图', violations: '违规与整改', year: '年度', league: '部门评分排名',
    rank: '名次', department: '部门', score: '得分', grade: '等级', method: '评分方法版本', frozen: '已固定',
    live: '本年度实时计算', myCard: '本部门评分', regionAverage: '全区平均', metric: '指标', definition: '定义',
    value: '本部门', weight: '权重', records: '明细', report: '下载年度报告（PDF）', noValue: '—',
    detect: '立即检测', detected: '检测完成：新发现 {opened} 起，已记录 {stillOpen} 起，自行纠正 {resolved} 起',
    type: '违规类型', subject: '事项', detectedOn: '发现日期', status: '状态', dueOn: '整改期限',
    daysLeft: '剩余工作日', daysLate: '已超期 {n} 个工作日', days: '{n} 个工作日', actions: '操作',
    order: '下发整改通知', orderNote: '整改要求（可留空使用默认文字）', answer: '反馈整改情况',
    answerText: '整改情况', recheck: '复核', escalate: '通报', escalateNote: '通报内容', orderText: '整改通知',
    answered: '部门反馈', notice: '通报', stillFires: '复核仍发现该问题，已退回部门继续整改',
    closed: '复核通过，已销号', all: '全部', statusFilter: '状态',
    statuses: { DETECTED: '已发现', ORDERED: '整改中', ANSWERED: '已反馈', CLOSED: '已整改', ESCALATED: '已通报', RESOLVED: '已自行纠正' },
    selfReports: '年度自评报告', selfReport: '{year}年度自评报告', reportStatus: '状态', reportDueOn: '报送期限', overdueReport: '已逾期',
    open: '查看', figures: '年度指标（平台记录）', workDone: '工作开展情况', problems: '存在的问题', plans: '下一步工作计划',
    saveDraft: '保存草稿', submit: '提交', submitConfirm: '提交后不能再修改（主管部门可退回）。确定提交吗？',
    returnReport: '退回', returnReason: '退回原因', returnedWith: '主管部门退回：', pdf: '下载 PDF', xlsx: '下载 Excel',
    saved: '已保存', submitted: '已提交', notSubmitted: '{n} 个部门尚未提交', basis: '依据 {basis}',
    reportStatuses: { NOT_STARTED: '未填报', DRAFT: '草稿', SUBMITTED: '已提交', RETURNED: '已退回' },
    projects: {
      mine: '本部门信息化项目', all: '全区信息化项目', register: '登记项目', code: '项目编号', name: '项目名称',
      approvalBody: '审批部门', budget: '预算（元）', period: '建设周期', startsOn: '开始日期', endsOn: '结束日期',
      entries: '项目数据资源目录', entriesHint: '每行一条：资源代码 产出/使用 所需信息项（用顿号分隔，可不填）',
      approvalCheck: '审批前核查', acceptanceCheck: '验收核查', evidence: '验收核查证明（PDF）', findings: '发现的问题',
      complete: '目录完整', passed: '通过', notChecked: '未核查', checkedAt: '核查时间', compliancePdf: '合规情况说明（PDF）', complianceXlsx: '合规情况说明（XLSX）',
      produces: '产出', uses: '使用', badLine: '第 {n} 行应为：资源代码 产出或使用 信息项',
      statuses: { REGISTERED: '已登记', CATALOG_INCOMPLETE: '目录不完整', CATALOG_COMPLETE: '目录完整，可报审批', ACCEPTANCE_FAILED: '验收核查未通过', ACCEPTED: '验收核查通过' }
    }
  }
}

const en = {
  menu: { supervise: 'Supervision', superviseDashboard: 'Dashboard', superviseViolations: 'Violations and orders', superviseSelfReports: 'Yearly self-reports', superviseProjects: 'Information projects' },
  roles: { ASSESSOR: 'Third-party assessor' },
  workbench: { kinds: { supervise_selfReport: 'Yearly self-report' } },
  supervise: {
    dashboard: 'Supervision dashboard', cardChart: 'The department’s ratios against the region’s average', violations: 'Violations and correction orders', year: 'Year', league: 'League table',
    rank: 'Rank', department: 'Department', score: 'Score', grade: 'Grade', method: 'Scoring method', frozen: 'frozen',
    live: 'computed live for the current year', myCard: 'Our scorecard', regionAverage: 'Region average', metric: 'Metric',
    definition: 'Definition', value: 'Department', weight: 'Weight', records: 'Records', report: 'Download yearly report (PDF)',
    noValue: '—', detect: 'Detect now', detected: 'Detection done: {opened} new, {stillOpen} already recorded, {resolved} corrected',
    type: 'Violation', subject: 'Subject', detectedOn: 'Detected', status: 'Status', dueOn: 'Order due',
    daysLeft: 'Working days left', daysLate: '{n} working days late', days: '{n} working days', actions: 'Actions',
    order: 'Issue correction order', orderNote: 'What to correct (blank: the standard text)', answer: 'Answer the order',
    answerText: 'What the department did', recheck: 'Re-check', escalate: 'Notice', escalateNote: 'Notice text',
    orderText: 'Order', answered: 'Answer', notice: 'Notice', stillFires: 'Still found: sent back to the department',
    closed: 'Corrected: closed', all: 'All', statusFilter: 'Status',
    statuses: { DETECTED: 'Detected', ORDERED: 'Being corrected', ANSWERED: 'Answered', CLOSED: 'Corrected', ESCALATED: 'Escalated', RESOLVED: 'Corrected by itself' },
    selfReports: 'Yearly self-reports', selfReport: 'Self-report on {year}', reportStatus: 'Status', reportDueOn: 'Due', overdueReport: 'Overdue',
    open: 'Open', figures: 'The year\'s figures (as recorded by the platform)', workDone: 'Work done', problems: 'Problems',
    plans: 'Plans for next year', saveDraft: 'Save draft', submit: 'Submit',
    submitConfirm: 'Once submitted it cannot be changed (the authority may return it). Submit now?',
    returnReport: 'Return', returnReason: 'Reason for returning it', returnedWith: 'Returned by the authority: ',
    pdf: 'Download PDF', xlsx: 'Download Excel', saved: 'Saved', submitted: 'Submitted',
    notSubmitted: '{n} departments have not submitted', basis: 'under {basis}',
    reportStatuses: { NOT_STARTED: 'Not started', DRAFT: 'Draft', SUBMITTED: 'Submitted', RETURNED: 'Returned' },
    projects: {
      mine: 'Our information projects', all: 'Information projects of the region', register: 'Register a project', code: 'Project code',
      name: 'Project name', approvalBody: 'Approval body', budget: 'Budget (yuan)', period: 'Period', startsOn: 'Start',
      endsOn: 'End', entries: 'Catalog entries of the project',
      entriesHint: 'One per line: resource code, produces or uses (产出/使用), data items needed separated by 、 (optional)',
      approvalCheck: 'Check before approval', acceptanceCheck: 'Acceptance check', evidence: 'Acceptance evidence (PDF)',
      findings: 'Missing', complete: 'Catalog complete', passed: 'Passed', notChecked: 'Not checked', checkedAt: 'Checked',
      compliancePdf: 'Compliance statement (PDF)', complianceXlsx: 'Compliance statement (XLSX)', produces: 'produces', uses: 'uses', badLine: 'Line {n} should read: resource code, produces or uses, items',
      statuses: { REGISTERED: 'Registered', CATALOG_INCOMPLETE: 'Catalog incomplete', CATALOG_COMPLETE: 'Catalog complete, ready for approval', ACCEPTANCE_FAILED: 'Acceptance check failed', ACCEPTED: 'Acceptance check passed' }
    }
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

// the dashboard's trend, comparison, overdue-by-age charts and printing (issue #14)
const zhBoard = {
  print: '打印', trends: '指标趋势', trendChart: '{metric}逐年变化，本部门与全区平均', overdue: '逾期事项（按逾期工作日）',
  overdueChart: '各类逾期事项按逾期工作日分段的数量', noOverdue: '没有逾期事项', regionMedian: '全区中位数',
  ages: { '1to5': '1–5个工作日', '6to10': '6–10个工作日', '11to20': '11–20个工作日', over20: '20个工作日以上' },
  kinds: {
    shareApplication: '共享申请', shareObjection: '数据异议', catalogObligation: '目录更新义务', violationOrder: '整改通知',
    orgFiling: '首席数据官及人员变动报备', selfReport: '年度自评报告', openApplication: '开放数据申请', openDemand: '开放数据需求',
    other: '其他事项'
  }
}

const enBoard = {
  print: 'Print', trends: 'Trends', trendChart: '{metric} year by year, the department against the region’s average',
  overdue: 'Overdue work (by working days overdue)', overdueChart: 'Overdue items of each kind by working days overdue',
  noOverdue: 'Nothing overdue', regionMedian: 'Region median',
  ages: { '1to5': '1–5 working days', '6to10': '6–10 working days', '11to20': '11–20 working days', over20: 'over 20 working days' },
  kinds: {
    shareApplication: 'Share applications', shareObjection: 'Objections', catalogObligation: 'Catalog obligations',
    violationOrder: 'Correction orders', orgFiling: 'CDO and roster filings', selfReport: 'Yearly self-reports',
    openApplication: 'Open-data applications', openDemand: 'Open-data demands', other: 'Other'
  }
}

i18n.global.mergeLocaleMessage('zh-CN', { supervise: { board: zhBoard } })
i18n.global.mergeLocaleMessage('en', { supervise: { board: enBoard } })

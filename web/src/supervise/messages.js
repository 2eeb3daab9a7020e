// The supervision pages' texts, merged into the console's messages (kept here so the module's pages stay in one folder).
import { i18n } from '../i18n'

const zh = {
  menu: { supervise: '监督评估', superviseDashboard: '评估看板', superviseViolations: '违规与整改' },
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
    statuses: { DETECTED: '已发现', ORDERED: '整改中', ANSWERED: '已反馈', CLOSED: '已整改', ESCALATED: '已通报', RESOLVED: '已自行纠正' }
  }
}

const en = {
  menu: { supervise: 'Supervision', superviseDashboard: 'Dashboard', superviseViolations: 'Violations and orders' },
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
    statuses: { DETECTED: 'Detected', ORDERED: 'Being corrected', ANSWERED: 'Answered', CLOSED: 'Corrected', ESCALATED: 'Escalated', RESOLVED: 'Corrected by itself' }
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

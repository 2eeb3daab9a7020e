// The assessor page's texts, merged into the console's messages.
import { i18n } from '../i18n'

const zh = {
  menu: { superviseAssessors: '第三方评估' },
  assessor: {
    title: '第三方评估人员', hint: '授权第三方评估机构的人员（具有“第三方评估”角色的账号）在期限内只读查看本区域的监督评估数据，期限最长一年；每次查看均记入审计日志。',
    grant: '授权评估人员', department: '评估机构', person: '评估人员', validFrom: '开始日期', validUntil: '结束日期', note: '说明',
    period: '授权期限', grantedBy: '授权人', state: '状态', active: '有效', inactive: '不在有效期内', revoked: '已撤销',
    revoke: '撤销', confirmRevoke: '撤销后该人员立即不能再查看监督评估数据。确定撤销吗？', granted: '已授权', revokedDone: '已撤销'
  }
}

const en = {
  menu: { superviseAssessors: 'Assessors' },
  assessor: {
    title: 'Third-party assessors',
    hint: 'Staff of a third-party assessing firm (accounts with the assessor role) read the region\'s supervision data during the period granted, at most a year; every read is audited.',
    grant: 'Grant an assessor', department: 'Assessing firm', person: 'Assessor', validFrom: 'From', validUntil: 'Until', note: 'Note',
    period: 'Period', grantedBy: 'Granted by', state: 'State', active: 'Active', inactive: 'Outside its period', revoked: 'Revoked',
    revoke: 'Revoke', confirmRevoke: 'The assessor can no longer read supervision data. Revoke?', granted: 'Granted', revokedDone: 'Revoked'
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

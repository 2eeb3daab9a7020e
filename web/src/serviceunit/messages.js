// The technical service units' texts, merged into the console's messages.
import { i18n } from '../i18n'

const zh = {
  menu: { serviceUnits: '技术服务单位' },
  serviceUnit: {
    title: '技术服务单位', hint: '数据主管部门授权的技术服务单位，其人员只能在授权事项、服务部门和期限内操作，操作记入审计日志并注明代表数据主管部门。',
    authorise: '授权技术服务单位', name: '单位名称', creditCode: '统一社会信用代码', actions: '授权事项', departments: '服务部门',
    period: '授权期限', validFrom: '开始日期', validUntil: '结束日期', members: '关联账号', state: '状态',
    inForce: '有效', notInForce: '未生效或已过期', revoked: '已撤销', link: '关联账号', account: '账号', revoke: '撤销授权',
    confirmRevoke: '撤销后，该单位关联的账号立即失去授权范围内的权限。确定撤销吗？', saved: '已授权', linked: '已关联', revokedDone: '已撤销授权',
    actionLabels: { CATALOG_EDIT: '目录编制', LAKE_UPLOAD: '数据归集上传' }
  }
}

const en = {
  menu: { serviceUnits: 'Service units' },
  serviceUnit: {
    title: 'Technical service units',
    hint: 'Companies the data authority authorises: their staff act only within the actions, departments and period, and the audit log marks them as acting for the authority.',
    authorise: 'Authorise a service unit', name: 'Name', creditCode: 'Unified social credit code', actions: 'Actions',
    departments: 'Departments served', period: 'Period', validFrom: 'From', validUntil: 'Until', members: 'Linked accounts',
    state: 'State', inForce: 'In force', notInForce: 'Not in force', revoked: 'Revoked', link: 'Link account', account: 'Account',
    revoke: 'Revoke', confirmRevoke: 'Its linked accounts lose the authorised powers at once. Revoke?', saved: 'Authorised',
    linked: 'Linked', revokedDone: 'Authorisation revoked',
    actionLabels: { CATALOG_EDIT: 'Catalog editing', LAKE_UPLOAD: 'Data upload to the lake' }
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

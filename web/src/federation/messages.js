// The texts of the cross-platform sharing pages (SHR-10), merged into the console's messages.
import { i18n } from '../i18n'

const zhCN = {
  menu: { federationApplications: '跨平台申请' },
  federation: {
    back: '返回',
    status: { DRAFT: '草稿', PENDING: '待审批', APPROVED: '已批准', REFUSED: '已驳回', WITHDRAWN: '已撤回', COORDINATION: '协调中' },
    way: { QUERY: '检索查询', VERIFICATION: '比对验证' },
    field: {
      platform: '所属平台', department: '提供部门', resourceCode: '资源代码', summary: '摘要', shareType: '共享类型',
      shareCondition: '共享条件', items: '数据项', materials: '申请材料', purpose: '用途', useScenario: '应用场景',
      legalDuty: '履职依据', period: '使用期限', ways: '使用方式', systems: '使用系统', status: '状态',
      dueOn: '对方平台办结时限', decidedBy: '审批人', refusalReason: '驳回理由', appliedBy: '申请人', createdAt: '申请时间',
      grant: '授权', grantedItems: '授权数据项', grantActive: '是否有效', validUntil: '有效期至', uses: '使用次数',
      lastUsedAt: '最近使用', entry: '目录', recordKey: '主键'
    },
    entry: {
      title: '其他平台目录详情', kept: '该目录由“{platform}”维护，申请经本平台提交到该平台，由其按自己的规则审批。',
      apply: '申请共享（经本平台）', notLinked: '本平台尚未与“{platform}”建立跨平台共享连接，暂不能申请；请联系数据主管部门的系统管理员。',
      noMaterials: '无需提交材料', noCondition: '—'
    },
    form: {
      title: '申请其他平台的数据', hint: '申请将经本平台提交到“{platform}”，由该平台审批；批准后本部门的系统经本平台使用数据。',
      itemsHint: '已选 {n} / {total} 项', noSystems: '本部门还没有可用的接入系统。', create: '提交到对方平台（草稿）',
      created: '对方平台已受理草稿，请上传材料后提交。'
    },
    detail: {
      title: '跨平台申请 #{id}', materials: '申请材料', attached: '已上传', missing: '未上传', fileHint: '每份材料上传一个文件（PDF、OFD 或图片）。',
      submit: '提交审批', submitConfirm: '提交后申请由“{platform}”审批，不能再修改。确定提交吗？', overdue: '已超过对方平台的办结时限（{due}）',
      yes: '有效', no: '已失效', never: '尚未使用', syncedAt: '最近一次向对方平台查询：{at}', notSynced: '尚未向对方平台查询',
      noGrant: '尚未授权', attachedThisVisit: '本次上传的材料会转交对方平台；离开页面后此处不再列出已上传的文件。'
    },
    list: { title: '跨平台申请', hint: '本部门经本平台向其他平台提出的数据申请', empty: '还没有跨平台申请', overdue: '已逾期' }
  }
}

const en = {
  menu: { federationApplications: 'Cross-platform applications' },
  federation: {
    back: 'Back',
    status: { DRAFT: 'Draft', PENDING: 'Pending approval', APPROVED: 'Approved', REFUSED: 'Refused', WITHDRAWN: 'Withdrawn', COORDINATION: 'In coordination' },
    way: { QUERY: 'Query', VERIFICATION: 'Verification' },
    field: {
      platform: 'Platform', department: 'Providing department', resourceCode: 'Resource code', summary: 'Summary',
      shareType: 'Share type', shareCondition: 'Share condition', items: 'Data items', materials: 'Materials',
      purpose: 'Purpose', useScenario: 'Use scenario', legalDuty: 'Legal duty', period: 'Period', ways: 'Ways of use',
      systems: 'Systems', status: 'Status', dueOn: 'Due (by the other platform)', decidedBy: 'Decided by',
      refusalReason: 'Reason for refusal', appliedBy: 'Applied by', createdAt: 'Applied at', grant: 'Grant',
      grantedItems: 'Granted items', grantActive: 'In force', validUntil: 'Valid until', uses: 'Uses',
      lastUsedAt: 'Last used', entry: 'Entry', recordKey: 'Key'
    },
    entry: {
      title: 'Entry of another platform', kept: 'Kept by "{platform}": an application goes there through this platform and is decided by its rules.',
      apply: 'Apply (through this platform)', notLinked: 'This platform is not yet linked to "{platform}" for sharing, so no application can be made; ask the data authority\'s system administrator.',
      noMaterials: 'No materials asked for', noCondition: '—'
    },
    form: {
      title: 'Apply for another platform\'s data', hint: 'The application goes to "{platform}" through this platform and is decided there; once approved, the department\'s systems use the data through this platform.',
      itemsHint: '{n} of {total} chosen', noSystems: 'The department has no active connected system yet.',
      create: 'Send to the other platform (draft)', created: 'The other platform accepted the draft: attach the materials, then submit.'
    },
    detail: {
      title: 'Cross-platform application #{id}', materials: 'Materials', attached: 'Attached', missing: 'Missing',
      fileHint: 'One file per material (PDF, OFD or an image).', submit: 'Submit for approval',
      submitConfirm: 'Once submitted, "{platform}" decides and the application can no longer be changed. Submit?',
      overdue: 'Past the other platform\'s due date ({due})', yes: 'In force', no: 'Not in force', never: 'Not used yet',
      syncedAt: 'Last asked of the other platform at {at}', notSynced: 'Not yet asked of the other platform',
      noGrant: 'No grant yet', attachedThisVisit: 'Files attached here are passed on to the other platform; this page lists them only until you leave it.'
    },
    list: { title: 'Cross-platform applications', hint: 'The department\'s applications to other platforms, made through this platform', empty: 'No cross-platform applications yet', overdue: 'Overdue' }
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)

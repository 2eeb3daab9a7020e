// The security pages' labels, merged into the console's messages (i18n.js) under `security` and `menu`.
export const securityMessages = {
  'zh-CN': {
    menu: { security: '安全管理', incidents: '安全事件', assessments: '风险自评估', trace: '泄露溯源' },
    security: {
      incidents: '安全事件', notices: '涉及本部门的安全事件', register: '登记事件', scan: '检查可疑情况', raised: '新发现 {n} 起可疑情况',
      type: '类型', grade: '级别', title: '事件名称', description: '事件描述', status: '状态', entries: '涉及数据资源（目录编号，逗号分隔）',
      departments: '涉及部门编号（逗号分隔）', actions: '处置过程', action: '新的处置记录', addAction: '记录', close: '结案', conclusion: '结案结论',
      confirm: '确认为事件', report: '下载事件报告', empty: '暂无安全事件', createdAt: '登记时间',
      types: { DATA_LEAK: '数据泄露', UNAUTHORIZED_ACCESS: '越权访问', ATTACK: '网络攻击', DATA_TAMPERING: '数据篡改', SYSTEM_FAILURE: '系统故障', OTHER: '其他' },
      grades: { ESPECIALLY_SERIOUS: '特别重大', SERIOUS: '重大', RELATIVELY_SERIOUS: '较大', GENERAL: '一般' },
      statuses: { DRAFT: '待确认', OPEN: '处置中', CLOSED: '已结案' },
      assessments: '数据安全风险自评估', year: '年度', openYear: '发起本年度自评估', opened: '已为 {n} 个部门发起自评估', department: '部门',
      dueOn: '截止日期', overdue: '已逾期', item: '检查项', area: '类别', basis: '依据', answer: '自评结论', evidence: '佐证材料链接（每行一个）',
      note: '说明', save: '保存', submit: '提交自评估', accept: '审核通过', returnIt: '退回修改', comment: '审核意见',
      answers: { MET: '符合', PARTLY_MET: '部分符合', NOT_MET: '不符合', NOT_APPLICABLE: '不适用' },
      assessmentStatuses: { OPEN: '填报中', SUBMITTED: '已提交', RETURNED: '已退回', ACCEPTED: '已通过' },
      trace: {
        title: '泄露文件溯源', hint: '上传一份疑似泄露的数据文件，平台将比对文件中的数字水印，查明它来自哪一次共享导出或开放数据下载。文件中的行可以是打乱顺序的，也可以只剩部分列。',
        drop: '将文件拖到此处，或点击选择文件', only: '支持 CSV、TSV、JSON、JSONL 文件和 Excel 工作簿（2007 及以上版本），不超过 50 MB', send: '开始溯源',
        found: '已查明来源', consumer: '取得文件的一方', grant: '依据', grantNo: '第 {id} 号共享授权', openGrantNo: '第 {id} 号开放数据申请', data: '数据资源', records: '（共 {n} 条记录）',
        exportedAt: '导出时间', confidence: '可信程度', evidence: '比对依据', agreeing: '文件中有 {compared} 处带水印的内容，其中 {agreeing} 处与这次导出一致'
      }
    }
  },
  en: {
    menu: { security: 'Security', incidents: 'Incidents', assessments: 'Risk self-assessments', trace: 'Leak tracing' },
    security: {
      incidents: 'Security incidents', notices: 'Incidents affecting my department', register: 'Register an incident', scan: 'Check for suspicious patterns', raised: '{n} new suspicious pattern(s)',
      type: 'Type', grade: 'Grade', title: 'Title', description: 'Description', status: 'Status', entries: 'Catalog entries affected (ids, comma-separated)',
      departments: 'Departments affected (ids, comma-separated)', actions: 'Actions', action: 'New action', addAction: 'Record', close: 'Close', conclusion: 'Conclusion',
      confirm: 'Confirm as incident', report: 'Download the report', empty: 'No incident', createdAt: 'Registered',
      types: { DATA_LEAK: 'Data leak', UNAUTHORIZED_ACCESS: 'Unauthorised access', ATTACK: 'Attack', DATA_TAMPERING: 'Data tampering', SYSTEM_FAILURE: 'System failure', OTHER: 'Other' },
      grades: { ESPECIALLY_SERIOUS: 'Especially serious', SERIOUS: 'Serious', RELATIVELY_SERIOUS: 'Relatively serious', GENERAL: 'General' },
      statuses: { DRAFT: 'To confirm', OPEN: 'Open', CLOSED: 'Closed' },
      assessments: 'Data-security risk self-assessments', year: 'Year', openYear: 'Open this year\'s self-assessments', opened: 'Opened for {n} department(s)', department: 'Department',
      dueOn: 'Due', overdue: 'Overdue', item: 'Item', area: 'Area', basis: 'Basis', answer: 'Answer', evidence: 'Evidence links (one per line)',
      note: 'Note', save: 'Save', submit: 'Submit', accept: 'Accept', returnIt: 'Return', comment: 'Comment',
      answers: { MET: 'Met', PARTLY_MET: 'Partly met', NOT_MET: 'Not met', NOT_APPLICABLE: 'Not applicable' },
      assessmentStatuses: { OPEN: 'Being answered', SUBMITTED: 'Submitted', RETURNED: 'Returned', ACCEPTED: 'Accepted' },
      trace: {
        title: 'Trace a leaked file', hint: 'Upload a data file suspected to have leaked: the platform reads its watermark and finds the shared export or open-data download it came from. Its rows may be re-sorted and some columns dropped.',
        drop: 'Drop the file here, or click to choose it', only: 'CSV, TSV, JSON, JSON Lines or Excel (.xlsx), at most 50 MB', send: 'Trace',
        found: 'Source found', consumer: 'Taken by', grant: 'Under', grantNo: 'Share grant no. {id}', openGrantNo: 'Open-data application no. {id}', data: 'Dataset', records: ' ({n} records)',
        exportedAt: 'Exported at', confidence: 'Confidence', evidence: 'Evidence', agreeing: '{agreeing} of the {compared} watermarked values in the file agree with this export'
      }
    }
  }
}

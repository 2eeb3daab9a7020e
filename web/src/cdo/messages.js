// The chief data officers' texts, merged into the console's messages.
import { i18n } from '../i18n'

const zh = {
  menu: { chiefDataOfficers: '首席数据官' },
  cdo: {
    title: '首席数据官', office: '任职单位', regionOffice: '本级政府', name: '姓名', appointedOn: '任职日期',
    endedOn: '离任日期', duties: '工作职责', contact: '联系方式', endReason: '离任原因', inOffice: '在任', ended: '已离任',
    history: '显示任职历史', appoint: '任命首席数据官', end: '离任', department: '单位', person: '人员',
    none: '尚未任命', line: '首席数据官：{name}（{date} 起任职）', regionLine: '本级首席数据官：{name}（{date} 起任职）',
    group: {
      title: '工作专班', appoint: '任命专班成员', role: '专班角色', serving: '在任',
      roles: {
        DATA_MANAGEMENT_SPECIALIST: '数据管理专员', SYSTEM_INTEGRATION_CONTACT: '系统集成联络人',
        SECURITY_SPECIALIST: '安全专员', QUALITY_SPECIALIST: '质量专员'
      }
    },
    documents: {
      title: '任命文件', add: '上传文件', added: '文件已上传',
      hint: '可选：PDF、JPG 或 PNG 格式的任命文件，不超过 10 MB。'
    },
    filings: {
      title: '报备事项', hint: '任免和名单变更须自生效之日起 5 个工作日内向数据主管部门报备；年度工作总结须于 12 月 15 日前报送。',
      allStatuses: '全部状态', documents: '报送内容与附件', kind: '事项', subject: '内容', effectiveOn: '生效日期', dueOn: '报送期限', overdue: '已逾期',
      report: '报送', acknowledge: '确认收到', reported: '已报送', acknowledged: '已确认收到',
      summaryHint: '年度工作总结：工作开展情况、存在问题、下一年度计划', noteHint: '说明（可选）',
      statuses: { OPEN: '待报送', REPORTED: '已报送', ACKNOWLEDGED: '已确认' },
      kinds: {
        OFFICER_APPOINTED: '首席数据官任命', OFFICER_ENDED: '首席数据官离任', MEMBER_APPOINTED: '工作专班成员任命',
        MEMBER_ENDED: '工作专班成员离任', ROSTER_CHANGED: '数据工作名单变更', YEARLY_SUMMARY: '首席数据官年度工作总结'
      }
    }
  },
  workbench: { kinds: { org_filing: '报备事项' } }
}

const en = {
  menu: { chiefDataOfficers: 'Chief data officers' },
  cdo: {
    title: 'Chief data officers', office: 'Office', regionOffice: 'Government (region)', name: 'Name',
    appointedOn: 'Appointed on', endedOn: 'Ended on', duties: 'Duties', contact: 'Contact', endReason: 'Reason',
    inOffice: 'In office', ended: 'Ended', history: 'Show history', appoint: 'Appoint chief data officer', end: 'End term',
    department: 'Department', person: 'Person', none: 'None appointed',
    line: 'Chief data officer: {name} (since {date})', regionLine: 'Region chief data officer: {name} (since {date})',
    group: {
      title: 'Working group', appoint: 'Appoint member', role: 'Role', serving: 'Serving',
      roles: {
        DATA_MANAGEMENT_SPECIALIST: 'Data management specialist', SYSTEM_INTEGRATION_CONTACT: 'System integration contact',
        SECURITY_SPECIALIST: 'Security specialist', QUALITY_SPECIALIST: 'Quality specialist'
      }
    },
    documents: {
      title: 'Documents', add: 'Upload', added: 'Document uploaded',
      hint: 'Optional: the document of appointment as PDF, JPG or PNG, at most 10 MB.'
    },
    filings: {
      title: 'Filings to the data authority',
      hint: 'Appointments, ends of term and roster changes are reported within 5 working days of taking effect; the yearly summary by 15 December.',
      allStatuses: 'All statuses', documents: 'Report and files', kind: 'Filing', subject: 'About', effectiveOn: 'Effective on', dueOn: 'Due', overdue: 'overdue',
      report: 'Report', acknowledge: 'Acknowledge', reported: 'Reported', acknowledged: 'Acknowledged',
      summaryHint: 'Yearly summary: work done, problems, plans for next year', noteHint: 'Note (optional)',
      statuses: { OPEN: 'Not reported', REPORTED: 'Reported', ACKNOWLEDGED: 'Acknowledged' },
      kinds: {
        OFFICER_APPOINTED: 'Chief data officer appointed', OFFICER_ENDED: 'Chief data officer left office',
        MEMBER_APPOINTED: 'Working group member appointed', MEMBER_ENDED: 'Working group member left',
        ROSTER_CHANGED: 'Data roster changed', YEARLY_SUMMARY: 'Chief data officer\'s yearly summary'
      }
    }
  },
  workbench: { kinds: { org_filing: 'Filing to the data authority' } }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

// The console's words for open-data demand requests (开放需求), merged into the console's messages, so that this
// room's pages keep their texts together.
import { i18n } from '../i18n'

const zhCN = {
  menu: { open: '开放', openDemands: '开放需求答复' },
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
  }
}

const en = {
  menu: { open: 'Open data', openDemands: 'Demand requests' },
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
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)

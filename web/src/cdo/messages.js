// The chief data officers' texts, merged into the console's messages.
import { i18n } from '../i18n'

const zh = {
  menu: { chiefDataOfficers: '首席数据官' },
  cdo: {
    title: '首席数据官', office: '任职单位', regionOffice: '本级政府', name: '姓名', appointedOn: '任职日期',
    endedOn: '离任日期', duties: '工作职责', contact: '联系方式', endReason: '离任原因', inOffice: '在任', ended: '已离任',
    history: '显示任职历史', appoint: '任命首席数据官', end: '离任', department: '单位', person: '人员',
    none: '尚未任命', line: '首席数据官：{name}（{date} 起任职）', regionLine: '本级首席数据官：{name}（{date} 起任职）'
  }
}

const en = {
  menu: { chiefDataOfficers: 'Chief data officers' },
  cdo: {
    title: 'Chief data officers', office: 'Office', regionOffice: 'Government (region)', name: 'Name',
    appointedOn: 'Appointed on', endedOn: 'Ended on', duties: 'Duties', contact: 'Contact', endReason: 'Reason',
    inOffice: 'In office', ended: 'Ended', history: 'Show history', appoint: 'Appoint chief data officer', end: 'End term',
    department: 'Department', person: 'Person', none: 'None appointed',
    line: 'Chief data officer: {name} (since {date})', regionLine: 'Region chief data officer: {name} (since {date})'
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

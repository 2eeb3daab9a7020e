// How the portal shows what the API returns: dates and numbers in the reader's language, the extras of a
// dataset by their meaning, codes (update cycle, open type) as words, and the citation text.
import { i18n, english } from './i18n'

const t = (key, values) => i18n.global.t(key, values)
const BEIJING = 'Asia/Shanghai'

/** YYYY-MM-DD in Beijing time; CKAN's timestamps without a zone are UTC. */
export function day(value) {
  if (!value) return ''
  const text = String(value)
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : text + 'Z')
  if (Number.isNaN(date.getTime())) return text
  const parts = new Intl.DateTimeFormat('en', { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date)
  const part = (type) => parts.find((p) => p.type === type).value
  return `${part('year')}-${part('month')}-${part('day')}`
}

export function today() {
  return day(new Date().toISOString())
}

export function number(value) {
  if (value === undefined || value === null || value === '') return '—'
  const n = Number(value)
  return Number.isFinite(n) ? n.toLocaleString(english() ? 'en' : 'zh-CN') : String(value)
}

/** The value of one of a dataset's extras, or '' (the platform's extras are listed in docs/open.md). */
export function extra(dataset, key) {
  const found = dataset?.extras?.find((e) => e.key === key)
  return found?.value ?? ''
}

/** OPEN or CONDITIONAL_OPEN. */
export function openType(dataset) {
  return extra(dataset, 'open_type_code')
}

export function conditional(dataset) {
  return openType(dataset) === 'CONDITIONAL_OPEN'
}

/** A code list value as words; an unknown code shows as it is rather than as nothing. */
function word(list, code) {
  if (!code) return ''
  const key = `code.${list}.${code}`
  const text = t(key)
  return text === key ? code : text
}

export const words = {
  /** How a dataset is open: in Chinese by the region's own name (e.g. 依申请开放 in Yantai), else in words. */
  openType: (dataset) => (!english() && extra(dataset, 'open_type')) || word('openType', openType(dataset)),
  updateCycle: (dataset) => word('updateCycle', extra(dataset, 'update_cycle_code')),
  /** A data type by its code (CHARACTER) or by its Chinese name (字符型), as the platform gives it. */
  dataType(value) {
    if (!value) return ''
    const chinese = i18n.global.getLocaleMessage('zh-CN').code.dataType
    const code = Object.keys(chinese).find((key) => chinese[key] === value) || value
    return word('dataType', code)
  },
  /** A facet's value: in Chinese as the platform names it; in English the known code lists in English. */
  facetValue(field, item) {
    if (english() && field === 'open_type') return word('openType', item.name)
    if (english() && field === 'update_cycle') return word('updateCycle', item.name)
    return item.display_name || item.name
  }
}

/** The department's name as the public reads it. */
export function department(dataset) {
  return dataset?.organization?.title || dataset?.organization?.name || ''
}

/** "来源：<部门>，<平台>，获取日期 YYYY-MM-DD" — what a data product must say about its source (OPN-6). */
export function citation(dataset, platform, date = today()) {
  return t('dataset.citationText', { department: department(dataset), platform, date })
}

/** The first resource that holds the dataset's table (the platform opens one table per dataset). */
export function tableResource(dataset) {
  const resources = dataset?.resources || []
  return resources.find((r) => r.datastore_active) || resources[0] || null
}

/** Items of a list joined as the reader's language joins them (、 in Chinese). */
export function joined(list) {
  return list.filter(Boolean).join(t('common.separator'))
}

/** "label：value" with the reader's language's colon. */
export function labelled(label, value) {
  return t('common.labelled', { label, value })
}

export function formats(dataset) {
  return [...new Set((dataset?.resources || []).map((r) => r.format).filter(Boolean))]
}

/**
 * The data items of a dataset as the platform describes them in package_show (`data_items`: also for datasets
 * open on conditions, whose records cannot be read), each with how its values are desensitised.
 */
export function dataItems(dataset) {
  return (dataset?.data_items || []).map((item) => ({
    id: item.name,
    label: item.chinese_name || item.name,
    type: item.type,
    standard: item.value_standard || '',
    released: item.released !== false,
    desensitisation: item.desensitisation || ''
  }))
}

/** The columns of a preview: datastore_search's fields (CKAN's data dictionary label in `info`), not `_id`. */
export function previewColumns(fields) {
  return (fields || []).filter((f) => f.id !== '_id').map((f) => ({ id: f.id, label: f.info?.label || f.id }))
}

// Code lists of the catalog (from /catalog/vocabulary) and the share/open type names of the policy in force,
// loaded once per session, with the names the console shows for every code in the current language.
import { computed, shallowRef } from 'vue'
import { i18n } from '../i18n'
import { catalog } from './api'

const vocabulary = shallowRef(null)
const policy = shallowRef(null)
let loading = null

export function loadVocabulary() {
  if (!loading) {
    loading = Promise.all([catalog.vocabulary(), catalog.policy()])
      .then(([v, p]) => {
        vocabulary.value = v
        policy.value = p
      })
      .catch((problem) => {
        loading = null
        throw problem
      })
  }
  return loading
}

const t = (key) => i18n.global.t(key)
const english = () => i18n.global.locale.value === 'en'
const text = (value) => (value ? (english() ? value.en : value.zh) : '')

export const CATEGORIES = ['BASE', 'THEMATIC', 'DEPARTMENT']
export const STATES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'SUPERSEDED']
export const SHARE_TYPES = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED']
export const OPEN_TYPES = ['OPEN', 'CONDITIONAL_OPEN', 'NOT_OPEN']

export const names = {
  category: (c) => (c ? t('catalog.category.' + c) : ''),
  subject(category, item) {
    const v = vocabulary.value
    const list = category === 'BASE' ? v?.baseSubjects : category === 'THEMATIC' ? v?.thematicSubjects : null
    return list?.[item] ? text(list[item]) : ''
  },
  /** A subject code as used by the leads and the search facets, e.g. "101" → 人口. */
  subjectCode(code) {
    if (!code || code.length < 3) return code || ''
    const category = { 1: 'BASE', 2: 'THEMATIC', 3: 'DEPARTMENT' }[code[0]]
    // department resources have no named subjects: the category and the item's number
    if (category === 'DEPARTMENT') return `${names.category(category)} ${code.slice(1, 3)}`
    return names.subject(category, code.slice(1, 3)) || code
  },
  classification(c) {
    if (!c) return ''
    const code = classificationCode(c)
    const subject = names.subject(c.category, c.item)
    return `${code} ${names.category(c.category)}${subject ? ' / ' + subject : ''}`
  },
  format(f) {
    if (!f) return ''
    const zh = vocabulary.value?.formats?.[f]?.zh
    return !english() && zh ? zh : t('catalog.format.' + f)
  },
  dataType(d) {
    if (!d) return ''
    const type = vocabulary.value?.dataTypes?.[d]
    const name = !english() && type?.zh ? type.zh : t('catalog.dataType.' + d)
    return type?.letter ? `${type.letter} ${name}` : name
  },
  shareType: (s) => (s ? text(policy.value?.shareTypes?.[s]) || t('catalog.shareType.' + s) : ''),
  openType(o) {
    if (!o) return ''
    return text(policy.value?.openData?.types?.[o]) || t('catalog.openType.' + o)
  },
  shareMethod: (m) => (m ? t('catalog.shareMethod.' + m) : ''),
  updateCycle: (u) => (u ? t('catalog.updateCycle.' + u) : ''),
  sensitivity: (s) => (s ? t('catalog.sensitivity.' + s) : ''),
  grade: (g) => (g ? t('catalog.grade.' + g) : ''),
  basisKind: (k) => (k ? t('catalog.basisKind.' + k) : ''),
  trigger: (k) => (k ? t('catalog.trigger.' + k) : ''),
  state: (s) => (s ? t('catalog.state.' + s) : '')
}

export function classificationCode(c) {
  if (!c) return ''
  const digit = { BASE: '1', THEMATIC: '2', DEPARTMENT: '3' }[c.category] || ''
  return digit + (c.item || '') + (c.target || '') + (c.target && c.detail ? c.detail : '')
}

/** Reactive views of the code lists, for selects. */
export function useVocabulary() {
  return {
    vocabulary,
    policy,
    formats: computed(() => Object.keys(vocabulary.value?.formats || {})),
    subFormats: (format) => vocabulary.value?.formats?.[format]?.subFormats || [],
    dataTypes: computed(() => Object.keys(vocabulary.value?.dataTypes || {})),
    sensitivities: computed(() => vocabulary.value?.sensitivities || []),
    grades: ['GENERAL', 'IMPORTANT', 'CORE'],
    shareMethods: computed(() => vocabulary.value?.shareMethods || []),
    updateCycles: computed(() => vocabulary.value?.updateCycles || []),
    basisKinds: computed(() => vocabulary.value?.legalBasisKinds || []),
    triggers: computed(() => vocabulary.value?.obligationTriggers || []),
    shareTypes: computed(() => SHARE_TYPES.filter((s) => !policy.value || policy.value.shareTypes?.[s])),
    /** Open types of the region; a region that does not open data keeps everything "not open". */
    openTypes: computed(() => {
      const types = policy.value?.openData?.types
      if (policy.value && !types) return ['NOT_OPEN']
      return OPEN_TYPES.filter((o) => !types || types[o] || o === 'NOT_OPEN')
    }),
    subjects(category) {
      const list = category === 'BASE' ? vocabulary.value?.baseSubjects : vocabulary.value?.thematicSubjects
      return Object.keys(list || {})
    },
    names
  }
}

/** Tag colour of an open type: only what is opened is green; 不予开放 is a danger tag, never a success. */
/** Tag colour of a grade (SEC-4): the higher, the more alarming. */
export function gradeTag(grade) {
  return { GENERAL: 'info', IMPORTANT: 'warning', CORE: 'danger' }[grade] || 'info'
}

export function openTypeTag(openType) {
  return { OPEN: 'success', CONDITIONAL_OPEN: 'warning', NOT_OPEN: 'danger' }[openType] || 'info'
}

/** Tag colour of a version state. */
export function stateType(state) {
  return { DRAFT: 'info', SUBMITTED: 'warning', RETURNED: 'danger', PUBLISHED: 'success', SUPERSEDED: 'info' }[state] || 'info'
}

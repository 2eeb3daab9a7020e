// An entry's content (EntryContent) as the editor's form holds it, and back as the API takes it.

export function blankItem() {
  return { name: '', chineseName: '', type: 'CHARACTER', length: null, required: false, recordKey: false, valueStandard: '', sensitivity: 'NONE', grade: 'GENERAL' }
}

const blankBasis = () => ({ kind: null, title: '', article: '' })

export function blankContent() {
  return {
    name: '', classification: { category: 'DEPARTMENT', item: '', target: '', detail: '' }, summary: '',
    format: null, subFormat: null, releaseDate: null, relatedCodes: [], classified: false, dataItems: [],
    shareType: null, shareCondition: '', shareMethod: null, applicantMaterials: [], shareBasis: blankBasis(),
    openType: null, openCondition: '', openBasis: blankBasis(), updateCycle: null, grade: null
  }
}

/** The API's content → an editable copy with every field present. */
export function toForm(content) {
  const form = blankContent()
  if (!content) return form
  Object.assign(form, JSON.parse(JSON.stringify(content)))
  form.classification = { category: null, item: '', target: '', detail: '', ...(content.classification || {}) }
  form.classification.target ||= ''
  form.classification.detail ||= ''
  form.shareBasis = { ...blankBasis(), ...(content.shareBasis || {}) }
  form.openBasis = { ...blankBasis(), ...(content.openBasis || {}) }
  form.relatedCodes = [...(content.relatedCodes || [])]
  form.applicantMaterials = [...(content.applicantMaterials || [])]
  form.dataItems = (content.dataItems || []).map((i) => ({ ...blankItem(), ...i, valueStandard: i.valueStandard || '' }))
  ;['summary', 'shareCondition', 'openCondition'].forEach((k) => (form[k] ||= ''))
  return form
}

const blankToNull = (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v ?? null)

function basis(b) {
  if (!b || (!b.kind && !blankToNull(b.title) && !blankToNull(b.article))) return null
  return { kind: b.kind || null, title: blankToNull(b.title), article: blankToNull(b.article) }
}

/** The form → EntryContent. Fields hidden by the chosen share and open types are not sent. */
export function toPayload(form) {
  const c = form.classification || {}
  const share = form.shareType
  const open = form.openType
  return {
    name: blankToNull(form.name),
    classification: c.category ? {
      category: c.category, item: blankToNull(c.item), target: blankToNull(c.target),
      detail: blankToNull(c.target) ? blankToNull(c.detail) : null
    } : null,
    summary: blankToNull(form.summary),
    format: form.format || null,
    subFormat: form.format === 'OTHER' ? blankToNull(form.subFormat) : form.subFormat || null,
    releaseDate: form.releaseDate || null,
    relatedCodes: (form.relatedCodes || []).map((s) => s.trim()).filter(Boolean),
    classified: !!form.classified,
    dataItems: form.dataItems.map((i) => ({
      name: blankToNull(i.name), chineseName: blankToNull(i.chineseName), type: i.type || null,
      length: i.length === '' || i.length == null ? null : Number(i.length), required: !!i.required,
      recordKey: !!i.recordKey, valueStandard: blankToNull(i.valueStandard), sensitivity: i.sensitivity || 'NONE',
      grade: i.grade || 'GENERAL'
    })),
    shareType: share || null,
    shareCondition: share === 'CONDITIONAL' ? blankToNull(form.shareCondition) : null,
    shareMethod: share && share !== 'NOT_SHARED' ? form.shareMethod || null : null,
    applicantMaterials: share === 'CONDITIONAL' ? (form.applicantMaterials || []).map((s) => s.trim()).filter(Boolean) : [],
    shareBasis: share && share !== 'UNCONDITIONAL' ? basis(form.shareBasis) : null,
    openType: open || null,
    openCondition: open === 'CONDITIONAL_OPEN' ? blankToNull(form.openCondition) : null,
    openBasis: open === 'NOT_OPEN' ? basis(form.openBasis) : null,
    updateCycle: form.updateCycle || null,
    grade: form.grade || null
  }
}

/** Checks the browser can make before asking the platform: the classification's digits. */
export function classificationProblems(c, t) {
  const problems = {}
  if (!c?.category) problems.classification = t('catalog.editor.classificationRequired')
  else if (!/^\d{2}$/.test(c.item || '')) problems.classification = t('catalog.editor.itemDigits')
  else if (c.target && !/^\d{3}$/.test(c.target)) problems.classification = t('catalog.editor.targetDigits')
  else if (c.detail && (!c.target || !/^\d{3}$/.test(c.detail))) problems.classification = t('catalog.editor.detailDigits')
  return problems
}

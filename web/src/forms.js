import { nextTick } from 'vue'

/**
 * After a refused save: brings the first field in error into view and puts the cursor in it, so that a problem at
 * the bottom of a long form is not missed. Fields show their problems beside them (el-form-item's error).
 */
export async function showFirstError(root = document) {
  await nextTick()
  const field = root.querySelector('.el-form-item.is-error')
  if (!field) return
  field.scrollIntoView({ block: 'center', behavior: 'smooth' })
  field.querySelector('input, textarea')?.focus({ preventScroll: true })
}

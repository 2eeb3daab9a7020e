// The pattern every open-data console page shares: a list loaded with its filters, one item opened in a drawer, and
// the decisions taken on it — each shows its outcome, refreshes the list and keeps the drawer on the decided item;
// a refusal of the server is shown in the drawer, not as a toast that disappears.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'

/**
 * @param list () => Promise<rows>, reading the page's own filters
 * @param get (id) => Promise<item>; none for a page without a drawer
 * @param reset () => void, clears the drawer's forms before an item is opened
 * @param opened (item) => Promise|void, after an item was opened (e.g. to load choices it needs)
 */
export function useDecisionList({ list, get, reset, opened }) {
  const rows = ref([])
  const loading = ref(false)
  const error = ref(null)
  const showing = ref(false)
  const current = ref(null)
  const actionError = ref(null)

  async function load() {
    loading.value = true
    error.value = null
    try {
      rows.value = await list()
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  async function open(id) {
    actionError.value = null
    reset?.()
    try {
      current.value = await get(id)
      showing.value = true
      await opened?.(current.value)
    } catch (e) {
      error.value = e
    }
  }

  /** Takes a decision (action answers the item as it now is) and says `done` when it went through. */
  async function act(action, done) {
    actionError.value = null
    try {
      const changed = await action()
      if (changed && typeof changed === 'object') current.value = changed
      ElMessage.success(done)
      await load()
      return true
    } catch (e) {
      actionError.value = e
      return false
    }
  }

  return { rows, loading, error, showing, current, actionError, load, open, act }
}

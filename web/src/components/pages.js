// Shows a long list a page at a time: the table renders only the page's rows. A region's lists can run to thousands
// of rows, and a table of them all keeps the browser busy for seconds.
import { computed, ref, watch } from 'vue'

export function usePages(rows, size = 50) {
  const page = ref(1)
  const total = computed(() => rows.value?.length || 0)
  // a shorter list (another filter, a row decided) starts again at a page that exists
  watch(total, (n) => { if ((page.value - 1) * size >= n) page.value = 1 })
  const shown = computed(() => (rows.value || []).slice((page.value - 1) * size, page.value * size))
  /** Turns to the page holding the first row that matches, e.g. the one just saved, so that it is in view. */
  function showRow(matches) {
    const index = (rows.value || []).findIndex(matches)
    if (index >= 0) page.value = Math.floor(index / size) + 1
  }
  return { page, pageSize: size, total, shown, showRow }
}

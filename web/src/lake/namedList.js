// A lake list that names what its rows refer to by id (deletion requests, discrepancies, repeated
// collections): the list, the caller's datasets and the region's departments are loaded together. The
// department names are an extra: when they cannot be read, the list is shown with ids.
import { ref } from 'vue'
import { session } from '../api'
import { lake } from './api'

/** fetchList: () => Promise of the rows; called again by each load(). */
export function useNamedList(fetchList) {
  const rows = ref([])
  const datasetNames = ref({})
  const departmentNames = ref({})
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const [list, datasets, departments] = await Promise.all([
        fetchList(),
        lake.datasets(),
        lake.departmentNames(session.me.regionId).catch(() => ({}))
      ])
      rows.value = list
      datasetNames.value = Object.fromEntries(datasets.map((d) => [d.id, d.name]))
      departmentNames.value = departments
    } catch (problem) {
      error.value = problem.message
    } finally {
      loading.value = false
    }
  }

  return { rows, datasetNames, departmentNames, loading, error, load }
}

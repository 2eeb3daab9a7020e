// Who may do what in the lake, as the console shows it (the platform checks every request itself).
import { hasRole, isAuthority, session } from '../api'

/**
 * The authority's officer: a user of the region's data authority holding CATALOG_REVIEWER or SYSTEM_ADMIN,
 * who designates sources, scans and decides discrepancies, repeated collections, deletions, cycle
 * exceptions and purchase filings.
 */
export const isOfficer = () => isAuthority('CATALOG_REVIEWER', 'SYSTEM_ADMIN')

export const ownsDataset = (dataset) => !!dataset && dataset.departmentId === session.me?.departmentId

/** The dataset's department's data provider: uploads, files cycle exceptions and deletion requests, keeps rules. */
export const isProviderOf = (dataset) => ownsDataset(dataset) && hasRole('DATA_PROVIDER')

/** The department head (its DEPARTMENT_ADMIN) approves or rejects the department's deletion requests. */
export const isHeadOf = (dataset) => ownsDataset(dataset) && hasRole('DEPARTMENT_ADMIN')

/**
 * Who releases or discards a batch held for a secrecy marking: the dataset's department administrator (its
 * security officer) or the authority's security administrator.
 */
export const decidesHeldBatch = (dataset) => isHeadOf(dataset) || isAuthority('SECURITY_ADMIN')

/** A department's data provider or administrator: settles its discrepancies, files purchases. */
export const speaksForDepartment = () => !!session.me && !session.me.authority && hasRole('DATA_PROVIDER', 'DEPARTMENT_ADMIN')

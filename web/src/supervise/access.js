// Who may do what in supervision, as the console shows it (the platform checks every request itself).
import { hasRole, isAuthority, session } from '../api'

/** The authority's officer: detects, issues orders, re-checks, escalates, sees every department, downloads the report. */
export const isSupervisor = () => isAuthority('CATALOG_REVIEWER', 'SYSTEM_ADMIN')

/** Sees every department of the region: the officers and the assessors. */
export const readsRegion = () => isSupervisor() || hasRole('ASSESSOR')

/** A department's people who answer its correction orders. */
export const answersOrders = (violation) => !!session.me && violation?.departmentId === session.me.departmentId
  && hasRole('DEPARTMENT_ADMIN', 'CATALOG_EDITOR', 'DATA_PROVIDER', 'SHARE_APPROVER')

/** A third-party assessor: reads the region's supervision data during the period granted, changes nothing. */
export const isAssessor = () => hasRole('ASSESSOR')

/** A department's people who write its self-report. */
export const writesSelfReport = (report) => !!session.me && report?.departmentId === session.me.departmentId
  && hasRole('DEPARTMENT_ADMIN', 'CATALOG_EDITOR', 'DATA_PROVIDER', 'SHARE_APPROVER')

/** A department's administrators and catalog editors register its information projects and run their checks. */
export const keepsProjects = () => hasRole('DEPARTMENT_ADMIN', 'CATALOG_EDITOR')

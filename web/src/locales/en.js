export default {
  app: { title: 'Government Data Resource Platform', subtitle: 'Console for the data authority and departments', language: '中文', logout: 'Log out' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'New', edit: 'Edit', confirm: 'OK', search: 'Search', reset: 'Reset',
    actions: 'Actions', loading: 'Loading…', empty: 'Nothing here yet', yes: 'Yes', no: 'No', saved: 'Saved', details: 'Details',
    all: 'All', copy: 'Copy', copied: 'Copied', close: 'Close', refresh: 'Refresh', reason: 'Reason for the change'
  },
  menu: {
    home: 'Home', regions: 'Regions', departments: 'Departments', users: 'Users and roles', systems: 'Connected systems',
    policy: 'Policy profile', calendar: 'Working-day calendar', audit: 'Audit log', account: 'My account',
    catalog: 'Catalog', catalogMine: 'My catalog', catalogReview: 'Review queue', catalogDuplicates: 'Duplicates',
    catalogObligations: 'Update obligations', catalogLeads: 'Lead departments', catalogSearch: 'Catalog search', catalogLists: 'Open and share lists',
    lake: 'Data lake', lakeDatasets: 'My datasets', lakeOverview: 'Data lake overview', lakeSources: 'Authoritative sources',
    lakeRepeated: 'Repeated collections', lakeDiscrepancies: 'Discrepancies', lakeDeletions: 'Deletion approvals', lakePurchases: 'Purchase filings',
    share: 'Sharing', shareCatalog: 'Share catalog', shareApplications: 'My applications', shareGrants: 'My grants',
    shareInbox: 'Approval inbox', shareGrantsGiven: 'Grants given', shareOverdue: 'Overdue applications',
    shareCoordinations: 'Coordination requests', shareGrantsRegion: 'Grants of the region', shareUsage: 'Usage records',
    shareSubscriptions: 'Subscriptions',
    shareObjections: 'Objections', shareObjectionsOverdue: 'Overdue objections'
  },
  login: {
    title: 'Log in', username: 'User name', password: 'Password', totp: 'One-time code', totpHint: 'Enter the 6-digit code from your authenticator app',
    submit: 'Log in', required: 'Enter your user name and password'
  },
  password: {
    title: 'Change password', mustChange: 'First login or expired password: change your password first.', current: 'Current password', next: 'New password',
    repeat: 'Repeat new password', mismatch: 'The new passwords differ', changed: 'Password changed',
    rules: 'At least 10 characters mixing 3 of: upper case, lower case, digits, symbols; not containing the login.'
  },
  totp: {
    title: 'Two-factor authentication (TOTP)', enabled: 'On', disabled: 'Off', setup: 'Set up an authenticator',
    secret: 'Secret', uri: 'Setup link', code: 'Code', confirm: 'Turn on', done: 'Two-factor authentication is on; the next login asks for a code.',
    help: 'Add an account in your authenticator app (scan or type the secret), then enter the 6-digit code it shows.'
  },
  home: {
    welcome: 'Welcome, {name}', department: 'Department', roles: 'Roles', policy: 'Policy profile in force', regulation: 'Regulation',
    shareReply: 'Reply to a conditional share application', catalogUpdate: 'Catalog update after a trigger', approver: 'Share applications approved by',
    workingDays: '{n} working days', inTime: 'in time (no fixed period)', authority: 'Data authority'
  },
  roles: {
    CATALOG_EDITOR: 'Catalog editor', DATA_PROVIDER: 'Data provider', SHARE_APPROVER: 'Share approver', DATA_USER: 'Data user',
    DEPARTMENT_ADMIN: 'Department administrator', SYSTEM_ADMIN: 'System administrator', SECURITY_ADMIN: 'Security administrator', AUDIT_ADMIN: 'Audit administrator',
    CATALOG_REVIEWER: 'Catalog reviewer', MONITORING: 'Monitoring'
  },
  approver: { PROVIDER: 'the providing department', AUTHORITY: 'the data authority', PROVIDER_THEN_AUTHORITY: 'provider, then authority' },
  regions: {
    title: 'Regions', create: 'New region', divisionCode: 'Division code', name: 'Name', level: 'Level', parent: 'Parent region',
    authority: 'Data authority', province: 'Province', city: 'City', county: 'County / district', pick: 'Choose a division',
    levels: { PROVINCE: 'Province', CITY: 'City', COUNTY: 'County' }
  },
  departments: {
    title: 'Departments', create: 'New department', name: 'Name', creditCode: 'Unified social credit code', type: 'Type',
    parent: 'Parent department', region: 'Region', authority: 'Data authority', authorityFlag: 'Is the data authority of its region',
    types: { ADMINISTRATIVE_ORGAN: 'Administrative organ', AUTHORISED_INSTITUTION: 'Authorised institution', PUBLIC_SERVICE_ENTERPRISE: 'Public-service enterprise' },
    roster: 'Data-management roster', rosterHistory: 'Roster history', leader: 'Leader in charge', manager: 'Daily manager', contacts: 'Contacts',
    personName: 'Name', personTitle: 'Title', phone: 'Phone', email: 'E-mail', addContact: 'Add contact', version: 'Version',
    changedAt: 'Changed at', changedBy: 'Changed by', noRoster: 'No roster filed yet', editRoster: 'File / change roster', remove: 'Remove'
  },
  users: {
    title: 'Users and roles', create: 'New user', username: 'Login', usernameHint: '2–64 letters, digits or . _ -', displayName: 'Name', department: 'Department',
    roles: 'Roles', enabled: 'Enabled', locked: 'Locked', totp: '2FA', initialPassword: 'Initial password',
    unlock: 'Unlock', resetPassword: 'Reset password', newPassword: 'New password', unlocked: 'Unlocked', reset: 'Password reset; the user must change it at next login',
    separation: 'System, security and audit administrator may not be combined, and are only for users of the data authority.'
  },
  systems: {
    title: 'Connected systems', create: 'Register a system', name: 'System name', description: 'Description', department: 'Department',
    clientId: 'Client id', status: 'Status', evaluation: 'Security evaluation (MLPS)', level: 'MLPS level', agency: 'Evaluation agency',
    reportNumber: 'Report number', evaluatedOn: 'Evaluated on', validUntil: 'Valid until', secretTitle: 'Client secret (shown once)',
    secretHint: 'Copy it now and keep it safe; it cannot be shown again. The system obtains tokens at /oauth2/token with the client-credentials grant.',
    rotate: 'Rotate secret', revoke: 'Revoke', revokeConfirm: 'The system loses access at once. Revoke?',
    statuses: { ACTIVE: 'Active', REVOKED: 'Revoked' }, levelN: 'Level {n}'
  },
  policy: {
    title: 'Policy profile', region: 'Region', regulation: 'Regulation', catalogUpdate: 'Catalog updates',
    catalogDays: 'Update after a trigger within', reportDays: 'Report to the authority within', share: 'Sharing', approver: 'Conditional applications decided by',
    replyDays: 'Reply within', shareTypes: 'Share type names', open: 'Open data', openTypes: 'Open types', openReply: 'Reply to open-data applications within',
    applicants: 'Who may apply', objection: 'Objections and re-verification', route: 'Handled by', objectionDays: 'Within', extension: 'Extension',
    demand: 'Open-data demand requests', demandReply: 'Reply within', demandReview: 'Objection reviewed within', days: '{n} days', basis: 'Articles',
    notApplicable: 'Not provided for by this region\'s text', applicantKinds: { ANYONE: 'Anyone', DOMESTIC_ENTERPRISES_UNIVERSITIES_RESEARCH: 'Domestic-controlled enterprises, universities and research institutes' },
    routes: { PROVIDER: 'The providing department', AUTHORITY: 'The data authority' }
  },
  calendar: {
    title: 'Working-day calendar', calculator: 'Deadline calculator', from: 'Day of the event (not counted)', workingDays: 'Working days',
    compute: 'Compute', due: 'Due on', skipped: 'Days not counted', weekend: 'Weekend', holiday: 'Public holiday',
    makeup: 'Make-up working day', year: 'Year', yearView: 'Year arrangement', known: 'Announced', unknown: 'Not announced',
    entered: 'Entered by the authority', shipped: 'Shipped with the platform', workingCount: '{n} working days in the year',
    edit: 'Enter / correct the year', source: 'Source (notice number)', date: 'Date', offDay: 'Day off', name: 'Name', addDay: 'Add a date',
    editHint: 'Saving replaces the shipped arrangement of this year. Mark holidays as day off and make-up weekend days as working.',
    kinds: { WORKDAY: 'Working day', WEEKEND: 'Weekend', HOLIDAY: 'Holiday', MAKEUP_WORKDAY: 'Make-up working day' },
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], month: 'Month {m}'
  },
  workbench: {
    title: 'Due from you', count: '{n} due', overdueCount: '{n} overdue', empty: 'Nothing is due', kind: 'Work', item: 'What',
    dueOn: 'Due on', left: 'Working days left', handle: 'Open', noDeadline: 'No deadline', daysLeft: '{n} working days left',
    overdue: 'Overdue by {n} working days',
    kinds: {
      catalog_review: 'Entry to review', share_decide: 'Application to decide', share_objection: 'Objection to check',
      catalog_obligation: 'Catalog update due', lake_delivery: 'Data delivery due', lake_regionDelivery: 'Delivery in the region', share_renew: 'Grant ending soon'
    }
  },
  confirm: {
    publish: 'Once published, “{name}” is in the region’s catalog and every department may apply for it; publishing cannot be undone, only retired. Publish?',
    submitApplication: 'Once submitted, the application goes to {provider} for approval and cannot be changed (it can be withdrawn). Submit?'
  },
  applyForShare: { apply: 'Apply to share', request: 'Get the data', held: 'Granted ({period})' },
  audit: {
    actionHint: 'Choose, or type a word',
    title: 'Audit log', from: 'From', to: 'To', actor: 'Actor', department: 'Department id', action: 'Action',
    objectType: 'Object type', objectId: 'Object id', outcome: 'Outcome', time: 'Time', client: 'Client address', detail: 'What happened', recorded: 'As recorded',
    export: 'Export CSV', verify: 'Verify integrity', intact: 'The audit log is intact', broken: 'Tampering found: the chain breaks at entry {id}',
    brokenOther: 'Problem found: {reason}', entries: '{n} entries and {c} signed checkpoints checked', publicKey: 'Checkpoint signing key (SM2)',
    outcomes: { SUCCESS: 'Success', FAILURE: 'Failure' }, hash: 'Hash (SM3)'
  },
  catalog: {
    notAvailable: 'This function is not available yet; please try again later.',
    category: { BASE: 'Base resources', THEMATIC: 'Thematic resources', DEPARTMENT: 'Department resources' },
    classification: { item: 'Subject (2)', target: 'Heading (3)', detail: 'Sub-heading (3)' },
    state: { DRAFT: 'Draft', SUBMITTED: 'Submitted', RETURNED: 'Returned', PUBLISHED: 'Published', SUPERSEDED: 'Superseded', RETIRED: 'Retired' },
    format: {
      ELECTRONIC_FILE: 'Electronic file', SPREADSHEET: 'Spreadsheet', DATABASE: 'Database', IMAGE: 'Image', STREAMING_MEDIA: 'Streaming media',
      SELF_DESCRIBING: 'Self-describing', SERVICE_INTERFACE: 'Service interface', OTHER: 'Other'
    },
    dataType: {
      CHARACTER: 'Character', NUMERIC: 'Numeric', CURRENCY: 'Currency', DATE: 'Date', DATETIME: 'Date-time', LOGICAL: 'Logical',
      MEMO: 'Memo', GENERAL: 'General', DOUBLE: 'Double', INTEGER: 'Integer', FLOAT: 'Float'
    },
    shareType: { UNCONDITIONAL: 'Unconditional sharing', CONDITIONAL: 'Conditional sharing', NOT_SHARED: 'Not shared' },
    openType: { OPEN: 'Open', CONDITIONAL_OPEN: 'Conditionally open', NOT_OPEN: 'Not open' },
    shareMethod: {
      PLATFORM_TABLE: 'Platform (database table)', PLATFORM_INTERFACE: 'Platform (interface)', PLATFORM_FILE: 'Platform (file)',
      MAIL: 'By mail', MEDIUM: 'On a medium (disc, removable storage)'
    },
    updateCycle: {
      REALTIME: 'Real time', DAILY: 'Daily', WEEKLY: 'Weekly', MONTHLY: 'Monthly', QUARTERLY: 'Quarterly', HALF_YEARLY: 'Half-yearly', YEARLY: 'Yearly', OTHER: 'Other'
    },
    sensitivity: { NONE: 'None', PERSONAL_INFORMATION: 'Personal information', COMMERCIAL_SECRET: 'Commercial secret', SENSITIVE_PERSONAL_INFORMATION: 'Sensitive personal information' },
    grade: { GENERAL: 'General data', IMPORTANT: 'Important data', CORE: 'Core data' },
    basisKind: { LAW: 'Law', REGULATION: 'Administrative or local regulation', RULE: 'Rule', CENTRAL_POLICY: 'Central policy document' },
    trigger: { LAW_CHANGED: 'Laws changed', DUTIES_CHANGED: 'Duties changed', SYSTEM_UPDATED: 'Information system updated', OTHER: 'Other' },
    basis: { kind: 'Kind of norm', title: 'Title', article: 'Article' },
    field: {
      resourceCode: 'Resource code', name: 'Resource name', classification: 'Classification', category: 'Category', summary: 'Summary',
      format: 'Format', subFormat: 'Sub-format', releaseDate: 'Release date', relatedCodes: 'Related codes', classified: 'Secrecy',
      dataItems: 'Data items', shareType: 'Share type', shareCondition: 'Share condition', shareMethod: 'Share method',
      applicantMaterials: 'Applicant materials', shareBasis: 'Legal basis for restricted sharing', openType: 'Open type',
      openCondition: 'Open condition', openBasis: 'Legal basis for not opening', updateCycle: 'Update cycle',
      parentCode: 'Parent entry code', changeNote: 'Change note', department: 'Department', content: 'Entry content',
      comment: 'Review comment', reason: 'Reason', revision: 'Revision', trigger: 'Trigger', triggerDate: 'Trigger date',
      description: 'Description', entryId: 'Catalog entry', departmentId: 'Department', grade: 'Grade'
    },
    item: {
      name: 'Identifier', chineseName: 'Name', type: 'Data type', length: 'Length', required: 'Required', recordKey: 'Key',
      valueStandard: 'Value standard', standardHint: 'e.g. GB 11643', sensitivity: 'Sensitivity', grade: 'Grade', add: 'Add data item', remove: 'Remove', none: 'No data items yet; add some'
    },
    rules: { title: 'The entry breaks some rules; please correct:', count: 'The entry breaks {n} rule(s); please correct:', itemLocation: 'Data item row {row} · {field}' },
    workbench: {
      title: 'My catalog', new: 'New entry', import: 'Import Excel', template: 'Download template', export: 'Export my department',
      exportSelected: 'Export selected ({n})', obligations: 'Catalog updates due', allObligations: 'All obligations',
      filter: 'Filter by code or name', empty: 'Your department has no catalog entries yet', state: 'State', changed: 'Last handled',
      view: 'View', inForce: 'In force v{v}'
    },
    editor: {
      title: 'Edit catalog entry', newTitle: 'New catalog entry', back: 'Back', submit: 'Submit for review', withdraw: 'Withdraw',
      retire: 'Retire', basic: 'Basic information', sharing: 'Sharing', opening: 'Opening', dataItems: 'Data items',
      pickClassification: 'Category and subject', departmentHint: 'Department resources: subject, heading and sub-heading are coded by the department (2, 3 and 3 digits).',
      leadHint: 'Base and thematic resources are catalogued only by the lead department the authority designated.',
      classificationRequired: 'Choose a classification', itemDigits: 'The subject is 2 digits', targetDigits: 'The heading is 3 digits',
      detailDigits: 'The sub-heading is 3 digits and needs a heading', nameRequired: 'Enter the resource name',
      parentHint: 'The code of the higher-level entry this one implements', tagHint: 'Type and press Enter',
      materialsHint: 'Type each material and press Enter', classifiedYes: 'Classified', classifiedNo: 'Not classified',
      classifiedHint: 'Classified data is never catalogued or processed on the platform.',
      gradeHint: 'Graded after GB/T 43697-2024: general data is used as its share and open types say; important data is never shared or opened unconditionally, and is exchanged or pushed only under an approved grant; core data is never shared unconditionally, never opened, and never exchanged, pushed or downloaded in bulk. Without a choice, the highest grade of its data items. Important and core items and sensitive personal information are masked whole by default.',
      classifiedRefused: 'The platform refuses classified data: do not catalogue it here.',
      basisHint: 'Conditional or no sharing needs a law, regulation, rule or central policy document as its basis.',
      baseShare: 'Under this region\'s rules ({basis}) base resources are shared unconditionally.',
      noOpenData: 'This region\'s rules do not open data; every entry is "not open".',
      changeNoteHint: 'What changed and why (optional)', returned: 'Returned by the reviewer; correct and submit again',
      submitted: 'Submitted for review; withdraw it to make changes.',
      newVersion: 'This entry is published. Saving a change starts version v{v}, which replaces the one in force once reviewed and published.',
      notMine: 'You are not a catalog editor of this entry\'s department; read only.', retired: 'This entry is retired: {reason}',
      conflictTitle: 'Save conflict', reload: 'Reload', keepEditing: 'Keep editing', submittedOk: 'Submitted for review',
      withdrawn: 'Withdrawn; you can edit again',
      retireHint: 'A retired entry leaves the published catalog, keeps all its versions, and its code is never reused. Reason:',
      reasonRequired: 'Enter a reason', retiredOk: 'Entry retired', unsaved: 'You have unsaved changes. Leave anyway?'
    },
    versions: {
      title: 'Versions and comparison', short: 'Versions', created: 'Created', submitted: 'Submitted', reviewed: 'Reviewed',
      compare: 'Compare versions', show: 'Compare', onlyOne: 'There is only one version, nothing to compare yet.',
      pick: 'Pick two versions to compare.'
    },
    diff: {
      same: 'The two versions are the same', fields: 'Changed fields', items: 'Changed data items', noFields: 'No field changed',
      noItems: 'No data item changed', field: 'Field', before: 'Before (v{v})', after: 'After (v{v})', kind: 'Change', changes: 'Details',
      kinds: { ADDED: 'Added', REMOVED: 'Removed', CHANGED: 'Changed' }
    },
    review: {
      title: 'Review queue', empty: 'Nothing awaits review', kind: 'Kind', first: 'First publication', change: 'Change v{from}→v{to}',
      open: 'Review', entryTitle: 'Review catalog entry', return: 'Return for changes', publish: 'Approve and publish',
      comment: 'Review comment', commentHint: 'What must change; the editor sees this comment',
      consent: 'I agree to publish it as a local entry', localTitle: 'Local entry',
      diffTab: 'Against the version in force (v{from}→v{to})', contentTab: 'Submitted content (v{v})',
      notPending: 'This entry is "{state}"; there is nothing to review.', published: 'Entry published', returned: 'Entry returned for changes'
    },
    duplicates: {
      title: 'Duplicate entries', hint: 'On submission, entries of other departments with alike names or overlapping data items are flagged; designate the collecting department or dismiss the flag.',
      empty: 'No suspected duplicates', entry: 'Submitted entry', other: 'Suspected duplicate', nameSimilarity: 'Name similarity',
      itemOverlap: 'Item overlap', detected: 'Detected', decision: 'Decision', designate: 'Designate collector', dismiss: 'Dismiss',
      designateHint: 'The same data is collected by one department only. Choose the collecting department:', note: 'Note (optional)', masked: 'Personal: values masked',
      dismissHint: 'The two entries describe different data? Optional note:', collector: 'Collecting department',
      statuses: { OPEN: 'Open', RESOLVED: 'Designated', DISMISSED: 'Dismissed' }
    },
    obligations: {
      title: 'Catalog update obligations', region: 'All departments of the region', openOnly: 'Open only', record: 'Record a trigger',
      trigger: 'Trigger', triggerDate: 'Trigger date', description: 'Description', entry: 'Entry concerned', wholeCatalog: 'Whole department catalog',
      due: 'Due', dueOn: 'due {date}', reportDue: 'Report due', status: 'Status', recorded: 'Recorded', overdue: 'Overdue', late: 'Done late',
      inTime: 'In time', statuses: { OPEN: 'To update', SUBMITTED: 'Submitted', FULFILLED: 'Fulfilled' },
      rule: 'After laws or duties change, the catalog is updated within {days}{report} (basis: {basis}).',
      reportRule: ', then reported to the authority within {n} working days'
    },
    leads: {
      title: 'Lead departments', hint: 'Base and thematic resources are catalogued and kept by the lead department the authority designates.',
      subject: 'Subject', department: 'Lead department', designated: 'Designated', designate: 'Designate', none: 'Not designated',
      done: 'Lead department of "{subject}" designated'
    },
    search: {
      title: 'Catalog search', placeholder: 'Resource name, summary, data item or resource code', total: '{n} entries',
      none: 'No catalog entry matches', unavailable: 'Catalog search is not available yet; please try again later.',
      facet: {
        departmentId: 'Department', category: 'Category', subject: 'Subject', shareType: 'Share type', openType: 'Open type',
        format: 'Format', updateCycle: 'Update cycle'
      }
    },
    detail: {
      title: 'Catalog entry', version: 'In force v{v}', export: 'Export Excel', publishedAt: 'Published', creditCode: 'Department credit code',
      unpublished: 'This entry is not published yet; this is its working version.',
      newer: 'A newer version v{v} ({state}) exists; this is the version in force.', otherDepartment: 'The other department'
    },
    lists: {
      title: 'Open and share lists', open: 'Open data list', share: 'Share list', csv: 'Export CSV', condition: 'Condition',
      unavailable: 'The lists are not available yet; please try again later.'
    },
    import: {
      title: 'Import catalog (Excel)', hint: 'Fill in the platform\'s template, one entry per row; if any row breaks a rule, nothing in the file is imported.',
      drop: 'Drop an .xlsx file here, or click to choose', only: '.xlsx only', submitAfter: 'Submit for review after import',
      upload: 'Import', done: '{n} entries imported', nothing: 'Nothing was imported', location: 'Location', message: 'Problem'
    }
  },
  lake: {
    rule: {
      REQUIRED: 'Required value missing', TYPE: 'Wrong data type', LENGTH: 'Too long', ID_NUMBER_FORMAT: 'Malformed ID number',
      ID_NUMBER_CHECK_DIGIT: 'Wrong ID number check digit', ID_NUMBER_BIRTH_DATE: 'Invalid birth date in ID number',
      ID_NUMBER_REGION: 'Unknown region in ID number', ID_NUMBER_LEGACY: 'Legacy 15-digit ID number', CREDIT_CODE: 'Invalid credit code',
      DIVISION_CODE: 'Unknown division code', MOBILE: 'Invalid mobile number', EMAIL: 'Invalid e-mail address', CODE_LIST: 'Not in the code list',
      RANGE: 'Out of range', PATTERN: 'Does not match the pattern', CROSS_ITEM: 'Contradicts another item', DUPLICATE_KEY: 'Duplicate record key'
    },
    status: { RUNNING: 'Running', APPLIED: 'Applied', REFUSED: 'Refused', FAILED: 'Failed', CANCELLED: 'Cancelled', HELD: 'Held', DISCARDED: 'Discarded' },
    mode: { UPSERT: 'Incremental update', REPLACE: 'Full replace', DELETE: 'Deletion request' },
    format: { CSV: 'CSV', XLSX: 'Excel (XLSX)', JSON_LINES: 'JSON Lines' },
    field: {
      resourceCode: 'Resource code', name: 'Dataset', recordCount: 'Records', lastSuccessAt: 'Last successful aggregation',
      schemaVersion: 'Catalog version', tableName: 'Table', department: 'Department'
    },
    datasets: {
      title: 'My datasets', create: 'New dataset', empty: 'The department has no dataset yet; create one from a published entry', never: 'Not yet',
      createHint: 'Every published catalog entry with a record key can have one dataset; its columns follow the data items.',
      pickEntry: 'Choose a published entry of the department',
      noCandidates: 'No entry can get a dataset (published, with a record key, no dataset yet)', keyless: 'These entries name no record key and cannot get a dataset: {names}'
    },
    dataset: {
      back: 'Back', columns: 'Columns', item: 'Data item', chineseName: 'Chinese name', column: 'Column', recordKey: 'Key',
      retired: 'Retired', batches: 'Batches', records: 'Records', quality: 'Quality over time', rules: 'Extension rules', cycle: 'Update cycle',
      deletions: 'Deletion requests', discrepancies: 'Discrepancies'
    },
    upload: {
      title: 'Upload data', drop: 'Drop a file here or click to choose', formats: 'CSV, Excel (.xlsx) or JSON Lines; the first row (object) names the columns by data-item identifier or Chinese name',
      format: 'Format', auto: 'Automatic (from the file name)', encoding: 'Encoding', autoEncoding: 'Detect', mode: 'Mode',
      modeHint: {
        UPSERT: 'Records of the file are added or updated by their key; records not in the file stay.',
        REPLACE: 'The file replaces all data: records not in the file are removed.'
      },
      replaceWarning: 'A full replace removes every record that is not in the file (its state before is kept in the history and can be read as of a time).',
      confirmReplace: 'I understand; replace everything', acceptValid: 'Accept valid rows', acceptValidOn: 'Valid rows are applied; the rest are rejected and reported.',
      acceptValidOff: 'One bad row and nothing of the batch is applied.', start: 'Upload'
    },
    progress: {
      title: 'Batch #{id}', read: 'Read', accepted: 'Accepted', rejected: 'Rejected', rate: 'Rate', perSecond: '{n} rows/s',
      elapsed: 'Elapsed', left: 'Time left', unknown: 'estimating', applying: 'applying', cancel: 'Cancel batch', seconds: '{s} s', minutes: '{m} min {s} s'
    },
    report: {
      title: 'Quality report', tombstoned: 'Records removed', startedAt: 'Started', finishedAt: 'Finished', byRule: 'Failures by rule',
      downloadRejected: 'Download rejected rows to correct (CSV)', validNotLoaded: '{n} valid (not loaded: the whole batch was refused)', encodingOfFormat: 'as the file says', rejectedHint: 'The file holds the rejected rows as you sent them, with a column saying why. Correct them and upload the file again as it is.', rule: 'Rule', count: 'Rows', sample: 'Sample failures (first {n})', row: 'Row',
      item: 'Data item', reason: 'Reason', applied: '{accepted} rows applied, all valid.',
      appliedPartly: 'Valid rows applied: {accepted} accepted, {rejected} rejected.', refused: '{rejected} rows failed; nothing of the batch was applied.',
      failed: 'The batch failed; the data is unchanged.', cancelled: 'The batch was cancelled; the data is unchanged.',
      held: 'A secrecy marking was found in the file: the batch is held and nothing was applied until the department\'s security officer decides.',
      heldWhere: 'Row {row}, “{item}”: “{marking}”. Classified data may not be processed on the platform.',
      discarded: 'The batch was discarded as classified data; nothing was applied.',
      decided: 'Decided by {by}: {reason}',
      release: 'Not classified: release', discard: 'Discard the batch', releaseReason: 'Why this is not classified data (required)'
    },
    batches: { empty: 'No batch yet', file: 'File', status: 'Status', open: 'Report' },
    records: {
      key: 'Record key ({items})', asOf: 'State as of a time (Beijing time)', empty: 'No records', validFrom: 'Valid from', batch: 'Batch',
      total: '{n} records', totalAsOf: '{n} records as of {time}'
    },
    decision: { title: 'Decision', decide: 'Decide', noteRequired: 'This choice needs a reason.' },
    deletion: {
      title: 'Deletion approvals', queueHintAuthority: "Deletion requests of the region's departments; approved deletions stay traceable in the history",
      queueHintDepartment: "The department's deletion requests, decided by the department head",
      hint: 'Nobody deletes records directly: the data provider asks, with a reason, and the department head or the data authority approves (the history keeps a trace).',
      new: 'Request deletion', requestThis: 'Request deletion', keys: 'Keys of the records to delete ({items})', keysHint: 'One key per line, e.g. an ID number',
      keysHintComposite: "One record per line, the key's items separated by tabs (as copied from a spreadsheet) or commas", keyCountTyped: '{n} records',
      reason: 'Reason', approvalNeeded: 'Nothing is deleted until the department head or the data authority approves; requesters cannot approve their own requests.',
      submit: 'Submit request', filed: 'Deletion requested; waiting for a decision', empty: 'No deletion request', emptyPending: 'No deletion request waiting for a decision',
      records: 'Records', keyCount: '{n} records', requested: 'Requested by', tombstoned: '{n} deleted (batch #{batch})', ownRequest: 'Your request',
      decideTitle: 'Decide deletion request #{id}', decideHint: 'Deletion of {n} records is requested because:', decisionReason: 'Reason (required to reject)',
      approve: 'Approve: delete the records (kept in the history)', reject: 'Reject: delete nothing',
      statuses: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected' }
    },
    cycle: {
      updateCycle: 'Update cycle', agreedDays: 'Agreed period', days: '{n} days', daysUnit: 'days', agreed: 'agreed {n} days', none: "None (the catalog's cycle)",
      dueOn: 'Next due', noDue: 'No due date', state: 'State', overdue: 'Overdue', onTime: 'On time',
      exceptions: 'Cycle exceptions', hint: "Where data cannot follow the catalog's update cycle, the department files the period it can keep; once the data authority accepts it, that period applies.",
      new: 'File a cycle exception', empty: 'No cycle exception filed', reason: 'Reason', filed: 'Filed by', submit: 'File', filedMessage: 'Cycle exception filed',
      decideTitle: 'Decide a cycle exception', decideHint: 'Aggregation every {n} days is asked for because:', accept: 'Accept: the agreed period applies',
      reject: "Reject: the catalog's cycle still applies", dialogTitle: 'Cycle exceptions: {name}',
      statuses: { FILED: 'Filed', ACCEPTED: 'Accepted', REJECTED: 'Rejected' }
    },
    rules: {
      hint: "Checks beyond what the catalog's data items imply: a code list, a range or a pattern, applied to every later delivery. Rules are retired, never deleted.",
      new: 'Add a rule', empty: 'No extension rule', kind: 'Kind', params: 'Rule', description: 'Description', created: 'Added by',
      active: 'Active', retired: 'Retired', retire: 'Retire', retireConfirm: 'Once “{description}” is retired, later deliveries are no longer checked against it. Retire it?',
      retiredMessage: 'Rule retired', added: 'Rule added',
      values: 'Codes', valuesHint: 'One code per line, or separated by commas', min: 'Minimum', max: 'Maximum', numberHint: 'A number; blank for no bound',
      dateHint: 'A date such as 2000-01-01; blank for no bound', pattern: 'Regular expression', patternHint: 'The whole value must match, e.g. ^[0-9]+$',
      descriptionHint: 'Tells data providers what the rule is, e.g. “marital status code”',
      kinds: { CODE_LIST: 'Code list', NUMBER_RANGE: 'Number range', DATE_RANGE: 'Date range', PATTERN: 'Pattern' }
    },
    quality: {
      hint: 'Completeness, validity, uniqueness and timeliness of every delivery (file or push), and their mean, oldest first.',
      empty: 'No delivery with a quality score yet', kind: 'Delivery', at: 'Finished', completeness: 'Completeness', validity: 'Validity',
      uniqueness: 'Uniqueness', timeliness: 'Timeliness', overall: 'Overall',
      chartLabel: 'Quality over time: the four measures and the overall score of each delivery, in per cent, oldest first', kinds: { FILE: 'File', PUSH: 'Push', DELETION: 'Deletion', CORRECTION: 'Correction' }
    },
    discrepancy: {
      title: 'Discrepancies', hintAuthority: "Entities the region's departments hold with different values", hintDepartment: 'Entities the department holds differently from another department',
      datasetHint: "Entities this dataset holds differently from another department's dataset; the department with the wrong value corrects it by its next delivery.",
      scan: 'Compare the region', scanned: 'Compared {comparisons} item pairs of {datasets} datasets: {found} new, {closed} closed; new ones are due by {dueOn}.',
      filter: 'Filter by item, department or dataset', empty: 'No discrepancy', emptyOpen: 'No open discrepancy',
      item: 'Item', entity: 'Entity (key)', side: { a: 'One side', b: 'Other side' }, dataset: 'Dataset #{id}', dueOn: 'Due', found: 'found {time}',
      closedHint: 'Values agree since {time}; closed', settle: 'Settle', settleTitle: 'Settle a discrepancy', decideTitle: 'Decide a discrepancy',
      resolveHint: 'The two values of “{item}” differ:', settleHint: 'Settled by the department (agreed between both); the department with the wrong value corrects it by its next delivery.',
      decideHint: 'Decided by the data authority; the department with the wrong value corrects it by its next delivery.', note: 'Note (optional)', masked: 'Personal: values masked',
      correct: "{department}'s value is correct", bothValid: 'Both values are valid (a legitimate difference)',
      statuses: { OPEN: 'Open', SETTLED: 'Settled', DECIDED: 'Decided', CLOSED: 'Closed' }
    },
    purchase: {
      title: 'Purchase filings', hintAuthority: "The region's departments' filings of social data purchases", hintDepartment: 'File a purchase of social data with the data authority before it happens',
      new: 'File a purchase', empty: 'No purchase filed', supplier: 'Supplier', description: 'What and what for', items: 'Data items wanted',
      descriptionHint: 'Which data, for which task', itemsHint: 'Chinese item names, one per line or separated by commas, e.g. 企业名称, 统一社会信用代码',
      checkHint: 'The platform checks whether published catalog entries already hold these items, so that nothing is bought twice.', submit: 'File',
      alreadyHeld: 'Already on the platform', nothingHeld: 'The platform holds none of these items', heldWarning: '{n} published entries already hold some of the items: consider obtaining them by sharing.',
      answerTitle: 'Purchase filed', filed: 'Filed by', decideTitle: 'Decide a purchase filing', approve: 'Approve the purchase', reject: 'Reject (a reason is required)',
      statuses: { FILED: 'Filed', APPROVED: 'Approved', REJECTED: 'Rejected' }
    },
    sources: {
      title: 'Authoritative sources', hint: 'One data item, one source: the department that is the authoritative source of each base data element',
      edit: 'Edit designations', editHint: "Saving replaces the region's designations with this list; datasets of other departments that collect an element designated to another department are flagged as repeated collections.",
      add: 'Add an element', remove: 'Remove', empty: 'No authoritative source designated in the region', emptyEditing: 'The list is empty: saving withdraws every designation',
      element: 'Data element', elementHint: 'e.g. 公民身份号码, 姓名', standard: 'Value standard', standardHint: 'e.g. GB 11643; blank if none',
      subject: 'Base resource', department: 'Source department', pickDepartment: 'Choose a department', openFlags: 'Open repeated collections', designated: 'Designated by'
    },
    repeated: {
      title: 'Repeated collections', hint: 'Datasets collecting an element another department is the authoritative source of (never blocked; the data authority decides)',
      column: 'One source', flag: 'collects “{element}” again (source: {department})', empty: 'No repeated collection', emptyOpen: 'No open repeated collection',
      found: 'Found', decideTitle: 'Decide a repeated collection', decideHint: 'Item “{item}” collects “{element}”, whose authoritative source is {department}.',
      allow: 'Allow (e.g. the law requires the department to collect it)', shareInstead: 'Obtain it from the source by sharing instead',
      statuses: { OPEN: 'Open', ALLOWED: 'Allowed', SHARE_INSTEAD: 'Share instead', LAPSED: 'Lapsed' }
    },
    overview: {
      title: 'Data lake overview', hint: "Datasets of the region's departments, their update cycles and cycle exceptions", filter: 'Filter by department, code or name',
      empty: 'No dataset in the region yet', overdueOnly: 'Overdue only'
    }
  },
  share: {
    back: 'Back',
    way: { VERIFICATION: 'Verification', QUERY: 'Query', EXCHANGE: 'Exchange', SUBSCRIPTION: 'Subscription' },
    status: { DRAFT: 'Draft', PENDING: 'Pending', APPROVED: 'Approved', REFUSED: 'Refused', COORDINATION: 'Under coordination', WITHDRAWN: 'Withdrawn' },
    grantStatus: { ACTIVE: 'Active', SCHEDULED: 'Not yet valid', EXPIRED: 'Expired', REVOKED: 'Revoked' },
    availability: {
      OWN: 'Our own', IN_USE: 'Granted', APPLIED: 'Applied for', AVAILABLE_ON_REQUEST: 'On request',
      APPLICATION_REQUIRED: 'Application required', COORDINATION_ONLY: 'Coordination only'
    },
    stage: { PROVIDER: 'Provider decides', AUTHORITY: 'Data authority decides' },
    origin: { UNCONDITIONAL: 'Unconditional sharing', APPROVAL: 'Approval', COORDINATION: 'Coordination' },
    op: { EQUALS: 'equals', PREFIX: 'starts with' },
    event: {
      SUBMITTED: 'Submitted', ROUTED: 'Routed', REMINDER: 'Reminder', OVERDUE: 'Overdue', APPROVED: 'Approved', NARROWED: 'Approved, narrowed',
      REFUSED: 'Refused', WITHDRAWN: 'Withdrawn', COORDINATION_REQUESTED: 'Coordination requested', COORDINATION_NOTE: 'Coordination note',
      COORDINATED: 'Coordination decided', GRANT_ISSUED: 'Grant issued', GRANT_REVOKED: 'Grant revoked', GRANT_EXPIRED: 'Grant expired',
      RENEWAL_STARTED: 'Renewal started'
    },
    field: {
      resourceCode: 'Resource code', entry: 'Resource', provider: 'Provider', applicant: 'Applicant', consumer: 'Consumer',
      shareType: 'Share type', shareCondition: 'Share condition', availability: 'For our department', items: 'Data items', rowFilter: 'Records',
      purpose: 'Purpose', useScenario: 'Use scenario', legalDuty: 'Legal duty', period: 'Period of use', ways: 'Ways of use', systems: 'Systems',
      materials: 'Materials', negotiation: 'Negotiation with the provider', status: 'Status', stage: 'Stage', dueOn: 'Reply due',
      noDue: 'No period fixed', overdue: 'Overdue', dueSoon: 'Due soon', submittedAt: 'Submitted', decided: 'Decided', validity: 'Valid',
      approvedBy: 'Approved by', limits: 'Limits', rateLimit: 'Rate limit', dailyQuota: 'Daily quota', perSecond: '{n} requests/s',
      perDay: '{n} records/day', openEnded: 'from {from}, no end'
    },
    rowFilter: {
      none: 'All records', item: 'Data item', values: 'Values, separated by commas', add: 'Add condition', remove: 'Remove',
      hint: 'Every condition must hold; no condition means all records',
      condition: { EQUALS: '{item} is {values}', PREFIX: '{item} starts with {values}' }
    },
    catalog: {
      title: 'Share catalog', hint: "The region's published entries and what our department may use", allDepartments: 'All providers',
      empty: 'No entry matches', request: 'Get data', apply: 'Apply', coordinate: 'Ask for coordination', grantLine: '{ways}, {period}',
      applicationLine: 'Application #{id} ({status})'
    },
    request: {
      title: 'Get unconditionally shared data', hint: 'Unconditionally shared data is granted at once for the stated purpose and ways of use.',
      submit: 'Get the grant', itemsHint: 'None selected means all data items', granted: 'Granted: see My grants'
    },
    form: {
      title: 'Share application', editTitle: 'Share application #{id} (draft)', coordinateTitle: 'Ask the data authority to coordinate',
      itemsHint: '{n} of {total} selected: apply for what you need, fewer than all is a partial share',
      legalDutyHint: 'The provisions and the duty of the department this serves', noSystems: 'The department has no active connected system',
      negotiationHint: 'How the negotiation with the provider went, and where you disagree', sendCoordination: 'Send to the data authority',
      saveDraft: 'Save draft', save: 'Save changes', saveFirst: 'Save the draft, then attach the materials and submit',
      noMaterials: 'The entry asks for no materials', attached: '{n} attached', missing: 'Not attached', removeFile: 'Remove',
      fileHint: 'PDF, OFD, JPEG or PNG, at most 10 MB each.', submit: 'Submit application', missingHint: 'Still missing: {names}',
      notPublished: 'The entry is not published'
    },
    list: {
      handle: 'Handle',
      mine: { title: 'My applications', hint: "Our department's share applications", empty: 'No share application yet' },
      inbox: { title: 'Approval inbox', hint: 'Applications waiting for your decision, earliest due first', empty: 'Nothing waits for your decision' },
      overdue: { title: 'Overdue applications', hint: "The region's applications past their reply deadline", empty: 'No overdue application' },
      coordination: { title: 'Coordination requests', hint: 'Applications the data authority is asked to coordinate', empty: 'No coordination request' }
    },
    detail: {
      title: 'Share application #{id}', edit: 'Edit draft', withdraw: 'Withdraw', withdrawConfirm: 'The application will not be handled any more. Withdraw it?',
      requestCoordination: 'Ask for coordination', coordinationHint: 'Describe the negotiation with the provider and ask the data authority to coordinate (once).',
      overdue: 'Past its reply deadline ({due})', refusalReason: 'Reason for refusal', reason: 'Reason', renewalOf: 'Renews grant', grants: 'Grants',
      requested: 'Applied for', approved: 'Approved', approvedSoFar: 'Approved so far',
      dueOn: 'Reply due', itemsRemoved: 'Items taken away', waysRemoved: 'Ways taken away', systemsRemoved: 'Systems taken away',
      rowFilter: 'Records', period: 'Period', items: 'Data items', ways: 'Ways of use', validity: 'Valid', basis: 'Legal basis',
      negotiation: 'Negotiation', note: 'Note', comment: 'Comment', outcome: 'Outcome'
    },
    timeline: { title: 'Timeline', empty: 'No event yet', platform: 'platform' },
    signature: {
      title: 'Electronic signatures', signed: 'Signed electronically', decision: 'Decision', by: 'Signed by', at: 'Signed at', download: 'Download signature',
      hint: 'The platform signs with its SM2 key on behalf of the approver; the download holds the signed content, the signature and the certificate for an offline check.',
      decisions: { APPROVE: 'Approved', REFUSE: 'Refused', COORDINATION_GRANT: 'Granted after coordination', COORDINATION_REFUSE: 'Refused after coordination', GRANT: 'Grant issued' }
    },
    approve: {
      open: 'Approve', title: 'Approve the application', confirm: 'Approve', comment: 'Comment', defaultLimit: 'default',
      hint: 'You may narrow the approval: fewer data items, fewer records, a shorter period, fewer ways or systems; never more than applied for.',
      rateUnit: 'requests/s; empty for the platform default', quotaUnit: 'records/day; empty for the platform default'
    },
    refuse: {
      open: 'Refuse', title: 'Refuse the application', reason: 'Reason', basis: 'Legal basis (kind, title, article)', confirm: 'Refuse',
      hint: 'No refusal without legal basis: the reason and the kind, title and article of the basis are all required.'
    },
    coordination: {
      note: 'Record the coordination', noteHint: 'What was agreed or disputed with both sides; both sides see it.',
      grant: 'Grant', refuse: 'Refuse', grantTitle: 'Grant after coordination', refuseTitle: 'Refuse after coordination',
      outcome: { GRANT: 'granted', REFUSE: 'refused' }
    },
    usage: {
      title: 'Usage records', from: 'From', to: 'To', day: 'Day', requests: 'Requests', records: 'Records', grants: 'Grants',
      shape: {
        byKey: 'by key ({items})', byFilters: 'by conditions ({items})', page: ', page {n}', EQUALS: 'equals', STARTS_WITH: 'starts with',
        full: 'full exchange (to cursor {to})', changed: 'changes (cursor {from} to {to})'
      },
      perDay: 'Use per day', perParty: 'Records per department', perDayLabel: 'Use per day: requests and records on each day of the period',
      perPartyLabel: 'Records per department over the period',
      providers: 'Providers', consumers: 'Users', empty: 'No use in this period', uses: 'Uses',
      usesTitle: 'Uses of grant #{id}', usesHint: 'The last {n} rows, newest first; identical calls within a quarter of a second are one row with their number of requests; only the items and conditions asked, never a value',
      noUses: 'Not used yet', at: 'Time', who: 'By', way: 'Way', query: 'Query', medium: 'Through',
      actor: { USER: 'user {name}', SYSTEM: 'system #{id} ({name})' },
      media: { API: 'API', CONSOLE: 'console' },
      CONSUMER: { tab: 'Our use', hint: "Our department's use of other departments' data" },
      PROVIDER: { tab: 'Use of our data', hint: 'Who uses our data, and how much' },
      AUTHORITY: { tab: 'Region', hint: 'All use of shared data in the region' }
    },
    api: {
      title: 'Interface description', back: 'Back to my grants', showRaw: 'Show JSON', hideRaw: 'Hide JSON', download: 'Download OpenAPI JSON',
      operations: 'Operations you may call', noOperations: 'The grant allows no verification, query, exchange or subscription', way: 'Way', call: 'Call',
      pushTarget: 'the registered endpoint (pushed by the platform)',
      grant: 'Grant', description: 'Description', fields: 'Data items', item: 'Item', meaning: 'Name and type', type: 'Data type',
      masking: 'Masking', usedIn: 'Used in', key: 'key', try: 'Try it: verification',
      tryHint: 'Runs as you; recorded and counted against the daily quota', keyOf: 'Key {name}', claimOf: 'Check {name}', verify: 'Verify',
      found: 'The record is held within the grant', notFound: 'No such record within the grant', verdict: 'Result',
      verdicts: { MATCH: 'matches', NO_MATCH: 'does not match', NOT_HELD: 'not held' }
    },
    masking: {
      NONE: 'none', ID_NUMBER: 'first 6 and last 4 kept', CREDIT_CODE: 'first 8 and last 2 kept', MOBILE: 'first 3 and last 4 kept',
      NAME: 'surname kept', ADDRESS: 'kept down to the county', BANK_CARD: 'first 6 and last 4 kept', FULL: 'all masked'
    },
    subscription: {
      title: 'Subscriptions', hint: 'When the data changes, the platform pushes the granted part of the change, signed, to the address our department registered',
      empty: 'No subscription yet', register: 'Register a subscription', registerTitle: 'Register a subscription (push)', registerSubmit: 'Register',
      registerHint: 'Choose a grant that allows subscription and the receiving address. Every later change of the resource is pushed there within the grant (data items, records, masking) and counted against its daily quota.',
      noGrants: 'Our department holds no active grant that allows subscription: apply for that way of use in the share catalog first.',
      grant: 'Grant', grantOption: '{entry} ({provider}) · grant #{id}', entryId: 'Catalog entry #{id}',
      endpoint: 'Endpoint', endpointHint: 'An https address (no user name, password or # fragment); deliveries are POSTed, redirects are not followed.',
      itemsHint: '{n} of {total} selected; all of them means every item of the grant (following the grant)', allItems: 'Every item of the grant',
      initial: 'First delivery', full: 'Push every existing record within the grant first', fullHint: 'Every existing record is pushed first, then the later changes.',
      changesHint: 'Only changes after the registration are pushed, not the existing records.',
      registeredBy: 'registered by {who} on {time}', progress: 'Progress', cursor: 'Delivered up to cursor {n}', failedAttempts: 'Failed attempts in a row: {n}',
      nextAttempt: 'Next attempt: {time}', lastSuccessAt: 'Last success: {time}', neverSucceeded: 'Nothing delivered yet', lastError: 'Last error',
      deliveries: 'Deliveries', pause: 'Pause', resume: 'Resume', rotate: 'New secret', delete: 'Delete',
      paused: 'Paused: changes wait until it is resumed', resumed: 'Resumed', deleted: 'The subscription is deleted',
      rotateConfirm: 'The current secret stops signing at once; the receiving system must check signatures with the new one. Issue a new secret?',
      deleteConfirm: 'Nothing more will be pushed to {endpoint}; its deliveries and dead letters are deleted too. Delete it?',
      secretTitle: 'Subscription registered: signing secret', secretRotatedTitle: 'New signing secret', secretOnce: 'The signing secret is shown this once only',
      secretOnceHint: 'Copy it now into the receiving system: the platform will not show it again once this is closed. A lost secret can only be replaced.',
      secretFor: 'Subscription #{id}, endpoint {endpoint}', secretSaved: 'I have saved it — close', copyFailed: 'Could not copy: select the secret and copy it by hand',
      verifyTitle: 'How the receiver checks a delivery', verifyHint: 'Every delivery is a POST with a JSON body and these headers:',
      header: 'Header', headerValue: 'Value',
      headers: {
        subscription: "The subscription's id",
        delivery: 'A unique id of this request (also deliveryId in the body)',
        timestamp: 'When it was signed, in seconds since 1970-01-01 UTC',
        signature: 'The lower-case hex HMAC-SM3, keyed with the UTF-8 bytes of the secret, over timestamp + newline + delivery id + newline + the raw body'
      },
      verifyRules: 'Before applying anything, check the signature (over the raw bytes received, compared in constant time), that the timestamp is within 5 minutes of your clock and that the delivery id was not accepted before (a replay); answer 4xx when a check fails. A change may be delivered more than once: apply it idempotently by record key. Java receivers can use cn.govdata.share.SubscriptionSignature.verify.',
      detailTitle: 'Deliveries of subscription #{id}', deliveriesTitle: 'Delivery requests (the last 100)', noDeliveries: 'Nothing delivered yet',
      attemptedAt: 'Time', range: 'Cursors', page: 'Page', httpStatus: 'HTTP status', error: 'Error', outcome: 'Outcome',
      succeeded: 'Succeeded', failed: 'Failed', delivery: 'Delivery id',
      deadLettersTitle: 'Dead letters', noDeadLetters: 'No dead letter',
      deadLettersHint: 'Ranges of changes given up on after the last attempt (their cursors and count only, never the data); the subscription goes on with later changes. Retrying puts the cursor back to the start of the range, reads it anew under the grant as it is now and pushes it; discarding only marks it.',
      createdAt: 'Given up', changes: 'Changes', attempts: 'Attempts', retry: 'Retry', discard: 'Discard',
      retried: 'The range is being delivered again', discarded: 'Discarded', discardConfirm: 'The changes of this range ({n}) will not be delivered. Discard them?',
      lastErrors: { QUOTA_EXHAUSTED: "The grant's daily quota is used up; delivery resumes later" },
      status: { ACTIVE: 'Active', PAUSED: 'Paused', SUSPENDED: 'Suspended' },
      reason: {
        GRANT_REVOKED: 'the grant was revoked', GRANT_EXPIRED: 'the grant expired', GRANT_NOT_YET_VALID: 'the grant is not yet valid',
        GRANT_DOES_NOT_COVER: 'the grant no longer allows subscription or the items', GRANT_NOT_FOR_CALLER: 'the grant is not for whoever registered it',
        NO_GRANT: 'our department no longer holds a grant on the resource', SHARE_TYPE_MISMATCH: "the entry's share type changed; the grant no longer applies",
        NOT_FOUND: 'the catalog entry is gone', OWNER_INACTIVE: 'the user who registered it is disabled, or the system revoked',
        GRADE_REFUSES_USE: "the entry's grade does not allow pushing under this grant (core data never, important data only under an approved grant)"
      },
      deadLetterStatus: { PENDING: 'Pending', RETRIED: 'Retried', DISCARDED: 'Discarded' }
    },
    grants: {
      interface: 'Interface', subscribe: 'Subscribe', use: 'Ways and purpose', application: 'Application #{id}', from: 'from {name}', usedToday: '{n} records today', revoke: 'Revoke', renew: 'Renew',
      revokeHint: '{name} can no longer use this data once revoked. The reason:', revokeReason: 'Reason for revoking',
      revokeReasonRequired: 'Give the reason', revoked: 'The grant is revoked',
      CONSUMER: { title: 'My grants', hint: 'What our department may use', empty: 'No grant yet' },
      PROVIDER: { title: 'Grants given', hint: "Other departments' use of our data", empty: 'No grant given yet' },
      AUTHORITY: { title: 'Grants of the region', hint: 'Every share grant of the region', empty: 'No grant in the region yet' }
    }
  },
  objection: {
    status: { OPEN: 'Under review', CORRECTED: 'Corrected', CONFIRMED: 'Confirmed as correct' },
    stage: { AUTHORITY: 'Forwarding by the data authority', PROVIDER: 'Check by the provider' },
    raisedAs: { CONSUMER: 'Raised by a using department', AUTHORITY: "Raised by the data authority for a citizen" },
    side: { RAISER: 'Raised by us', PROVIDER: 'To check', AUTHORITY: 'Region' },
    event: {
      RAISED: 'Objection raised', EVIDENCE_ADDED: 'Evidence added', FORWARDED: 'Forwarded to the provider', EXTENSION_REQUESTED: 'Extension requested',
      EXTENDED: 'Extension granted', EXTENSION_REFUSED: 'Extension refused', CORRECTED: 'Corrected', CONFIRMED: 'Confirmed as correct',
      REMINDER: 'Reminder', OVERDUE: 'Overdue'
    },
    detail: {
      item: 'Data item', stage: 'Stage', dueOn: 'Due', file: 'File', to: 'Forwarded to', workingDays: 'Working days',
      from: 'Previous due date', value: 'Corrected value', batchId: 'Lake batch', reason: 'Reason', reasons: 'Reasons', note: 'Note',
      dueWith: '{due} ({note})', dueIn: 'due in {days} working day(s)', dueToday: 'due today', late: '{days} working day(s) overdue', lateNoWorkingDay: 'past the due date'
    },
    field: {
      entry: 'Resource', record: 'Record', item: 'Data item', recordedValue: 'Recorded value', proposedValue: 'Proposed value', description: 'Description',
      raiser: 'Raised by department', provider: 'Provider', raisedBy: 'Raised by', raisedAt: 'Raised at', status: 'Status', stage: 'Stage',
      dueOn: 'Due', noDue: 'In time (no fixed period)', overdue: 'Overdue', dueSoon: 'Due soon', decided: 'Decided', decisionNote: 'Decision note',
      correctedValue: 'Corrected value', correctionBatch: 'Lake batch', extension: 'Extension'
    },
    list: {
      title: 'Objections', hint: 'Objections to shared data and the provider’s re-verification', empty: 'No objections', open: 'View', handle: 'Check',
      overdueTitle: 'Overdue objections', overdueHint: 'Open objections of the region past their due date, earliest first', overdueEmpty: 'No overdue objections',
      raise: 'Raise an objection'
    },
    view: {
      title: 'Objection #{id}', evidence: 'Evidence', noEvidence: 'No evidence yet', upload: 'Upload evidence',
      uploadHint: 'PDF, OFD, JPEG, PNG; up to 10 MB each, 20 files', uploaded: 'Uploaded', timeline: 'Timeline',
      overdue: 'Past its due date ({due})',
      extension: '{days} working days, asked by {by}: {reason}', extensionPending: 'awaiting a decision', extensionGranted: 'granted ({by})',
      extensionRefused: 'refused ({by})'
    },
    action: {
      forward: 'Forward to the provider', forwardHint: 'Forward the objection to the providing department, with an optional note.', forwarded: 'Forwarded to the provider',
      correct: 'Correct', correctHint: 'Corrects the record in the data lake as a new version; the old value stays in its history.', correctValue: 'Corrected value',
      corrected: 'Corrected', confirm: 'Confirm as correct', confirmHint: 'The stored value is right; reasons are required.', reasons: 'Reasons',
      reasonsRequired: 'Give the reasons for confirming', confirmed: 'Confirmed as correct', note: 'Note (optional)',
      extension: 'Request an extension', extensionHint: 'Asks once for more time; the department head or the data authority decides.',
      workingDays: 'Working days', reason: 'Reason', reasonRequired: 'Give a reason for the extension', requested: 'Extension requested',
      decide: 'Decide the extension', consent: 'Grant', refuse: 'Refuse', decided: 'Extension decided'
    },
    raise: {
      title: 'Raise an objection', hint: 'If shared data is wrong, raise an objection: the provider checks and corrects it; meanwhile the data is still delivered, marked as under review.',
      key: 'Record key', item: 'Data item objected to', proposedValue: 'Proposed value', description: 'Description',
      submit: 'Submit the objection', raised: 'Objection submitted', required: 'Fill in the record key, the item, the proposed value and the description'
    }
  }
}

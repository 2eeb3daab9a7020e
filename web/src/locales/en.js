export default {
  app: { title: 'Government Data Resource Platform', subtitle: 'Console for the data authority and departments', language: '中文', logout: 'Log out' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'New', edit: 'Edit', confirm: 'OK', search: 'Search', reset: 'Reset',
    actions: 'Actions', loading: 'Loading…', empty: 'Nothing here yet', yes: 'Yes', no: 'No', saved: 'Saved', details: 'Details',
    all: 'All', copy: 'Copy', copied: 'Copied', close: 'Close', refresh: 'Refresh', reason: 'Reason for the change'
  },
  menu: {
    home: 'Home', regions: 'Regions', departments: 'Departments', users: 'Users and roles', systems: 'Connected systems',
    policy: 'Policy profile', calendar: 'Working-day calendar', audit: 'Audit log', account: 'My account'
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
    DEPARTMENT_ADMIN: 'Department administrator', SYSTEM_ADMIN: 'System administrator', SECURITY_ADMIN: 'Security administrator', AUDIT_ADMIN: 'Audit administrator'
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
    title: 'Users and roles', create: 'New user', username: 'Login', displayName: 'Name', department: 'Department',
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
  audit: {
    title: 'Audit log', from: 'From', to: 'To', actor: 'Actor', department: 'Department id', action: 'Action',
    objectType: 'Object type', objectId: 'Object id', outcome: 'Outcome', time: 'Time', client: 'Client address', detail: 'Detail',
    export: 'Export CSV', verify: 'Verify integrity', intact: 'The audit log is intact', broken: 'Tampering found: the chain breaks at entry {id}',
    brokenOther: 'Problem found: {reason}', entries: '{n} entries and {c} signed checkpoints checked', publicKey: 'Checkpoint signing key (SM2)',
    outcomes: { SUCCESS: 'Success', FAILURE: 'Failure' }, hash: 'Hash (SM3)'
  }
}

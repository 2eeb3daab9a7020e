export default {
  site: { name: 'Open Data Portal' },
  nav: {
    label: 'Main', skip: 'Skip to main content', home: 'Home', datasets: 'Datasets', organizations: 'Departments',
    developers: 'Developers', otherLanguage: '中文', breadcrumb: 'You are here', harvested: 'Other platforms'
  },
  harvested: {
    title: 'Open data of other platforms', intro: 'Open data harvested from lower-level platforms and other open-data catalogues, shown read-only: get it from its source and cite that source.',
    search: 'Find by title, summary or department', go: 'Find', count: '{n} datasets', none: 'No matching datasets.',
    from: 'From {source}', modified: 'Updated at the source on {day}', pages: 'Pages', previous: 'Previous', next: 'Next',
    page: 'Page {n} of {of}'
  },
  footer: {
    about: '{platform}: public data that government departments open to everyone by law. Please name the source and the date you obtained it.',
    api: 'About the open data API', list: 'All dataset names (API)'
  },
  common: { labelled: '{label}: {value}', separator: ', ', loading: 'Loading…' },
  error: {
    network: 'The platform cannot be reached. Please check your connection and try again.',
    general: 'Something went wrong: {message}'
  },
  copy: { done: 'Copied', failed: 'Could not copy; please select the text and copy it yourself.' },
  pages: { label: 'Pages', previous: 'Previous', next: 'Next', number: 'Page {n}', of: 'Page {page} of {last}' },
  search: {
    label: 'Search open data', placeholder: 'Keywords, e.g. population, enterprises, buses', submit: 'Search',
    title: 'Find open data', titleFor: 'Results for “{q}”', filters: 'Filter', found: '{n} datasets found',
    facetCount: '{n}', sortLabel: 'Sort by', activeFilters: 'Chosen filters', removeFilter: 'Remove filter: {filter} {value}',
    clearFilters: 'Clear all filters', none: 'No dataset matches. Try other words or remove some filters.',
    sort: { relevance: 'Relevance', newest: 'Recently updated', downloads: 'Most downloaded' }
  },
  facet: {
    organization: 'Department', groups: 'Subject', res_format: 'Format', update_cycle: 'Update cycle', open_type: 'How it is open'
  },
  home: {
    lead: 'Find, preview and download the data government departments open, or use it straight from the API.',
    counts: 'At a glance',
    count: { datasets: 'Open datasets', records: 'Records', departments: 'Departments', downloads: 'Downloads', apiCalls: 'API calls' },
    subjects: 'Browse by subject', departments: 'Browse by department', allDepartments: 'All departments',
    datasetCount: '{n} datasets',
    newest: 'Newly opened', moreNewest: 'More recent data', mostUsed: 'Most used', moreUsed: 'More popular data',
    list: 'List of open data', listHint: 'Every dataset the platform opens: {n} in all.',
    listColumn: { title: 'Dataset', department: 'Department', openType: 'How it is open', updateCycle: 'Update cycle', formats: 'Formats', updated: 'Last updated' }
  },
  dataset: {
    missing: 'This dataset was not found',
    missingHint: 'It may no longer be open, or the address may be wrong.',
    backToSearch: 'Back to the datasets',
    onThisPage: 'On this page',
    facts: 'About this dataset',
    department: 'Department', code: 'Resource code', subjects: 'Subjects', openType: 'How it is open', updateCycle: 'Update cycle',
    lastUpdated: 'Last updated', firstOpened: 'First opened', formats: 'Formats', tags: 'Keywords',
    records: 'Records', views: 'Views', downloads: 'Downloads', apiCalls: 'API calls',
    condition: 'Conditions of access',
    conditionalIntro: 'This data is open on conditions: it is given to those who meet them, with the department’s consent.',
    conditionUnstated: 'The department has not stated the conditions yet; please ask the department.',
    apply: 'Apply for access',
    applyNote: 'Applying online comes with public accounts; it is not available yet.',
    items: 'Data items',
    item: { label: 'Name', field: 'Field', type: 'Type', standard: 'Value standard', desensitisation: 'Desensitisation', withheld: 'Not published' },
    preview: 'Preview',
    previewHint: 'The first {shown} records (of {total}). Personal information is masked.',
    noTable: 'This dataset has no table to preview.',
    download: 'Download',
    downloadCsv: 'Download CSV',
    downloadJson: 'Download JSON',
    downloadHint: 'You get all records, masked as in the preview. The CSV file is UTF-8 and opens in spreadsheets.',
    api: 'Use the API',
    apiIntro: 'This command fetches the dataset’s records, no sign-up needed; at most 1,000 records a call, page on with offset.',
    copyCurl: 'Copy command',
    tryIt: 'Try it',
    tryOutput: 'What the API answered',
    moreApi: 'More about the API',
    licence: 'Licence and terms of use',
    licenceDefault: 'The platform’s open data terms',
    agreement: {
      cite: 'Name the source and the date you obtained the data wherever you use it or a product made from it.',
      lawful: 'Use it only as the law allows, without harming national or public interests or anyone’s rights.',
      noReidentify: 'Do not try to identify people from masked personal information, e.g. by matching it with other data.',
      asIs: 'The data is provided as it is; if you find a mistake, please tell the department.'
    },
    citation: 'Cite this data',
    citationIntro: 'When you use this data in a report, paper, app or other product, please cite it as:',
    citationText: 'Source: {department}, {platform}, retrieved {date}',
    copyCitation: 'Copy citation'
  },
  organizations: {
    title: 'Departments', intro: 'The data on the platform, by the department that provides it.', filter: 'Find a department by name',
    count: '{n} departments shown', none: 'No department has that name.', missing: 'This department was not found',
    back: 'Back to the departments', datasets: 'Open data ({n})', searchWithin: 'Search or filter this department’s data',
    noDatasets: 'This department has no open data yet.'
  },
  developers: {
    title: 'Developers: the open data API',
    intro: 'The platform speaks the CKAN Action API: programs written for CKAN, harvesters and the ckanapi client work unchanged.',
    basics: 'The basics',
    basic: {
      address: 'Address: {url} followed by the action, e.g. package_search; GET or POST (JSON or form).',
      anonymous: 'No sign-up and no key needed.',
      envelope: 'Answers are JSON: success says whether it worked, result holds the answer; on failure error says why (e.g. “Not Found Error”).',
      masked: 'Personal information is masked in previews, queries and downloads alike.',
      conditional: 'Conditionally open datasets are described, but their records cannot be queried or downloaded.',
      limits: 'A call returns at most 1,000 rows (rows, limit); page on with start or offset.',
      cite: 'Please name the source and the date you obtained the data (see “Cite this data” on each dataset).'
    },
    openapi: 'The platform’s API description (OpenAPI 3)',
    openapiHint: 'The open data API is under its “Open data” tags; load it into an API tool or generate a client from it.',
    ckanDocs: 'CKAN’s API documentation',
    ckanDocsHint: 'Every action’s parameters and answers in full; this platform supports the read-only ones.',
    actions: 'Actions',
    action: 'Action',
    answers: 'What it gives',
    actionText: {
      status_show: 'The platform’s name and API version',
      package_list: 'The names of all open datasets',
      package_search: 'Search datasets: q words (Chinese too), fq filters, sort, rows and start to page, facet.field counts',
      package_show: 'One dataset in full with its resources (by id or name)',
      organization_list: 'All departments (with all_fields=true: descriptions and dataset counts)',
      organization_show: 'One department',
      group_list: 'All subjects',
      group_show: 'One subject',
      tag_list: 'All keywords',
      resource_show: 'One resource (table)',
      datastore_search: 'Records of a table: filters for exact matches, q full text, fields, sort, limit and offset to page',
      dump: 'The whole table as one file (CSV or JSON)'
    },
    notSupported: 'Actions that change data and datastore_search_sql are not supported (they answer with an error).',
    curl: 'With curl',
    example: {
      search: 'Search datasets about “人口” (population)',
      show: 'One dataset',
      records: 'The first 5 records of a table',
      filtered: 'POST with JSON, records 101 to 200',
      dump: 'Download the whole table as CSV',
      harvest: 'Harvest: datasets changed since a time (withdrawn ones included)'
    },
    python: 'With Python (ckanapi)',
    pythonIntro: 'ckanapi, CKAN’s own Python client, works with this platform as it is:',
    copy: 'Copy'
  },
  notFound: { title: 'Page not found', hint: 'The address may be wrong. Search the data or go back home.', home: 'Back home' },
  code: {
    openType: { OPEN: 'Open', CONDITIONAL_OPEN: 'Open on conditions', NOT_OPEN: 'Not open' },
    updateCycle: {
      REALTIME: 'Real time', DAILY: 'Daily', WEEKLY: 'Weekly', MONTHLY: 'Monthly', QUARTERLY: 'Quarterly',
      HALF_YEARLY: 'Half-yearly', YEARLY: 'Yearly', OTHER: 'Other'
    },
    dataType: {
      CHARACTER: 'Character', NUMERIC: 'Numeric', CURRENCY: 'Currency', DATE: 'Date', DATETIME: 'Date-time', LOGICAL: 'Logical',
      MEMO: 'Memo', GENERAL: 'General', DOUBLE: 'Double', INTEGER: 'Integer', FLOAT: 'Float',
      text: 'Text', numeric: 'Number', int: 'Integer', float: 'Decimal', date: 'Date', timestamp: 'Date and time', bool: 'Yes/no'
    }
  },
  // apps and results, emergency data (OPN-6, OPN-7)
  opn: {
    apps: 'Apps and results', emergency: 'Emergency data', until: 'Flagged until {date}', cycle: 'Updated: {cycle}',
    feed: 'Follow its changes'
  }
}

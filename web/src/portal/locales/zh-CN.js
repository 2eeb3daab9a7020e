export default {
  site: { name: '公共数据开放平台' },
  nav: {
    label: '主导航', skip: '跳到主要内容', home: '首页', datasets: '数据目录', organizations: '开放部门',
    developers: '开发者', otherLanguage: 'English', breadcrumb: '当前位置', harvested: '其他平台数据'
  },
  harvested: {
    title: '其他平台的开放数据', intro: '从下级平台和其他开放数据目录采集的开放数据，只读展示；使用时请到来源平台获取并注明来源。',
    search: '按名称、摘要或提供部门查找', go: '查找', count: '共 {n} 个数据集', none: '暂无相符的数据集。',
    from: '来源：{source}', modified: '来源平台更新于 {day}', pages: '翻页', previous: '上一页', next: '下一页',
    page: '第 {n} 页，共 {of} 页'
  },
  footer: {
    about: '{platform}：政府部门依法向社会开放的公共数据。使用数据请注明来源和获取日期。',
    api: '开放接口说明', list: '全部数据清单（接口）'
  },
  common: { labelled: '{label}：{value}', separator: '、', loading: '正在加载…' },
  error: {
    network: '无法连接平台，请检查网络后重试。',
    general: '出现了问题：{message}'
  },
  copy: { done: '已复制', failed: '复制失败，请手动选择文字复制。' },
  pages: { label: '翻页', previous: '上一页', next: '下一页', number: '第 {n} 页', of: '第 {page} / {last} 页' },
  search: {
    label: '搜索开放数据', placeholder: '输入关键词，如：人口、企业、公交', submit: '搜索',
    title: '查找开放数据', titleFor: '“{q}”的搜索结果', filters: '筛选', found: '共找到 {n} 个数据集',
    facetCount: '{n} 个', sortLabel: '排序', activeFilters: '已选条件', removeFilter: '去掉条件：{filter} {value}',
    clearFilters: '清除全部条件', none: '没有找到符合条件的数据。可以换个关键词，或去掉一些筛选条件。',
    sort: { relevance: '相关度', newest: '最近更新', downloads: '下载最多' }
  },
  facet: {
    organization: '提供部门', groups: '主题', res_format: '数据格式', update_cycle: '更新周期', open_type: '开放方式'
  },
  home: {
    lead: '查找、预览和下载政府部门开放的数据，或通过接口直接调用。',
    counts: '数据概况',
    count: { datasets: '开放数据集', records: '数据条数', departments: '开放部门', downloads: '下载次数', apiCalls: '接口调用次数' },
    subjects: '按主题浏览', departments: '按部门浏览', allDepartments: '查看全部开放部门',
    datasetCount: '{n} 个数据集',
    newest: '最新开放', moreNewest: '查看更多最新数据', mostUsed: '最受欢迎', moreUsed: '查看更多热门数据',
    list: '开放清单', listHint: '平台开放的全部数据集，共 {n} 个。',
    listColumn: { title: '数据名称', department: '提供部门', openType: '开放方式', updateCycle: '更新周期', formats: '格式', updated: '最近更新' }
  },
  dataset: {
    missing: '没有找到这个数据集',
    missingHint: '它可能已停止开放，或地址有误。',
    backToSearch: '回到数据目录',
    onThisPage: '本页内容',
    facts: '基本信息',
    department: '提供部门', code: '资源代码', subjects: '主题', openType: '开放方式', updateCycle: '更新周期',
    lastUpdated: '最近更新', firstOpened: '首次开放', formats: '数据格式', tags: '关键词',
    records: '数据条数', views: '浏览次数', downloads: '下载次数', apiCalls: '接口调用次数',
    condition: '开放条件',
    conditionalIntro: '这是有条件开放的数据：符合下列条件、经提供部门同意后才能获取。',
    conditionUnstated: '提供部门尚未写明条件，请向提供部门咨询。',
    apply: '申请获取',
    applyNote: '在线申请将随公众账户一起开通，目前暂不能在线申请。',
    items: '数据项',
    item: { label: '名称', field: '字段', type: '类型', standard: '取值标准', desensitisation: '脱敏方式', withheld: '不公开' },
    preview: '数据预览',
    previewHint: '以下是前 {shown} 条数据（共 {total} 条）。涉及个人信息的内容已做脱敏处理。',
    noTable: '这个数据集没有可预览的数据表。',
    download: '下载数据',
    downloadCsv: '下载 CSV',
    downloadJson: '下载 JSON',
    downloadHint: '下载的是全部数据，与预览一样做了脱敏处理。CSV 文件为 UTF-8 编码，可直接用电子表格打开。',
    api: '接口调用',
    apiIntro: '用下面的命令即可取得这个数据集的数据，无需注册；每次最多取 1000 条，用 offset 翻页。',
    copyCurl: '复制命令',
    tryIt: '试一试',
    tryOutput: '接口返回的结果',
    moreApi: '更多接口说明',
    licence: '许可与使用协议',
    licenceDefault: '平台开放数据使用协议',
    agreement: {
      cite: '使用数据或基于数据形成的产品时，须注明数据来源和获取日期。',
      lawful: '只能在法律法规允许的范围内使用，不得损害国家利益、公共利益和他人合法权益。',
      noReidentify: '不得通过比对、关联等方式重新识别已脱敏的个人信息。',
      asIs: '数据按现状提供；发现数据有误，请联系提供部门。'
    },
    citation: '引用本数据',
    citationIntro: '在报告、论文、应用或其他数据产品中使用本数据时，请注明：',
    citationText: '来源：{department}，{platform}，获取日期 {date}',
    copyCitation: '复制引用'
  },
  organizations: {
    title: '开放部门', intro: '按提供部门查看平台上开放的数据。', filter: '按名称查找部门',
    count: '显示 {n} 个部门', none: '没有名称相符的部门。', missing: '没有找到这个部门', back: '回到开放部门',
    datasets: '开放的数据（{n} 个）', searchWithin: '在这个部门的数据中搜索或筛选', noDatasets: '这个部门暂时没有开放数据。'
  },
  developers: {
    title: '开发者：开放数据接口',
    intro: '平台提供与 CKAN 兼容的开放数据接口（Action API）：为 CKAN 编写的程序、采集工具和 ckanapi 客户端无需修改即可使用。',
    basics: '基本说明',
    basic: {
      address: '接口地址：{url} 后面加操作名，例如 package_search；GET 和 POST（JSON 或表单）均可。',
      anonymous: '无需注册和密钥，直接调用。',
      envelope: '返回 JSON：success 表示是否成功，result 是结果；出错时 error 说明原因（如“Not Found Error”）。',
      masked: '涉及个人信息的数据项在预览、查询和下载中都做了脱敏处理。',
      conditional: '有条件开放的数据只能查看说明，不能查询或下载其中的数据。',
      limits: '每次查询最多返回 1000 条（rows、limit），用 start、offset 翻页。',
      cite: '使用数据时请注明来源和获取日期（见每个数据集页面的“引用本数据”）。'
    },
    openapi: '平台接口描述（OpenAPI 3）',
    openapiHint: '开放数据接口在其中的“Open data”部分；可导入接口测试工具或生成客户端代码。',
    ckanDocs: 'CKAN 接口文档（英文）',
    ckanDocsHint: '各操作参数和返回格式的完整说明；本平台支持其中的只读操作。',
    actions: '可用的操作',
    action: '操作',
    answers: '作用',
    actionText: {
      status_show: '平台名称和接口版本',
      package_list: '全部开放数据集的名称',
      package_search: '搜索数据集：q 关键词（支持中文），fq 筛选，sort 排序，rows、start 翻页，facet.field 分面统计',
      package_show: '一个数据集的完整说明及其资源（id 或 name）',
      organization_list: '全部开放部门（all_fields=true 时带说明和数据集数）',
      organization_show: '一个部门的说明',
      group_list: '全部主题',
      group_show: '一个主题的说明',
      tag_list: '全部关键词',
      resource_show: '一个资源（数据表）的说明',
      datastore_search: '查询数据表中的记录：filters 精确筛选，q 全文，fields 字段，sort 排序，limit、offset 翻页',
      dump: '下载整张数据表（CSV 或 JSON）'
    },
    notSupported: '不支持写入类操作和 datastore_search_sql（会返回错误说明）。',
    curl: '用 curl 调用',
    example: {
      search: '搜索含“人口”的数据集',
      show: '查看一个数据集',
      records: '取数据表的前 5 条记录',
      filtered: '用 POST 和 JSON 翻页（第 101～200 条）',
      dump: '下载整张表为 CSV',
      harvest: '增量采集：取某个时间以后变化的数据集（含已停止开放的）'
    },
    python: '用 Python（ckanapi）调用',
    pythonIntro: 'ckanapi 是 CKAN 的官方 Python 客户端，可直接用于本平台：',
    copy: '复制'
  },
  notFound: { title: '没有找到这个页面', hint: '地址可能有误。可以搜索数据，或回到首页。', home: '回到首页' },
  code: {
    openType: { OPEN: '无条件开放', CONDITIONAL_OPEN: '有条件开放', NOT_OPEN: '不予开放' },
    updateCycle: {
      REALTIME: '实时', DAILY: '每日', WEEKLY: '每周', MONTHLY: '每月', QUARTERLY: '每季度', HALF_YEARLY: '每半年',
      YEARLY: '每年', OTHER: '其他'
    },
    dataType: {
      CHARACTER: '字符型', NUMERIC: '数值型', CURRENCY: '货币型', DATE: '日期型', DATETIME: '日期时间型', LOGICAL: '逻辑型',
      MEMO: '备注型', GENERAL: '通用型', DOUBLE: '双精度型', INTEGER: '整型', FLOAT: '浮点型',
      text: '文本', numeric: '数值', int: '整数', float: '小数', date: '日期', timestamp: '日期时间', bool: '是/否'
    }
  },
  // apps and results, emergency data (OPN-6, OPN-7)
  opn: {
    apps: '利用成果', emergency: '应急数据', until: '应急期至 {date}', cycle: '更新周期：{cycle}', feed: '订阅数据变化'
  }
}

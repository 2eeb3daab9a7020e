export default {
  app: { title: '政务数据资源平台', subtitle: '数据主管部门与政务部门控制台', language: 'English', logout: '退出登录' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', confirm: '确定', search: '查询', reset: '重置',
    actions: '操作', loading: '加载中…', empty: '暂无数据', yes: '是', no: '否', saved: '已保存', details: '详情',
    all: '全部', copy: '复制', copied: '已复制', close: '关闭', refresh: '刷新', reason: '变更原因'
  },
  menu: {
    home: '首页', regions: '行政区域', departments: '政务部门', users: '用户与角色', systems: '接入系统',
    policy: '政策配置', calendar: '工作日历', audit: '审计日志', account: '我的账户',
    catalog: '目录', catalogMine: '我的目录', catalogReview: '审核队列', catalogDuplicates: '重复目录',
    catalogObligations: '更新义务', catalogLeads: '牵头部门', catalogSearch: '目录检索', catalogLists: '开放/共享清单',
    lake: '归集', lakeDatasets: '我的数据集', lakeOverview: '归集总览', lakeSources: '权威数据源', lakeRepeated: '重复采集',
    lakeDiscrepancies: '数据不一致', lakeDeletions: '删除审批', lakePurchases: '采购备案',
    share: '共享', shareCatalog: '共享目录', shareApplications: '我的申请', shareGrants: '我的授权', shareInbox: '审批待办',
    shareGrantsGiven: '本部门授出', shareOverdue: '逾期申请', shareCoordinations: '协调申请', shareGrantsRegion: '全区授权', shareUsage: '使用记录',
    shareSubscriptions: '订阅推送',
    shareObjections: '疑义与复核', shareObjectionsOverdue: '逾期疑义'
  },
  login: {
    title: '登录', username: '用户名', password: '密码', totp: '动态口令', totpHint: '请输入身份验证器中的 6 位动态口令',
    submit: '登录', required: '请输入用户名和密码'
  },
  password: {
    title: '修改密码', mustChange: '首次登录或密码已过期，请先修改密码。', current: '当前密码', next: '新密码',
    repeat: '确认新密码', mismatch: '两次输入的新密码不一致', changed: '密码已修改',
    rules: '至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不含登录名。'
  },
  totp: {
    title: '双因素认证（TOTP）', enabled: '已启用', disabled: '未启用', setup: '设置身份验证器',
    secret: '密钥', uri: '配置链接', code: '验证码', confirm: '确认启用', done: '双因素认证已启用，下次登录需输入动态口令。',
    help: '在身份验证器应用中添加账户（扫描或手动输入密钥），然后输入其显示的 6 位验证码。'
  },
  home: {
    welcome: '欢迎，{name}', department: '所属部门', roles: '角色', policy: '当前政策配置', regulation: '依据',
    shareReply: '有条件共享申请答复期限', catalogUpdate: '目录更新期限', approver: '共享申请审批方',
    workingDays: '{n} 个工作日', inTime: '及时（未规定具体期限）', authority: '数据主管部门'
  },
  roles: {
    CATALOG_EDITOR: '目录编目员', DATA_PROVIDER: '数据提供者', SHARE_APPROVER: '共享审批人', DATA_USER: '数据使用者',
    DEPARTMENT_ADMIN: '部门管理员', SYSTEM_ADMIN: '系统管理员', SECURITY_ADMIN: '安全管理员', AUDIT_ADMIN: '审计管理员',
    CATALOG_REVIEWER: '目录审核员', MONITORING: '运行监控'
  },
  approver: { PROVIDER: '数据提供部门', AUTHORITY: '数据主管部门', PROVIDER_THEN_AUTHORITY: '提供部门后主管部门' },
  regions: {
    title: '行政区域', create: '新增区域', divisionCode: '行政区划代码', name: '名称', level: '层级', parent: '上级区域',
    authority: '数据主管部门', province: '省', city: '市', county: '县（区）', pick: '选择行政区划',
    levels: { PROVINCE: '省级', CITY: '市级', COUNTY: '县级' }
  },
  departments: {
    title: '政务部门', create: '新增部门', name: '部门名称', creditCode: '统一社会信用代码', type: '单位类型',
    parent: '上级部门', region: '所属区域', authority: '数据主管部门', authorityFlag: '是本区域的数据主管部门',
    types: { ADMINISTRATIVE_ORGAN: '行政机关', AUTHORISED_INSTITUTION: '法律法规授权组织', PUBLIC_SERVICE_ENTERPRISE: '公共服务企业' },
    roster: '数据管理名册', rosterHistory: '名册变更历史', leader: '分管领导', manager: '日常管理员', contacts: '联系人',
    personName: '姓名', personTitle: '职务', phone: '电话', email: '邮箱', addContact: '添加联系人', version: '版本',
    changedAt: '变更时间', changedBy: '变更人', noRoster: '尚未报备名册', editRoster: '报备 / 变更名册', remove: '删除'
  },
  users: {
    title: '用户与角色', create: '新增用户', username: '登录名', usernameHint: '2–64 个字母、数字或 . _ -', displayName: '姓名', department: '所属部门',
    roles: '角色', enabled: '启用', locked: '锁定', totp: '双因素', initialPassword: '初始密码',
    unlock: '解锁', resetPassword: '重置密码', newPassword: '新密码', unlocked: '已解锁', reset: '密码已重置，用户下次登录需修改',
    separation: '系统管理员、安全管理员、审计管理员三种角色不得兼任，且仅限数据主管部门用户。'
  },
  systems: {
    title: '接入系统', create: '登记接入系统', name: '系统名称', description: '说明', department: '所属部门',
    clientId: '客户端标识（client_id）', status: '状态', evaluation: '等保测评', level: '等保级别', agency: '测评机构',
    reportNumber: '测评报告编号', evaluatedOn: '测评日期', validUntil: '有效期至', secretTitle: '客户端密钥（仅显示一次）',
    secretHint: '请立即复制并妥善保存，关闭后无法再次查看。系统通过 OAuth2 客户端凭证方式在 /oauth2/token 获取访问令牌。',
    rotate: '重置密钥', revoke: '吊销', revokeConfirm: '吊销后该系统将立即无法访问平台，确定吊销？',
    statuses: { ACTIVE: '正常', REVOKED: '已吊销' }, levelN: '第{n}级'
  },
  policy: {
    title: '政策配置', region: '适用地区', regulation: '依据文件', catalogUpdate: '目录更新',
    catalogDays: '触发事项后更新期限', reportDays: '向主管部门报送期限', share: '共享', approver: '有条件共享申请审批方',
    replyDays: '答复期限', shareTypes: '共享类型名称', open: '开放', openTypes: '开放类型', openReply: '开放申请答复期限',
    applicants: '可申请主体', objection: '数据疑义复核', route: '受理方', objectionDays: '复核期限', extension: '可延长',
    demand: '开放需求', demandReply: '答复期限', demandReview: '异议复核期限', days: '{n} 日', basis: '条款',
    notApplicable: '本地区文件未作规定', applicantKinds: { ANYONE: '自然人、法人和非法人组织', DOMESTIC_ENTERPRISES_UNIVERSITIES_RESEARCH: '境内控股企业、高校和科研院所' },
    routes: { PROVIDER: '数据提供部门', AUTHORITY: '数据主管部门' }
  },
  calendar: {
    title: '工作日历', calculator: '期限计算', from: '起算日（事件发生日，不计入）', workingDays: '工作日数',
    compute: '计算', due: '到期日', skipped: '跳过的非工作日', weekend: '周末', holiday: '法定节假日',
    makeup: '调休上班', year: '年份', yearView: '年度安排', known: '已公布', unknown: '未公布',
    entered: '由主管部门录入', shipped: '随平台提供', workingCount: '全年工作日 {n} 天',
    edit: '录入 / 更正年度安排', source: '依据（通知文号）', date: '日期', offDay: '放假', name: '名称', addDay: '添加日期',
    editHint: '录入后将整体替换该年度随平台提供的安排。放假日填“放假”，调休上班的周末填“上班”。',
    kinds: { WORKDAY: '工作日', WEEKEND: '周末', HOLIDAY: '节假日', MAKEUP_WORKDAY: '调休上班' },
    weekdays: ['一', '二', '三', '四', '五', '六', '日'], month: '{m} 月'
  },
  workbench: {
    title: '待办事项', count: '{n} 项待办', overdueCount: '{n} 项已逾期', empty: '暂无待办事项', kind: '事项', item: '内容',
    dueOn: '办理期限', left: '剩余工作日', handle: '办理', noDeadline: '无期限', daysLeft: '剩 {n} 个工作日',
    overdue: '已逾期 {n} 个工作日',
    kinds: {
      catalog_review: '待审核目录', share_decide: '待审批共享申请', share_objection: '待核实疑义', catalog_obligation: '目录更新义务',
      lake_delivery: '数据归集报送', lake_regionDelivery: '本区域归集报送', share_renew: '授权即将到期'
    }
  },
  confirm: {
    publish: '发布后，「{name}」将在本区域目录中公开，各部门可据此申请共享；发布不能撤回，只能停用。确定发布吗？',
    submitApplication: '提交后，申请将送{provider}审批，审批期间不能修改（可以撤回）。确定提交吗？'
  },
  applyForShare: { apply: '申请共享', request: '获取数据', held: '已获授权（{period}）' },
  audit: {
    actionHint: '选择或输入关键词',
    title: '审计日志', from: '开始日期', to: '结束日期', actor: '操作人', department: '部门编号', action: '操作',
    objectType: '对象类型', objectId: '对象编号', outcome: '结果', time: '时间', client: '客户端地址', detail: '经过', recorded: '原始记录',
    export: '导出 CSV', verify: '校验完整性', intact: '审计日志完整，未发现篡改', broken: '发现篡改：第 {id} 条起链条断裂',
    brokenOther: '发现问题：{reason}', entries: '已校验 {n} 条记录、{c} 个签名检查点', publicKey: '检查点签名公钥（SM2）',
    outcomes: { SUCCESS: '成功', FAILURE: '失败' }, hash: '哈希（SM3）'
  },
  catalog: {
    notAvailable: '该功能暂未开放，请稍后再试。',
    category: { BASE: '基础信息资源', THEMATIC: '主题信息资源', DEPARTMENT: '部门信息资源' },
    classification: { item: '项（2位）', target: '目（3位）', detail: '细目（3位）' },
    state: { DRAFT: '草稿', SUBMITTED: '待审核', RETURNED: '已退回', PUBLISHED: '已发布', SUPERSEDED: '已替代', RETIRED: '已停用' },
    format: {
      ELECTRONIC_FILE: '电子文件', SPREADSHEET: '电子表格', DATABASE: '数据库', IMAGE: '图形图像', STREAMING_MEDIA: '流媒体',
      SELF_DESCRIBING: '自描述格式', SERVICE_INTERFACE: '服务接口', OTHER: '其他'
    },
    dataType: {
      CHARACTER: '字符型', NUMERIC: '数值型', CURRENCY: '货币型', DATE: '日期型', DATETIME: '日期时间型', LOGICAL: '逻辑型',
      MEMO: '备注型', GENERAL: '通用型', DOUBLE: '双精度型', INTEGER: '整型', FLOAT: '浮点型'
    },
    shareType: { UNCONDITIONAL: '无条件共享', CONDITIONAL: '有条件共享', NOT_SHARED: '不予共享' },
    openType: { OPEN: '无条件开放', CONDITIONAL_OPEN: '有条件开放', NOT_OPEN: '不予开放' },
    shareMethod: {
      PLATFORM_TABLE: '共享平台（库表）', PLATFORM_INTERFACE: '共享平台（接口）', PLATFORM_FILE: '共享平台（文件）',
      MAIL: '邮件', MEDIUM: '介质（光盘、移动存储）'
    },
    updateCycle: {
      REALTIME: '实时', DAILY: '每日', WEEKLY: '每周', MONTHLY: '每月', QUARTERLY: '每季度', HALF_YEARLY: '每半年', YEARLY: '每年', OTHER: '其他'
    },
    sensitivity: { NONE: '不涉及', PERSONAL_INFORMATION: '个人信息', COMMERCIAL_SECRET: '商业秘密', SENSITIVE_PERSONAL_INFORMATION: '敏感个人信息' },
    grade: { GENERAL: '一般数据', IMPORTANT: '重要数据', CORE: '核心数据' },
    basisKind: { LAW: '法律', REGULATION: '行政法规或地方性法规', RULE: '规章', CENTRAL_POLICY: '党中央、国务院政策文件' },
    trigger: { LAW_CHANGED: '法律法规变化', DUTIES_CHANGED: '部门职责调整', SYSTEM_UPDATED: '信息系统更新', OTHER: '其他情形' },
    basis: { kind: '依据类别', title: '文件名称', article: '条款' },
    field: {
      resourceCode: '信息资源代码', name: '信息资源名称', classification: '资源分类', category: '类别', summary: '信息资源摘要',
      format: '信息资源格式', subFormat: '子格式', releaseDate: '发布日期', relatedCodes: '关联资源代码', classified: '涉密属性',
      dataItems: '信息项', shareType: '共享类型', shareCondition: '共享条件', shareMethod: '共享方式', applicantMaterials: '申请材料',
      shareBasis: '共享限制依据', openType: '开放类型', openCondition: '开放条件', openBasis: '不予开放依据', updateCycle: '更新周期',
      parentCode: '上级目录资源代码', changeNote: '变更说明', department: '提供部门', content: '条目内容', comment: '审核意见',
      reason: '停用原因', revision: '修订号', trigger: '触发事项', triggerDate: '触发日期', description: '事项说明',
      entryId: '目录条目', departmentId: '部门', grade: '数据分级'
    },
    item: {
      name: '信息项标识', chineseName: '信息项名称', type: '数据类型', length: '长度', required: '必填', recordKey: '主键',
      valueStandard: '取值标准', standardHint: '如 GB 11643', sensitivity: '敏感属性', grade: '数据分级', add: '添加信息项', remove: '删除', none: '尚无信息项，请添加'
    },
    rules: { title: '条目不符合要求，请按提示修改：', count: '条目有 {n} 处不符合要求，请按提示修改：', itemLocation: '信息项第 {row} 行 · {field}' },
    workbench: {
      title: '我的目录', new: '新建条目', import: '导入 Excel', template: '下载模板', export: '导出本部门目录',
      exportSelected: '导出所选（{n}）', obligations: '待完成的目录更新', allObligations: '全部更新义务', filter: '按代码或名称筛选',
      empty: '本部门尚无目录条目', state: '状态', changed: '最近处理', view: '查看', inForce: '现行 v{v}'
    },
    editor: {
      title: '编辑目录条目', newTitle: '新建目录条目', back: '返回', submit: '提交审核', withdraw: '撤回', retire: '停用',
      basic: '基本信息', sharing: '共享属性', opening: '开放属性', dataItems: '信息项',
      pickClassification: '选择类别与主题', departmentHint: '部门信息资源：项、目、细目按本部门职能自行编码（项 2 位，目、细目各 3 位）。',
      leadHint: '基础、主题信息资源只能由主管部门指定的牵头部门编目。', classificationRequired: '请选择资源分类',
      itemDigits: '项须为 2 位数字', targetDigits: '目须为 3 位数字', detailDigits: '细目须为 3 位数字，且须先填写目',
      nameRequired: '请填写信息资源名称', parentHint: '实施上级目录条目时填写其资源代码', tagHint: '输入后按回车添加',
      materialsHint: '每项材料输入后按回车添加', classifiedYes: '涉密', classifiedNo: '非涉密',
      classifiedHint: '涉密数据不得在平台编目或处理。',
      gradeHint: '按《数据安全技术 数据分类分级规则》（GB/T 43697-2024）定级：一般数据可按共享、开放类型使用；重要数据不得无条件共享或无条件开放，批量交换和推送须经审批；核心数据不得无条件共享、不得开放，也不得批量交换、推送或下载。不选时按信息项中最高的分级。重要、核心信息项和敏感个人信息默认整项脱敏。', classifiedRefused: '涉密数据将被平台拒绝：请勿在本平台编目涉密数据。',
      basisHint: '有条件共享、不予共享须注明法律、行政法规、规章或党中央、国务院政策文件依据。',
      baseShare: '按本地区规定（{basis}），基础信息资源应无条件共享。',
      noOpenData: '本地区政策未规定公共数据开放，条目一律为“不予开放”。', changeNoteHint: '说明本次修改的内容和原因（可选）',
      returned: '审核退回，请按意见修改后重新提交', submitted: '已提交审核；如需修改，请先撤回。',
      newVersion: '该条目已发布。保存修改将生成新版本 v{v}，经审核发布后替换现行版本。',
      notMine: '您不是该条目所属部门的编目员，只能查看。', retired: '该条目已停用：{reason}', conflictTitle: '保存冲突',
      reload: '重新加载', keepEditing: '继续编辑', submittedOk: '已提交审核', withdrawn: '已撤回，可继续修改',
      retireHint: '停用后条目退出已发布目录，保留全部版本，资源代码不再复用。请填写停用原因：', reasonRequired: '请填写原因',
      retiredOk: '条目已停用', unsaved: '有未保存的修改，确定离开？'
    },
    versions: {
      title: '版本与比较', short: '版本', created: '创建', submitted: '提交', reviewed: '审核', compare: '比较版本',
      show: '比较', onlyOne: '仅有一个版本，暂无可比较的内容。', pick: '选择两个版本进行比较。'
    },
    diff: {
      same: '两个版本内容相同', fields: '字段变化', items: '信息项变化', noFields: '字段无变化', noItems: '信息项无变化',
      field: '字段', before: '原值（v{v}）', after: '新值（v{v}）', kind: '变化', changes: '变化内容',
      kinds: { ADDED: '新增', REMOVED: '删除', CHANGED: '修改' }
    },
    review: {
      title: '审核队列', empty: '暂无待审核的条目', kind: '类型', first: '首次发布', change: '变更 v{from}→v{to}', open: '审核',
      entryTitle: '审核目录条目', return: '退回修改', publish: '审核通过并发布', comment: '审核意见',
      commentHint: '请写明需修改的内容，编目员将看到此意见', consent: '同意作为本级特有目录发布',
      localTitle: '本级特有目录', diffTab: '与现行版本比较（v{from}→v{to}）', contentTab: '提交内容（v{v}）',
      notPending: '该条目当前为“{state}”，无需审核。', published: '条目已发布', returned: '条目已退回修改'
    },
    duplicates: {
      title: '重复目录', hint: '提交审核时，平台将名称相近或信息项重合的其他部门条目标记为疑似重复；请指定采集部门或排除。',
      empty: '暂无疑似重复的条目', entry: '提交的条目', other: '疑似重复的条目', nameSimilarity: '名称相似度',
      itemOverlap: '信息项重合度', detected: '发现时间', decision: '处理结果', designate: '指定采集部门', dismiss: '排除',
      designateHint: '同一数据只由一个部门采集。请选择负责采集的部门：', note: '说明（可选）', masked: '个人信息，值已脱敏',
      dismissHint: '确认两个条目描述的是不同数据？可填写说明：', collector: '采集部门',
      statuses: { OPEN: '待处理', RESOLVED: '已指定', DISMISSED: '已排除' }
    },
    obligations: {
      title: '目录更新义务', region: '本区域全部部门', openOnly: '只看未完成', record: '登记触发事项', trigger: '触发事项',
      triggerDate: '触发日期', description: '事项说明', entry: '涉及条目', wholeCatalog: '整个部门目录', due: '更新期限',
      dueOn: '{date} 前完成', reportDue: '报送期限', status: '状态', recorded: '登记', overdue: '已逾期', late: '逾期完成',
      inTime: '及时', statuses: { OPEN: '待更新', SUBMITTED: '已提交', FULFILLED: '已完成' },
      rule: '法律法规变化或部门职责调整后，应在 {days}内更新目录{report}（依据：{basis}）。',
      reportRule: '，并在 {n} 个工作日内报送主管部门'
    },
    leads: {
      title: '牵头部门', hint: '基础信息资源和主题信息资源由主管部门指定的牵头部门编目和维护。', subject: '主题',
      department: '牵头部门', designated: '指定', designate: '指定', none: '尚未指定', done: '已指定“{subject}”的牵头部门'
    },
    search: {
      title: '目录检索', placeholder: '输入资源名称、摘要、信息项或资源代码', total: '共 {n} 条', none: '没有符合条件的目录条目',
      unavailable: '目录检索服务暂未开放，请稍后再试。',
      facet: {
        departmentId: '提供部门', category: '资源类别', subject: '主题', shareType: '共享类型', openType: '开放类型',
        format: '资源格式', updateCycle: '更新周期'
      }
    },
    detail: {
      title: '目录条目详情', version: '现行版本 v{v}', export: '导出 Excel', publishedAt: '发布时间', creditCode: '部门统一社会信用代码',
      unpublished: '该条目尚未发布，以下为工作版本。', newer: '该条目有新版本 v{v}（{state}），以下为现行发布版本。',
      otherDepartment: '另一部门'
    },
    lists: {
      title: '开放/共享清单', open: '开放清单', share: '共享清单', csv: '导出 CSV', condition: '条件',
      unavailable: '清单服务暂未开放，请稍后再试。'
    },
    import: {
      title: '导入目录（Excel）', hint: '请使用平台提供的模板填写，每行一个条目；任何一行不符合要求时整个文件不导入。',
      drop: '将 .xlsx 文件拖到此处，或点击选择', only: '仅支持 .xlsx 格式', submitAfter: '导入后直接提交审核',
      upload: '开始导入', done: '已导入 {n} 个条目', nothing: '未导入任何数据', location: '位置', message: '问题'
    }
  },
  lake: {
    rule: {
      REQUIRED: '必填项为空', TYPE: '数据类型不符', LENGTH: '超过长度', ID_NUMBER_FORMAT: '身份证号码格式错误',
      ID_NUMBER_CHECK_DIGIT: '身份证号码校验码错误', ID_NUMBER_BIRTH_DATE: '身份证号码出生日期无效',
      ID_NUMBER_REGION: '身份证号码地址码无效', ID_NUMBER_LEGACY: '15 位旧身份证号码', CREDIT_CODE: '统一社会信用代码无效',
      DIVISION_CODE: '行政区划代码无效', MOBILE: '手机号码无效', EMAIL: '电子邮箱无效', CODE_LIST: '不在代码表中',
      RANGE: '超出取值范围', PATTERN: '不符合格式要求', CROSS_ITEM: '与其他信息项矛盾', DUPLICATE_KEY: '主键重复'
    },
    status: { RUNNING: '进行中', APPLIED: '已入库', REFUSED: '已拒收', FAILED: '失败', CANCELLED: '已取消', HELD: '已暂扣', DISCARDED: '已销毁' },
    mode: { UPSERT: '增量更新', REPLACE: '全量替换', DELETE: '删除申请' },
    format: { CSV: 'CSV', XLSX: 'Excel（XLSX）', JSON_LINES: 'JSON Lines' },
    field: {
      resourceCode: '信息资源代码', name: '数据集名称', recordCount: '记录数', lastSuccessAt: '最近成功归集',
      schemaVersion: '目录版本', tableName: '数据表', department: '提供部门'
    },
    datasets: {
      title: '我的数据集', create: '新建数据集', empty: '本部门尚无数据集，请从已发布的目录条目新建', never: '尚未归集',
      createHint: '每个已发布且设有主键的目录条目可建立一个数据集，字段按条目的信息项生成。', pickEntry: '选择本部门已发布的目录条目',
      noCandidates: '没有可建数据集的条目（须已发布、设有主键且尚无数据集）', keyless: '以下条目未设主键，不能建数据集：{names}'
    },
    dataset: {
      back: '返回', columns: '字段', item: '信息项标识', chineseName: '信息项名称', column: '列名', recordKey: '主键',
      retired: '已停用', batches: '归集批次', records: '记录查询', quality: '质量趋势', rules: '扩展规则', cycle: '更新周期',
      deletions: '删除申请', discrepancies: '数据不一致'
    },
    upload: {
      title: '上传数据', drop: '将文件拖到此处，或点击选择', formats: '支持 CSV、Excel（.xlsx）、JSON Lines；首行（首个对象）为列名，可用信息项标识或中文名称',
      format: '文件格式', auto: '自动（按文件扩展名）', encoding: '字符编码', autoEncoding: '自动识别', mode: '归集方式',
      modeHint: {
        UPSERT: '文件中的记录按主键新增或更新，文件中没有的记录保持不变。',
        REPLACE: '以文件为准替换全部数据：文件中没有的记录将被删除。'
      },
      replaceWarning: '全量替换将删除现有数据中文件里没有的全部记录（删除前的状态保留在历史中，可按时间点查询）。',
      confirmReplace: '我已了解，确认全量替换', acceptValid: '接收有效行', acceptValidOn: '有效行入库，其余行拒收并列入质量报告。',
      acceptValidOff: '任何一行不合格则整批不入库。', start: '开始上传'
    },
    progress: {
      title: '批次 #{id}', read: '已读取', accepted: '已接收', rejected: '已拒收', rate: '速度', perSecond: '{n} 行/秒',
      elapsed: '已用时间', left: '剩余时间', unknown: '估算中', applying: '正在入库', cancel: '取消批次', seconds: '{s} 秒', minutes: '{m} 分 {s} 秒'
    },
    report: {
      title: '质量报告', tombstoned: '删除的记录', startedAt: '开始时间', finishedAt: '结束时间', byRule: '按规则统计的问题',
      downloadRejected: '下载被拒收的行（可改正后重传）', validNotLoaded: '合格 {n} 行（未入库：整批被拒）', encodingOfFormat: '按文件自身', rejectedHint: '文件内是您上传的原始行（原列名），另加一列“未入库原因”。改正后可直接重新上传该文件。', rule: '规则', count: '行数', sample: '问题示例（前 {n} 条）', row: '行号',
      item: '信息项', reason: '原因', applied: '已入库 {accepted} 行，全部合格。',
      appliedPartly: '有效行已入库：接收 {accepted} 行，拒收 {rejected} 行。', refused: '有 {rejected} 行不合格，整批未入库。',
      failed: '批次处理失败，数据未变化。', cancelled: '批次已取消，数据未变化。',
      held: '文件中发现密级标志，批次已暂扣，未入库任何数据，等待本部门安全负责人处理。',
      heldWhere: '第 {row} 行“{item}”中出现“{marking}”。涉密数据不得在平台处理。',
      discarded: '批次已按涉密数据销毁，未入库任何数据。',
      decided: '{by} 的处理意见：{reason}',
      release: '确认非涉密，放行', discard: '销毁批次', releaseReason: '请说明为何不属于涉密数据（必填）'
    },
    batches: { empty: '尚无归集批次', file: '文件', status: '状态', open: '查看报告' },
    records: {
      key: '按主键查询（{items}）', asOf: '查询某一时刻（北京时间）的状态', empty: '没有记录', validFrom: '生效时间', batch: '批次',
      total: '共 {n} 条记录', totalAsOf: '{time} 时共 {n} 条记录'
    },
    decision: { title: '决定', decide: '审批', noteRequired: '选择此项须填写理由。' },
    deletion: {
      title: '删除审批', queueHintAuthority: '本区域各部门的数据删除申请，批准后记录在历史中留痕删除', queueHintDepartment: '本部门的数据删除申请，由部门负责人审批',
      hint: '湖中数据不能直接删除：由本部门数据提供人提出申请并说明理由，经部门负责人或数据主管部门批准后删除（历史中留痕）。',
      new: '申请删除记录', requestThis: '申请删除', keys: '要删除的记录主键（{items}）', keysHint: '每行一个主键值，例如身份证号码',
      keysHintComposite: '每行一条记录，主键各项之间用制表符（可从表格复制）或逗号分隔', keyCountTyped: '共 {n} 条记录',
      reason: '删除理由', approvalNeeded: '提交后须经部门负责人或数据主管部门批准才会删除；申请人不能审批自己的申请。', submit: '提交申请',
      filed: '已提交删除申请，等待审批', empty: '尚无删除申请', emptyPending: '没有待审批的删除申请', records: '记录',
      keyCount: '{n} 条记录', requested: '申请人', tombstoned: '已删除 {n} 条（批次 #{batch}）', ownRequest: '本人申请',
      decideTitle: '审批删除申请 #{id}', decideHint: '申请删除 {n} 条记录，理由：', decisionReason: '审批意见（驳回时必填）',
      approve: '批准：删除这些记录（历史中保留）', reject: '驳回：不删除',
      statuses: { PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回' }
    },
    cycle: {
      updateCycle: '更新周期', agreedDays: '约定周期', days: '{n} 天', daysUnit: '天', agreed: '约定 {n} 天', none: '无（按目录更新周期）',
      dueOn: '下次应归集', noDue: '无截止日', state: '归集状态', overdue: '已逾期', onTime: '按时',
      exceptions: '周期例外', hint: '数据无法按目录的更新周期归集时，由提供部门申报可以保证的周期，经数据主管部门认可后以此为准。',
      new: '申报周期例外', empty: '尚无周期例外申报', reason: '原因', filed: '申报人', submit: '提交申报', filedMessage: '已提交周期例外申报',
      decideTitle: '审核周期例外', decideHint: '申报按 {n} 天归集，原因：', accept: '认可：以约定周期为准', reject: '不予认可：仍按目录更新周期',
      dialogTitle: '周期例外：{name}', statuses: { FILED: '待审核', ACCEPTED: '已认可', REJECTED: '不予认可' }
    },
    rules: {
      hint: '在目录信息项已有规则之外，为数据项增加代码表、取值范围或格式要求；此后每次归集都按其校验。规则只能停用，不能删除。',
      new: '新增扩展规则', empty: '尚无扩展规则', kind: '规则类型', params: '规则内容', description: '说明', created: '添加人',
      active: '生效中', retired: '已停用', retire: '停用', retireConfirm: '停用规则“{description}”后，此后的归集不再按其校验。确定停用？',
      retiredMessage: '规则已停用', added: '已新增扩展规则',
      values: '代码值', valuesHint: '每行一个代码值，或用逗号分隔', min: '下限', max: '上限', numberHint: '数值，留空表示不限',
      dateHint: '日期，如 2000-01-01，留空表示不限', pattern: '正则表达式', patternHint: '整个值须匹配，例如 ^[0-9]+$',
      descriptionHint: '向数据提供人说明这条规则，如“婚姻状况代码”',
      kinds: { CODE_LIST: '代码表', NUMBER_RANGE: '数值范围', DATE_RANGE: '日期范围', PATTERN: '格式（正则）' }
    },
    quality: {
      hint: '每次归集（文件或实时推送）的完整性、有效性、唯一性、及时性，及四项平均的综合得分，按时间先后。',
      empty: '尚无归集质量记录', kind: '方式', at: '完成时间', completeness: '完整性', validity: '有效性', uniqueness: '唯一性',
      timeliness: '及时性', overall: '综合得分', chartLabel: '质量趋势图：各次归集的四项质量指标及综合得分（百分比），按时间先后',
      kinds: { FILE: '文件上传', PUSH: '实时推送', DELETION: '删除申请', CORRECTION: '疑义更正' }
    },
    discrepancy: {
      title: '数据不一致', hintAuthority: '本区域不同部门对同一对象登记的不同值', hintDepartment: '本部门与其他部门对同一对象登记的不同值',
      datasetHint: '本数据集与其他部门数据集对同一对象登记的不同值；值错误的一方在下次归集时更正。',
      scan: '全区比对', scanned: '已比对 {datasets} 个数据集的 {comparisons} 组信息项：新发现 {found} 条，关闭 {closed} 条；新发现的须在 {dueOn} 前处理。',
      filter: '按信息项、部门或数据集筛选', empty: '没有数据不一致', emptyOpen: '没有待处理的数据不一致',
      item: '信息项', entity: '对象（主键）', side: { a: '一方', b: '另一方' }, dataset: '数据集 #{id}', dueOn: '处理期限', found: '发现于 {time}',
      closedHint: '{time} 两方数据已一致，自动关闭', settle: '协商确认', settleTitle: '协商确认数据不一致', decideTitle: '裁定数据不一致',
      resolveHint: '信息项“{item}”的两个值不同，请确认：', settleHint: '由本部门确认（协商一致）；值错误的部门应在下次归集时更正。',
      decideHint: '由数据主管部门裁定；值错误的部门应在下次归集时更正。', note: '说明（可选）', masked: '个人信息，值已脱敏',
      correct: '{department} 的值正确', bothValid: '两个值均有效（合理差异）',
      statuses: { OPEN: '待处理', SETTLED: '已协商', DECIDED: '已裁定', CLOSED: '已关闭' }
    },
    purchase: {
      title: '采购备案', hintAuthority: '本区域各部门采购社会数据的备案', hintDepartment: '采购社会数据前向数据主管部门备案',
      new: '新增采购备案', empty: '尚无采购备案', supplier: '供应商', description: '采购内容与用途', items: '拟采购的信息项',
      descriptionHint: '采购什么数据、用于什么业务', itemsHint: '信息项中文名称，每行一个或用逗号分隔，如：企业名称、统一社会信用代码',
      checkHint: '提交后平台会核对已发布目录中是否已有这些信息项，避免重复采购。', submit: '提交备案',
      alreadyHeld: '平台已有', nothingHeld: '平台尚无这些信息项', heldWarning: '已有 {n} 个已发布目录条目包含其中部分信息项，请先考虑共享获取。',
      answerTitle: '备案已提交', filed: '备案人', decideTitle: '审核采购备案', approve: '同意采购', reject: '不同意（须说明理由）',
      statuses: { FILED: '待审核', APPROVED: '已同意', REJECTED: '不同意' }
    },
    sources: {
      title: '权威数据源', hint: '一数一源：每个基础数据项由哪个部门作为权威来源',
      edit: '编辑指定', editHint: '保存时以此列表整体替换本区域的指定；其他部门的数据集若采集了指定给别的部门的数据项，将被标记为重复采集。',
      add: '添加数据项', remove: '移除', empty: '本区域尚未指定权威数据源', emptyEditing: '列表为空：保存将撤销全部指定',
      element: '数据项', elementHint: '如：公民身份号码、姓名', standard: '数据标准', standardHint: '如 GB 11643，无则留空',
      subject: '所属基础资源', department: '权威来源部门', pickDepartment: '选择部门', openFlags: '待处理重复采集', designated: '指定人'
    },
    repeated: {
      title: '重复采集', hint: '采集了由其他部门作为权威来源的数据项的数据集（不阻止归集，由数据主管部门决定）',
      column: '一数一源', flag: '重复采集“{element}”（权威来源：{department}）', empty: '没有重复采集', emptyOpen: '没有待处理的重复采集',
      found: '发现时间', decideTitle: '处理重复采集', decideHint: '信息项“{item}”采集了“{element}”，其权威来源为 {department}。',
      allow: '允许采集（如法定职责要求）', shareInstead: '改为从权威来源共享获取',
      statuses: { OPEN: '待处理', ALLOWED: '已允许', SHARE_INSTEAD: '改为共享', LAPSED: '已失效' }
    },
    overview: {
      title: '归集总览', hint: '本区域各部门的数据集、更新周期与周期例外', filter: '按部门、代码或名称筛选', empty: '本区域尚无数据集',
      overdueOnly: '只看逾期'
    }
  },
  share: {
    back: '返回',
    way: { VERIFICATION: '比对验证', QUERY: '检索查询', EXCHANGE: '数据交换', SUBSCRIPTION: '主动推送' },
    status: { DRAFT: '草稿', PENDING: '待审批', APPROVED: '已批准', REFUSED: '已拒绝', COORDINATION: '协调中', WITHDRAWN: '已撤回' },
    grantStatus: { ACTIVE: '有效', SCHEDULED: '未生效', EXPIRED: '已过期', REVOKED: '已撤销' },
    availability: {
      OWN: '本部门提供', IN_USE: '已获授权', APPLIED: '已申请', AVAILABLE_ON_REQUEST: '可直接获取',
      APPLICATION_REQUIRED: '需提交申请', COORDINATION_ONLY: '仅可申请协调'
    },
    stage: { PROVIDER: '提供部门审批', AUTHORITY: '数据主管部门审批' },
    origin: { UNCONDITIONAL: '无条件共享', APPROVAL: '审批', COORDINATION: '协调' },
    op: { EQUALS: '等于', PREFIX: '开头为' },
    event: {
      SUBMITTED: '提交申请', ROUTED: '送审', REMINDER: '临期提醒', OVERDUE: '已逾期', APPROVED: '批准', NARROWED: '缩小范围批准',
      REFUSED: '拒绝', WITHDRAWN: '撤回', COORDINATION_REQUESTED: '申请协调', COORDINATION_NOTE: '协调记录', COORDINATED: '协调决定',
      GRANT_ISSUED: '授权生效', GRANT_REVOKED: '授权撤销', GRANT_EXPIRED: '授权到期', RENEWAL_STARTED: '发起续期'
    },
    field: {
      resourceCode: '信息资源代码', entry: '信息资源', provider: '提供部门', applicant: '申请部门', consumer: '使用部门',
      shareType: '共享类型', shareCondition: '共享条件', availability: '本部门可用情况', items: '信息项', rowFilter: '记录范围',
      purpose: '用途', useScenario: '使用场景', legalDuty: '法定职责', period: '使用期限', ways: '使用方式', systems: '使用系统',
      materials: '申请材料', negotiation: '与提供部门的协商情况', status: '状态', stage: '审批环节', dueOn: '答复期限',
      noDue: '未规定期限', overdue: '已逾期', dueSoon: '即将到期', submittedAt: '提交时间', decided: '决定', validity: '有效期',
      approvedBy: '批准人', limits: '限额', rateLimit: '调用频率上限', dailyQuota: '每日记录上限', perSecond: '{n} 次/秒',
      perDay: '{n} 条/日', openEnded: '自 {from} 起，长期'
    },
    rowFilter: {
      none: '全部记录', item: '信息项', values: '取值，多个用逗号分隔', add: '添加条件', remove: '删除',
      hint: '各条件须同时满足；不加条件即全部记录',
      condition: { EQUALS: '{item} 为 {values}', PREFIX: '{item} 以 {values} 开头' }
    },
    catalog: {
      title: '共享目录', hint: '本区域已发布的目录及本部门的使用情况', allDepartments: '全部提供部门', empty: '没有符合条件的目录',
      request: '获取数据', apply: '提交共享申请', coordinate: '申请协调', grantLine: '{ways}，{period}', applicationLine: '申请 #{id}（{status}）'
    },
    request: {
      title: '获取无条件共享数据', hint: '无条件共享的数据提交用途和使用方式后即可获得授权。', submit: '获取授权',
      itemsHint: '不选即全部信息项', granted: '已获得授权，可在“我的授权”中查看'
    },
    form: {
      title: '共享申请', editTitle: '共享申请 #{id}（草稿）', coordinateTitle: '申请数据主管部门协调',
      itemsHint: '已选 {n} / {total} 项，按需申请，少于全部即部分共享', legalDutyHint: '写明所依据的法律法规条款及本部门职责',
      noSystems: '本部门没有可用的接入系统', negotiationHint: '与提供部门协商的经过和分歧', sendCoordination: '提交协调申请',
      saveDraft: '保存草稿', save: '保存修改', saveFirst: '保存草稿后上传申请材料并提交', noMaterials: '该目录未要求申请材料',
      attached: '已上传 {n} 个', missing: '未上传', removeFile: '删除', fileHint: '支持 PDF、OFD、JPEG、PNG，单个文件不超过 10 MB。',
      submit: '提交申请', missingHint: '尚缺材料：{names}', notPublished: '该目录未发布'
    },
    list: {
      handle: '办理',
      mine: { title: '我的申请', hint: '本部门提交的共享申请', empty: '本部门尚无共享申请' },
      inbox: { title: '审批待办', hint: '等待本人审批的申请，按答复期限排序', empty: '没有待审批的申请' },
      overdue: { title: '逾期申请', hint: '本区域超过答复期限仍未答复的申请', empty: '没有逾期申请' },
      coordination: { title: '协调申请', hint: '申请数据主管部门协调的申请', empty: '没有待协调的申请' }
    },
    detail: {
      title: '共享申请 #{id}', edit: '编辑草稿', withdraw: '撤回申请', withdrawConfirm: '撤回后申请不再办理，确定撤回？',
      requestCoordination: '申请协调', coordinationHint: '说明与提供部门的协商情况，提请数据主管部门协调（仅一次）。',
      overdue: '已超过答复期限（{due}）', refusalReason: '拒绝理由', renewalOf: '续期授权', grants: '授权',
      requested: '申请范围', approved: '批准范围', approvedSoFar: '目前批准范围',
      dueOn: '答复期限', itemsRemoved: '去掉的信息项', waysRemoved: '去掉的使用方式', systemsRemoved: '去掉的系统',
      rowFilter: '记录范围', period: '使用期限', items: '信息项', ways: '使用方式', validity: '有效期', reason: '理由', basis: '法律依据',
      negotiation: '协商情况', note: '协调记录', comment: '意见', outcome: '决定'
    },
    timeline: { title: '办理过程', empty: '尚无记录', platform: '平台' },
    signature: {
      title: '电子签名', signed: '已电子签名', decision: '决定', by: '签署人', at: '签署时间', download: '下载签名',
      hint: '签名由平台以 SM2 密钥代审批人签署，下载的文件包含签署内容、签名和证书，可离线验证。',
      decisions: { APPROVE: '同意', REFUSE: '不予共享', COORDINATION_GRANT: '协调后同意', COORDINATION_REFUSE: '协调后不予共享', GRANT: '授权共享' }
    },
    approve: {
      open: '批准', title: '批准共享申请', confirm: '批准', comment: '审批意见', defaultLimit: '默认',
      hint: '可缩小范围批准：减少信息项、收窄记录范围、缩短期限、减少使用方式或系统；不能超出申请范围。',
      rateUnit: '次/秒，不填用平台默认', quotaUnit: '条/日，不填用平台默认'
    },
    refuse: {
      open: '拒绝', title: '拒绝共享申请', reason: '拒绝理由', basis: '法律依据（种类、名称、条款）', confirm: '拒绝',
      hint: '没有法律依据不得拒绝共享：理由和法律依据的种类、名称、条款均须填写。'
    },
    coordination: {
      note: '记录协调情况', noteHint: '记录与双方协调的情况，双方可见。', grant: '协调同意', refuse: '协调不同意',
      grantTitle: '协调同意共享', refuseTitle: '协调不同意共享', outcome: { GRANT: '同意', REFUSE: '不同意' }
    },
    usage: {
      title: '使用记录', from: '起始日期', to: '截止日期', day: '日期', requests: '调用次数', records: '记录数', grants: '涉及授权',
      shape: {
        byKey: '按主键（{items}）', byFilters: '按条件（{items}）', page: '，第 {n} 页', EQUALS: '等于', STARTS_WITH: '开头为',
        full: '全量交换（至游标 {to}）', changed: '增量交换（游标 {from} 至 {to}）'
      },
      perDay: '每日使用', perParty: '按部门汇总的记录数', perDayLabel: '每日使用图：所选期间每天的调用次数和记录数',
      perPartyLabel: '按部门汇总图：所选期间各部门的记录数',
      providers: '提供部门', consumers: '使用部门', empty: '所选期间没有使用记录', uses: '使用明细',
      usesTitle: '授权 #{id} 的使用明细', usesHint: '最近 {n} 条，新的在前；同一时刻（四分之一秒内）完全相同的调用合并为一条，注明调用次数；只显示查询的数据项和条件，不显示任何数据值',
      noUses: '尚无使用', at: '时间', who: '使用者', way: '方式', query: '查询内容', medium: '途径',
      actor: { USER: '用户 {name}', SYSTEM: '接入系统 #{id}（{name}）' },
      media: { API: '接口调用', CONSOLE: '控制台' },
      CONSUMER: { tab: '本部门使用', hint: '本部门使用其他部门数据的情况' },
      PROVIDER: { tab: '本部门数据被使用', hint: '谁在使用本部门的数据、用了多少' },
      AUTHORITY: { tab: '全区', hint: '本区域全部共享数据的使用情况' }
    },
    api: {
      title: '接口说明', back: '返回我的授权', showRaw: '查看 JSON', hideRaw: '收起 JSON', download: '下载 OpenAPI JSON',
      operations: '可调用的接口', noOperations: '授权不含比对验证、检索查询、数据交换或主动推送', way: '方式', call: '调用', grant: '授权',
      pushTarget: '登记的 endpoint（平台推送）',
      description: '说明', fields: '数据项', item: '数据项', meaning: '名称与类型', type: '数据类型', masking: '脱敏规则',
      usedIn: '用于', key: '主键', try: '试一试：比对验证', tryHint: '以当前登录用户调用，计入使用记录和每日限额',
      keyOf: '主键 {name}', claimOf: '核对 {name}', verify: '比对', found: '授权范围内持有该记录', notFound: '授权范围内未持有该记录',
      verdict: '比对结果', verdicts: { MATCH: '一致', NO_MATCH: '不一致', NOT_HELD: '未持有' }
    },
    masking: {
      NONE: '不脱敏', ID_NUMBER: '保留前 6 位和后 4 位', CREDIT_CODE: '保留前 8 位和后 2 位', MOBILE: '保留前 3 位和后 4 位',
      NAME: '仅保留姓氏', ADDRESS: '保留至区县', BANK_CARD: '保留前 6 位和后 4 位', FULL: '全部遮盖'
    },
    subscription: {
      title: '订阅推送', hint: '数据有变化时，平台把授权范围内的变化签名后推送到本部门登记的地址', empty: '本部门尚无订阅',
      register: '登记订阅', registerTitle: '登记订阅（主动推送）', registerSubmit: '登记',
      registerHint: '选择允许“主动推送”的授权和接收地址。此后该资源的数据每有变化，平台即按授权（信息项、记录范围、脱敏规则）推送，并计入每日限额。',
      noGrants: '本部门没有允许“主动推送”的有效授权：请先在共享目录中申请该使用方式。',
      grant: '授权', grantOption: '{entry}（{provider}）· 授权 #{id}', entryId: '目录条目 #{id}',
      endpoint: '推送地址', endpointHint: '须为 https 地址（不含用户名、密码和 # 片段）；平台以 POST 推送，不跟随重定向。',
      itemsHint: '已选 {n} / {total} 项；全选即推送授权的全部信息项（随授权变化）', allItems: '授权的全部信息项',
      initial: '首次推送', full: '先推送授权范围内的全部现有记录', fullHint: '登记后先推送全部现有记录，再推送此后的变化。',
      changesHint: '只推送登记之后的变化，现有记录不推送。',
      registeredBy: '{who} 登记于 {time}', progress: '推送进度', cursor: '已推送至游标 {n}', failedAttempts: '连续失败 {n} 次',
      nextAttempt: '下次尝试：{time}', lastSuccessAt: '最近成功：{time}', neverSucceeded: '尚未成功推送', lastError: '最近错误',
      deliveries: '推送记录', pause: '暂停', resume: '恢复', rotate: '更换密钥', delete: '删除',
      paused: '已暂停推送，变化将保留到恢复后推送', resumed: '已恢复推送', deleted: '订阅已删除',
      rotateConfirm: '更换后原密钥立即失效，接收系统须改用新密钥校验签名。确定更换？',
      deleteConfirm: '删除后不再向 {endpoint} 推送，推送记录和死信一并删除。确定删除？',
      secretTitle: '订阅已登记：签名密钥', secretRotatedTitle: '新的签名密钥', secretOnce: '签名密钥只显示这一次',
      secretOnceHint: '请立即复制并配置到接收系统；关闭后平台不会再显示。遗失时只能更换密钥。',
      secretFor: '订阅 #{id}，推送地址 {endpoint}', secretSaved: '我已保存，关闭', copyFailed: '无法自动复制，请手动选中密钥复制',
      verifyTitle: '接收方如何校验推送', verifyHint: '每次推送都是一个 JSON 请求体的 POST，带有以下请求头：',
      header: '请求头', headerValue: '内容',
      headers: {
        subscription: '订阅编号',
        delivery: '本次请求的唯一编号（与请求体中的 deliveryId 相同）',
        timestamp: '签名时间：1970-01-01 UTC 起的秒数',
        signature: '小写十六进制的 HMAC-SM3 签名：以密钥的 UTF-8 字节为键，对“时间戳 + 换行 + 投递编号 + 换行 + 原始请求体”计算'
      },
      verifyRules: '处理前须校验：签名（按收到的原始字节计算，常量时间比较）、时间戳在本机时钟前后 5 分钟内、投递编号此前未接受过（防重放）；校验不通过请返回 4xx。同一变化可能重复推送，请按记录主键幂等处理。Java 接收方可直接使用 cn.govdata.share.SubscriptionSignature.verify。',
      detailTitle: '订阅 #{id} 的推送记录', deliveriesTitle: '推送请求（最近 100 次）', noDeliveries: '尚无推送',
      attemptedAt: '时间', range: '游标区间', page: '页', httpStatus: 'HTTP 状态', error: '错误', outcome: '结果',
      succeeded: '成功', failed: '失败', delivery: '投递编号',
      deadLettersTitle: '死信', noDeadLetters: '没有死信',
      deadLettersHint: '多次推送失败后放弃的变化区间（只记录区间和条数，不保留数据），订阅继续推送之后的变化。重试会把游标退回区间起点，按现有授权重新读取并推送；丢弃只作标记。',
      createdAt: '放弃时间', changes: '变化数', attempts: '尝试次数', retry: '重试', discard: '丢弃',
      retried: '已重新推送该区间', discarded: '已丢弃', discardConfirm: '丢弃后这 {n} 条变化不再推送。确定丢弃？',
      lastErrors: { QUOTA_EXHAUSTED: '授权的每日限额已用完，稍后再推送' },
      status: { ACTIVE: '推送中', PAUSED: '已暂停', SUSPENDED: '已中止' },
      reason: {
        GRANT_REVOKED: '授权已撤销', GRANT_EXPIRED: '授权已过期', GRANT_NOT_YET_VALID: '授权尚未生效',
        GRANT_DOES_NOT_COVER: '授权不再包含主动推送或所订信息项', GRANT_NOT_FOR_CALLER: '授权不适用于登记者',
        NO_GRANT: '本部门已无该资源的授权', SHARE_TYPE_MISMATCH: '目录的共享类型已变更，原授权不再适用',
        NOT_FOUND: '目录条目已不存在', OWNER_INACTIVE: '登记的用户已停用或接入系统已吊销',
        GRADE_REFUSES_USE: '资源的数据分级不允许以此授权主动推送（核心数据不得推送，重要数据须经审批授权）'
      },
      deadLetterStatus: { PENDING: '待处理', RETRIED: '已重试', DISCARDED: '已丢弃' }
    },
    grants: {
      interface: '接口说明', subscribe: '订阅', use: '使用方式与用途', application: '申请 #{id}', from: '提供：{name}', usedToday: '今日已用 {n} 条', revoke: '撤销授权', renew: '续期',
      revokeHint: '撤销后 {name} 立即不能再使用这些数据。请填写撤销理由：', revokeReason: '撤销理由',
      revokeReasonRequired: '请填写撤销理由', revoked: '授权已撤销',
      CONSUMER: { title: '我的授权', hint: '本部门获得的数据使用授权', empty: '本部门尚无授权' },
      PROVIDER: { title: '本部门授出', hint: '其他部门使用本部门数据的授权', empty: '本部门尚未授出数据' },
      AUTHORITY: { title: '全区授权', hint: '本区域的全部共享授权', empty: '本区域尚无授权' }
    }
  },
  objection: {
    status: { OPEN: '待核查', CORRECTED: '已更正', CONFIRMED: '已确认无误' },
    stage: { AUTHORITY: '数据主管部门转办', PROVIDER: '提供部门核查' },
    raisedAs: { CONSUMER: '使用部门提出', AUTHORITY: '数据主管部门代群众提出' },
    side: { RAISER: '我提出的', PROVIDER: '待我核查', AUTHORITY: '全区' },
    event: {
      RAISED: '提出疑义', EVIDENCE_ADDED: '上传佐证材料', FORWARDED: '转交提供部门', EXTENSION_REQUESTED: '申请延期',
      EXTENDED: '同意延期', EXTENSION_REFUSED: '不同意延期', CORRECTED: '已更正', CONFIRMED: '确认无误',
      REMINDER: '催办提醒', OVERDUE: '已逾期'
    },
    detail: {
      item: '数据项', stage: '环节', dueOn: '核查期限', file: '文件', to: '转交至', workingDays: '延期工作日',
      from: '原期限', value: '更正后的值', batchId: '归集批次', reason: '理由', reasons: '理由', note: '说明',
      dueWith: '{due}（{note}）', dueIn: '{days} 个工作日后到期', dueToday: '今日到期', late: '已逾期 {days} 个工作日', lateNoWorkingDay: '已过期限'
    },
    field: {
      entry: '资源', record: '记录', item: '数据项', recordedValue: '现有值', proposedValue: '建议更正为', description: '疑义说明',
      raiser: '提出部门', provider: '提供部门', raisedBy: '提出人', raisedAt: '提出时间', status: '状态', stage: '环节',
      dueOn: '核查期限', noDue: '及时办理（无固定期限）', overdue: '已逾期', dueSoon: '即将到期', decided: '办理', decisionNote: '办理说明',
      correctedValue: '更正后的值', correctionBatch: '归集批次', extension: '延期'
    },
    list: {
      title: '疑义与复核', hint: '对共享数据提出的疑义及提供部门的核查', empty: '暂无疑义', open: '查看', handle: '核查',
      overdueTitle: '逾期疑义', overdueHint: '本区域超过核查期限仍未办理的疑义，期限最早的在前', overdueEmpty: '没有逾期的疑义',
      raise: '提出疑义'
    },
    view: {
      title: '疑义 #{id}', evidence: '佐证材料', noEvidence: '尚无佐证材料', upload: '上传佐证材料',
      uploadHint: 'PDF、OFD、JPEG、PNG，单个不超过 10 MB，最多 20 个', uploaded: '已上传', timeline: '办理过程',
      overdue: '已超过核查期限（{due}）',
      extension: '{days} 个工作日，{by} 申请：{reason}', extensionPending: '待审批', extensionGranted: '已同意（{by}）',
      extensionRefused: '未同意（{by}）'
    },
    action: {
      forward: '转交提供部门', forwardHint: '将疑义转交提供部门核查，可附说明。', forwarded: '已转交提供部门',
      correct: '更正数据', correctHint: '在数据湖中以新版本更正该记录，原值保留在历史版本中。', correctValue: '更正后的值',
      corrected: '已更正', confirm: '确认无误', confirmHint: '现有数据正确，须说明理由。', reasons: '理由',
      reasonsRequired: '请填写确认无误的理由', confirmed: '已确认无误', note: '说明（可选）',
      extension: '申请延期', extensionHint: '申请延长核查期限，须经部门负责人或数据主管部门同意，只能申请一次。',
      workingDays: '延期工作日', reason: '理由', reasonRequired: '请填写延期理由', requested: '已申请延期',
      decide: '审批延期', consent: '同意延期', refuse: '不同意', decided: '已审批延期'
    },
    raise: {
      title: '提出疑义', hint: '发现共享数据有误时，提出疑义由提供部门核查更正；核查期间数据照常提供，并标注“核查中”。',
      key: '记录标识', item: '有疑义的数据项', proposedValue: '建议更正为', description: '疑义说明',
      submit: '提交疑义', raised: '疑义已提交', required: '请填写记录标识、数据项、建议值和说明'
    }
  }
}

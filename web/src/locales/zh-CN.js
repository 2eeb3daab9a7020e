export default {
  app: { title: '政务数据资源平台', subtitle: '数据主管部门与政务部门控制台', language: 'English', logout: '退出登录' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', confirm: '确定', search: '查询', reset: '重置',
    actions: '操作', loading: '加载中…', empty: '暂无数据', yes: '是', no: '否', saved: '已保存', details: '详情',
    all: '全部', copy: '复制', copied: '已复制', close: '关闭', refresh: '刷新', reason: '变更原因'
  },
  menu: {
    home: '首页', regions: '行政区域', departments: '政务部门', users: '用户与角色', systems: '接入系统',
    policy: '政策配置', calendar: '工作日历', audit: '审计日志', account: '我的账户'
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
    DEPARTMENT_ADMIN: '部门管理员', SYSTEM_ADMIN: '系统管理员', SECURITY_ADMIN: '安全管理员', AUDIT_ADMIN: '审计管理员'
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
    title: '用户与角色', create: '新增用户', username: '登录名', displayName: '姓名', department: '所属部门',
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
  audit: {
    title: '审计日志', from: '开始日期', to: '结束日期', actor: '操作人', department: '部门编号', action: '操作',
    objectType: '对象类型', objectId: '对象编号', outcome: '结果', time: '时间', client: '客户端地址', detail: '详情',
    export: '导出 CSV', verify: '校验完整性', intact: '审计日志完整，未发现篡改', broken: '发现篡改：第 {id} 条起链条断裂',
    brokenOther: '发现问题：{reason}', entries: '已校验 {n} 条记录、{c} 个签名检查点', publicKey: '检查点签名公钥（SM2）',
    outcomes: { SUCCESS: '成功', FAILURE: '失败' }, hash: '哈希（SM3）'
  }
}

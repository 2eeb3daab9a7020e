// The notifications pages' texts, merged into the console's messages.
import { i18n } from '../i18n'

const zh = {
  menu: { inbox: '消息通知' },
  notice: {
    inbox: '消息通知', bell: '消息', bellLabel: '消息（{n} 条未读）', unreadCount: '{n} 条未读', kindLabel: '类别', title: '内容', raisedAt: '时间',
    state: '状态', unread: '未读', read: '已读', open: '去处理', markRead: '标为已读', markAllRead: '全部标为已读',
    email: '邮件提醒', emailAddress: '电子邮箱', emailEnabled: '同时发送到我的邮箱', emailHint: '平台配置了邮件服务时才会发送。',
    sms: '短信提醒', mobile: '手机号码', smsEnabled: '同时发送短信到我的手机', smsHint: '短信只含通知标题，完整内容请登录平台查看。',
    smsUnavailable: '平台尚未配置短信网关：设置会保留，但暂不发送短信。',
    kinds: {
      'supervise.order': '整改通知', 'supervise.escalation': '通报', 'share.approval': '待审批申请',
      'cdo.appointed': '首席数据官任命', 'deadline.soon': '即将到期', 'deadline.today': '今天到期',
      'deadline.overdue': '已逾期', other: '通知'
    }
  }
}

const en = {
  menu: { inbox: 'Notifications' },
  notice: {
    inbox: 'Notifications', bell: 'Notices', bellLabel: 'Notices ({n} unread)', unreadCount: '{n} unread', kindLabel: 'Kind', title: 'Notice',
    raisedAt: 'Time', state: 'State', unread: 'Unread', read: 'Read', open: 'Open', markRead: 'Mark read',
    markAllRead: 'Mark all read', email: 'E-mail', emailAddress: 'E-mail address',
    emailEnabled: 'Also send to my e-mail', emailHint: 'Sent only when the platform has a mail server.',
    sms: 'Text message', mobile: 'Mobile number', smsEnabled: 'Also send a text message to my phone',
    smsHint: 'The message gives only the notice\'s title; read the whole notice in the platform.',
    smsUnavailable: 'The platform has no SMS gateway yet: your setting is kept, but no message is sent.',
    kinds: {
      'supervise.order': 'Correction order', 'supervise.escalation': 'Notice (通报)',
      'share.approval': 'Application to approve', 'cdo.appointed': 'Chief data officer appointment',
      'deadline.soon': 'Due soon', 'deadline.today': 'Due today', 'deadline.overdue': 'Overdue', other: 'Notice'
    }
  }
}

i18n.global.mergeLocaleMessage('zh-CN', zh)
i18n.global.mergeLocaleMessage('en', en)

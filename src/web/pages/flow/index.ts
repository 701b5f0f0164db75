/** What other pages mount: the 工作台 inbox and the notification list; areas register form renderers. */
export { FlowInbox, type FlowInboxProps } from './FlowInbox';
export { NotificationsList } from './NotificationsList';
export { registerFormRenderer, registerFieldLabels, type FormRendererProps } from './renderers';

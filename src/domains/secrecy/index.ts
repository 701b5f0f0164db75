/** The classified-document register (涉密): paper documents and media, never their content. */
export { secrecyModule } from './module';
export { INSTRUCT_FLOW, LOAN_FLOW, COPY_FLOW, DESTROY_FLOW, OUTGOING_FLOW, TAKEOUT_FLOW } from './flows';

/** The documents domain (公文): outgoing documents on the approval engine. */
export { documentsModule } from './module';
export { OUTGOING_FLOW, RESIGN_FLOW } from './flows';

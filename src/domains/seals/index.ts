/** The seals domain (印章): the register of seals and the 用印登记簿 on the approval engine. */
export { sealsModule } from './module';
export { getSealUse } from './service';
export { USE_FLOW, TAKEOUT_FLOW, MAKE_FLOW } from './flows';

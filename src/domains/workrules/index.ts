/** The 工作规则 registers (WR-11…WR-20 but WR-13; WR-19 is checked on personnel's leave and trip records). */
export { workrulesModule } from './module';
export { WR19, checkDepartureChain, missingItems, lateItems, ROLE_LABEL, type DepartureRole, type DepartureItems } from './rules';

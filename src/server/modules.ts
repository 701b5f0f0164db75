import type { Module } from '../kernel/module';
import { systemRoutes } from '../kernel/system/routes';
import { calendarModule } from '../kernel/calendar/module';
import { orgModule } from '../kernel/org/module';
import { accessModule } from '../kernel/access/module';
import { identityModule } from '../kernel/identity/module';
import { auditModule } from '../kernel/audit/module';
import { flowModule } from '../kernel/flow/module';
import { meetingsModule } from '../domains/meetings/module';
import { personnelModule } from '../domains/personnel/module';
import { documentsModule } from '../domains/documents/module';
import { incomingModule } from '../domains/documents/incoming-module';
import { povertyModule } from '../domains/poverty/module';
import { rainModule } from '../domains/rain/module';
import { financeModule } from '../domains/finance/module';
import { financeOfficeModule } from '../domains/finance/office/module';
import { financeCashModule } from '../domains/finance/cash/module';
import { sealsModule } from '../domains/seals/module';
import { secrecyModule } from '../domains/secrecy/module';
import { vehiclesModule } from '../domains/vehicles/module';
import { assetsModule } from '../domains/assets/module';
import { workrulesModule } from '../domains/workrules/module';
import { demoCalendarModule } from '../demo/calendar';

/**
 * Every area of the product, in seeding order: roles first (other modules grant their
 * permissions to the built-in roles), then the calendar and the organisation, then
 * accounts (which link people and roles), then audit.
 * Domains (meetings, documents, personnel …) are added below the kernel.
 */
export const modules: Module[] = [
  { name: 'system', routes: systemRoutes },
  accessModule,
  calendarModule,
  orgModule,
  identityModule,
  demoCalendarModule,
  auditModule,
  flowModule,
  meetingsModule,
  personnelModule,
  povertyModule,
  rainModule,
  financeModule,
  financeOfficeModule,
  financeCashModule,
  documentsModule,
  incomingModule,
  sealsModule,
  secrecyModule,
  vehiclesModule,
  assetsModule,
  workrulesModule,
];

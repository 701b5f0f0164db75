import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 公务用车 (公务用车使用管理细则, D-finance.md §4): the register of vehicles and drivers, the
 * dispatch slips (VUR-F1, municipal requests and own-fleet trips, CONF-62), the bookings that
 * keep a vehicle or a driver on one trip at a time (an exclusion constraint in
 * vehicles.repeatable.sql), repairs (VUR-F2) with their returned parts, rentals (VUR-F3), the
 * fuel ledger with its two signatures and checks, and the drivers' duty records. Money in fen.
 */
export const vehicles = pgTable(
  'vehicles',
  {
    id: text('id').primaryKey(),
    plate: text('plate').notNull(),
    brandModel: text('brand_model').notNull(),
    /** 轿车, 越野车, 商务车 … (VUR-F1 种类). */
    vehicleType: text('vehicle_type').notNull(),
    /** own (本办车辆) | pool (机关事务管理局长期调派) | rented (租赁) — E-CAR-2. */
    ownership: text('ownership').notNull(),
    seats: integer('seats').notNull(),
    /** The fixed asset this vehicle is (ASSET-06 / CAR-22), when it is the office's own. */
    assetId: text('asset_id'),
    odometerKm: integer('odometer_km').notNull(),
    /** active | retired */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicles_plate_idx').on(t.plate)],
);

export const vehicleDrivers = pgTable(
  'vehicle_drivers',
  {
    id: text('id').primaryKey(),
    /** The office person who drives (signs the fuel ledger and repair forms); null for an outside driver. */
    personId: text('person_id'),
    name: text('name').notNull(),
    licenseNo: text('license_no').notNull(),
    licenseClass: text('license_class').notNull(),
    phone: text('phone').notNull(),
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_drivers_person_idx').on(t.personId)],
);

/** A 派车单: municipal (VUR-F1 to 市机关事务管理局) or fleet (own vehicle dispatched by 综合科). */
export const vehicleRequests = pgTable(
  'vehicle_requests',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    flowInstanceId: text('flow_instance_id').notNull(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    /** Art.4 case 1–5 (CAR-04). */
    useCase: integer('use_case').notNull(),
    destination: text('destination').notNull(),
    purpose: text('purpose').notNull(),
    userPersonId: text('user_person_id').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    /** pending | approved | rejected | withdrawn | returned(flow) | dispatched | completed */
    status: text('status').notNull(),
    /** Municipal: 车队长's entry {vehicleType, count, plates, captain}; fleet: vehicle and driver. */
    dispatch: jsonb('dispatch').$type<Record<string, unknown>>(),
    vehicleId: text('vehicle_id'),
    driverId: text('driver_id'),
    dispatchedBy: text('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    startKm: integer('start_km'),
    endKm: integer('end_km'),
    /** 回执: the return time and the 用车人's signature (CAR-20). */
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnSignedBy: text('return_signed_by'),
    returnSignedAt: timestamp('return_signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_requests_flow_idx').on(t.flowInstanceId), index('vehicle_requests_person_idx').on(t.personId, t.startAt)],
);

/**
 * One vehicle or one driver held for a trip. Two active bookings of one resource never
 * overlap: the exclusion constraint of vehicles.repeatable.sql (btree_gist) refuses the second.
 */
export const vehicleBookings = pgTable(
  'vehicle_bookings',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    /** vehicle | driver */
    resourceKind: text('resource_kind').notNull(),
    resourceId: text('resource_id').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vehicle_bookings_request_idx').on(t.requestId)],
);

/** VUR-F2 车辆维修申请审批单 (E-CAR-3) with the emergency authorisation (E-CAR-4) and settlement. */
export const vehicleRepairs = pgTable(
  'vehicle_repairs',
  {
    id: text('id').primaryKey(),
    /** Null while an emergency repair waits for its back-filled form (CAR-11). */
    flowInstanceId: text('flow_instance_id'),
    vehicleId: text('vehicle_id').notNull(),
    driverPersonId: text('driver_person_id').notNull(),
    items: jsonb('items').$type<{ item: string; part?: string; quantity?: number }[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    shop: text('shop').notNull(),
    /** { requestedAt, channel, reason, approverId, answeredAt, answer } */
    emergency: jsonb('emergency').$type<Record<string, unknown>>(),
    backfillDue: date('backfill_due', { mode: 'string' }),
    repairedAt: timestamp('repaired_at', { withTimezone: true }),
    /** draft (emergency, not yet back-filled) | pending | approved | rejected | withdrawn | returned | settled */
    status: text('status').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** A supplementary VUR-F2 raises the approved amount or items (CAR-10, CONF-64). */
    supplementOf: text('supplement_of'),
    invoice: jsonb('invoice').$type<{ no: string; amountFen: number; items: string[] }>(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_repairs_flow_idx').on(t.flowInstanceId), index('vehicle_repairs_vehicle_idx').on(t.vehicleId)],
);

/** 原配件交回 (E-CAR-5, CAR-12): one row per replaced part handed back to the vehicle manager. */
export const vehicleRepairParts = pgTable(
  'vehicle_repair_parts',
  {
    id: text('id').primaryKey(),
    repairId: text('repair_id').notNull(),
    part: text('part').notNull(),
    quantity: integer('quantity').notNull(),
    returnedBy: text('returned_by').notNull(),
    receivedBy: text('received_by').notNull(),
    returnedOn: date('returned_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_repair_parts_idx').on(t.repairId, t.part)],
);

/** VUR-F3 租车申请审批单 (E-CAR-8), numbered ZC-YYYY-NNN. */
export const vehicleRentals = pgTable(
  'vehicle_rentals',
  {
    id: text('id').primaryKey(),
    flowInstanceId: text('flow_instance_id').notNull(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    passengers: integer('passengers').notNull(),
    purpose: text('purpose').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    places: text('places').notNull(),
    brandModel: text('brand_model'),
    costFen: bigint('cost_fen', { mode: 'number' }),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_rentals_no_idx').on(t.year, t.seq), uniqueIndex('vehicle_rentals_flow_idx').on(t.flowInstanceId)],
);

/** 加油台账 (E-CAR-6): each entry signed by the driver and the vehicle manager (CAR-13). */
export const vehicleFuel = pgTable(
  'vehicle_fuel',
  {
    id: text('id').primaryKey(),
    vehicleId: text('vehicle_id').notNull(),
    fueledAt: timestamp('fueled_at', { withTimezone: true }).notNull(),
    fueledOn: date('fueled_on', { mode: 'string' }).notNull(),
    station: text('station').notNull(),
    inCity: boolean('in_city').notNull(),
    /** Litres × 100 (two decimals, integer). */
    centilitres: integer('centilitres').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** official_card (公务银行卡) | fuel_card | cash | transfer */
    payment: text('payment').notNull(),
    invoiceNo: text('invoice_no'),
    odometerKm: integer('odometer_km'),
    /** Out of town: {reportedAt, toPersonId, channel} — the prior report to the 综合科长 (CAR-15). */
    priorReport: jsonb('prior_report').$type<{ reportedAt: string; toPersonId: string; channel: string }>(),
    driverPersonId: text('driver_person_id').notNull(),
    driverSignedAt: timestamp('driver_signed_at', { withTimezone: true }),
    managerPersonId: text('manager_person_id'),
    managerSignedAt: timestamp('manager_signed_at', { withTimezone: true }),
    /** Acknowledged CAR-13 warning (non-designated station). */
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vehicle_fuel_vehicle_idx').on(t.vehicleId, t.fueledOn)],
);

/** 综合科负责人 checks of the fuel ledger (E-CAR-7, CAR-14), one per period. */
export const vehicleFuelChecks = pgTable(
  'vehicle_fuel_checks',
  {
    id: text('id').primaryKey(),
    /** YYYY-MM */
    period: text('period').notNull(),
    checkerPersonId: text('checker_person_id').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    findings: text('findings').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_fuel_checks_period_idx').on(t.period)],
);

/** Driver duty and incident records (E-CAR-9; CAR-06, CAR-16, CAR-17, CAR-18). */
export const vehicleDriverRecords = pgTable(
  'vehicle_driver_records',
  {
    id: text('id').primaryKey(),
    driverId: text('driver_id').notNull(),
    /** late | early | absent | overdue | violation | accident | fine_claim */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    /** Traffic fine: borne by the driver (CAR-17), never reimbursed. */
    fineFen: bigint('fine_fen', { mode: 'number' }),
    vehicleId: text('vehicle_id'),
    requestId: text('request_id'),
    /** A passenger who drove or demanded a violation (CAR-06). */
    passengerPersonId: text('passenger_person_id'),
    handlingRef: text('handling_ref').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vehicle_driver_records_driver_idx').on(t.driverId, t.occurredOn)],
);

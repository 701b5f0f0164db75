/** The personnel domain's commands and queries (one import point for routes and other domains). */
export { previewLeave, submitLeave, type LeavePreview, type LeaveRow } from './leave-service';
export { reportBack, decideExtension, cancelLeave, addEvidence, leaveInScope } from './leave-actions';
export { listLeaves, balances } from './queries';
export { previewTrip, submitTrip, listTrips, tripDetail, recordTripReturn, getApprovedTrip, type ApprovedTrip } from './trip-service';
export { absenceCandidates } from './absence';
export { confirmAbsence, dismissCandidate, reclassifyFakeSickLeave } from './attendance';
export { yearReport } from './report';
export { reportXlsx, punchesXlsx, spotChecksXlsx } from './xlsx';
export { recordPunch, importPunches, listPunches, recordSpotCheck, listSpotChecks } from './presence';
export { setProfile } from './profiles';
export { remindReportBacks } from './reminders';

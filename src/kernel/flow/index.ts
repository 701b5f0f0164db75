/** The approval engine's public API: domains define flows and start them; the rest is routes. */
export { defineFlow, getFlow, allFlows } from './registry';
export { startFlow, type StartInput, type StartResult } from './engine';
export { actOnTask, withdraw, remind, resubmit, commentOn } from './actions';
export { instanceDetail, inbox, counts } from './queries';
export { fireDueTimers } from './timers';
export { printInstance, toPrintable } from './print';
export * from './types';

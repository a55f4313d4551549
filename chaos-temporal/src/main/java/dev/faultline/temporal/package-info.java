/**
 * Faultline on Temporal: durable experiment runs ({@link dev.faultline.temporal.ExperimentWorkflow}),
 * campaigns across accounts and Regions ({@link dev.faultline.temporal.CampaignWorkflow}), scheduled
 * game days ({@link dev.faultline.temporal.GameDays}), the worker that runs them
 * ({@link dev.faultline.temporal.FaultlineWorker}) and the client that starts and follows them
 * ({@link dev.faultline.temporal.FaultlineClient}). The workflows only decide; every step that
 * touches FIS or CloudWatch is an activity that runs Faultline's own engine code (validation,
 * policy, preflight, {@code FisEngine}'s watch and hypothesis, the report).
 */
package dev.faultline.temporal;

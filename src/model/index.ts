/**
 * The simulation's public surface. Everything outside src/model imports from here.
 * Framework-free: runs unchanged in Node (tests, benchmarks, CLI) and in the browser.
 */
export { simulationMachine, engineFor } from './machine.ts';
export type { SimulationContext, SimulationEvent, SimulationInput, ControlEvent, ReaderAction } from './machine.ts';
export { persistSimulation, restoreSimulation, startSimulation } from './persist.ts';
export { playbackMachine, simulatedMs, SPEEDS, DEFAULT_SPEED, MAX_FRAME_MS } from './playback.ts';
export type { PlaybackContext, PlaybackEvent, PlaybackInput, SimulationRef, Speed, TickEvent } from './playback.ts';
export {
  selectNow,
  selectViewAt,
  selectEnd,
  selectClock,
  sameClock,
  selectPolicy,
  selectKeySeeds,
  selectHeld,
  selectHeldCounts,
  selectHandles,
  selectSpans,
  selectPreservationsAt,
  selectSpansKey,
  selectNextSeq,
  selectHistoryKey,
  selectAssumptions,
  selectRecordsMade,
} from './selectors.ts';
export { selectTimeline, selectLegal, selectGraph, selectGraphFrame, selectCompare } from './analysis-selectors.ts';
export type { PolicyComparison } from './analysis-selectors.ts';
export { recordSpans, spanHeldAt, everHeld, recentChanges, firstActionSeq } from './spans.ts';
export type { RecordSpan, RecordChange } from './spans.ts';
export type { Clock } from './selectors.ts';
export { deviceMachine, deviceChart, deviceEventsOf } from './device-machine.ts';
export type { DeviceEvent, DeviceChartState, DeviceSnapshot, DeviceReaderAction } from './device-machine.ts';
export {
  selectDeviceStates,
  selectCast,
  selectNetworks,
  selectNextDeviceId,
  selectContactNames,
  selectAddressCheck,
  selectComposerLookups,
  selectHandleName,
  selectLastSent,
  selectLatestSent,
  selectConversation,
} from './device-selectors.ts';
export type {
  DeviceStatus,
  DeviceAlertItem,
  PersonCard,
  AddressCheck,
  ComposerLookup,
  FanoutRow,
  SentMessage,
  SentBy,
  ConversationItem,
} from './device-selectors.ts';
export { legalRequestMachine, legalRequestStage, preservationRequestMachine, preservationStage } from './legal-request-machine.ts';
export type {
  LegalRequestContext,
  LegalRequestEvent,
  LegalRequestInput,
  LegalRequestStage,
  PreservationRequestContext,
  PreservationRequestEvent,
  PreservationStage,
} from './legal-request-machine.ts';
export { selectLegalRequest, selectLegalReach, selectPreservation, lastServedAt } from './legal-request-selectors.ts';
export type { LegalRequestAnswer, LegalReach, PreservationAnswer } from './legal-request-selectors.ts';
export {
  PRESERVATION_DAYS,
  PRESERVATION_BASIS,
  PRESERVATION_ASSUMPTION,
  lapsesAt,
  inForce,
  frozenBy,
  heldAtWith,
  heldInCategoryWith,
  countHeldAtWith,
  preservedUntil,
  preservationsAt,
  preservationsKeyAt,
  keepForPreservation,
} from './preservation.ts';
export type { Preservation } from './preservation.ts';
export {
  ASSUMPTIONS,
  DEFAULT_ASSUMPTIONS,
  LOOKUP_CACHE,
  QUEUE_HOLD,
  STALE_ON_CHANGE,
  assumptionConfig,
  assumptionError,
  assumptionValueWords,
  configAssumptions,
  rangeWords,
} from './assumptions.ts';
export type { Assumptions, AssumptionKey, AssumptionSpec, NumberAssumption, BooleanAssumption } from './assumptions.ts';
export {
  assumptionsSchema,
  MAX_STEPS,
  tooManySteps,
  parseScenario,
  scenarioCoreSchema,
  scenarioIssueWording,
  semanticIssues,
  ScenarioError,
  formatPath,
  zodIssues,
} from './scenario.ts';
export { got, issuePath, nearest, unknownFields } from './scenario-wording.ts';
export { scenarioPolicy, stepAction } from './script.ts';
export type { ScenarioCore, ScriptStep, ScenarioIssue } from './scenario.ts';
export { createSession, advanceTo, act, runScenario, sessionEnd } from './session.ts';
export type { Session, SessionOptions } from './session.ts';
export { apply, createWorld, rejection, resolveAddress, device, person, DEFAULT_CONFIG, DEFAULT_ENGINE } from './world/index.ts';
export type {
  Action,
  ActionType,
  Cast,
  DeviceSpec,
  DeviceState,
  DeviceMessage,
  FanoutEntry,
  JournalEntry,
  LookupResult,
  Outgoing,
  PersonState,
  WorldConfig,
  WorldState,
  Engine,
} from './world/index.ts';
export {
  PRESETS,
  PRESET_IDS,
  LEGAL_PROCESSES,
  LEGAL_PROCESS_LABELS,
  presetById,
  withRetention,
  retentionEnd,
  APPLE_2016,
  APPLE_2020S,
  SIGNAL_LIKE,
  WHATSAPP_LIKE,
  KEEP_FOREVER,
  KEEP_NOTHING,
  QUEUE_HOLD_DAYS,
} from './policy.ts';
export type { Policy, LegalProcess, BackupMode, RetentionRule, LegalRule, Keep } from './policy.ts';
export { cite, splitClaimRef } from './cite.ts';
export type { Cited, ClaimRef } from './cite.ts';
export { legalResponse, LEGAL_STANDARDS } from './legal.ts';
export type { LegalResponse, ProducedRecord, NoLongerHeld } from './legal.ts';
export { inferGraph, actualEdges } from './inference.ts';
export type { ActualEdge, ContactGraph, GraphTally, InferredEdge, Shown } from './inference.ts';
export { timeline } from './timeline.ts';
export type { TimelineDay } from './timeline.ts';
export { heldAt, heldPage, countHeldAt, storedCount, allRecords, emptyLedger, append, prune } from './ledger.ts';
export type { Ledger } from './ledger.ts';
export { toHeldRecord } from './held-record.ts';
export type { HeldRecord } from './held-record.ts';
export { CATEGORIES, CATEGORY_LABELS, FIELD_NAMES, FIELD_LABELS } from './records.ts';
export type { Category, LedgerRecord, LookupFields } from './records.ts';
export { cleanName, nameIsSafe, parseHandle, normaliseHandle } from './handles.ts';
export { FSI, PDI, isolate, unisolate } from './bidi.ts';
export { ID_PATTERN, ID_RULE, isId } from './id.ts';
// realCrypto (the cryptography library) is not exported here, so no page's first load carries it:
// import it from './real-crypto.ts' where envelopes are sealed as they are sent or when shown.
export { deferredCrypto, metadataOnlyCrypto } from './crypto.ts';
export type { Crypto, CryptoName, Envelope, SealInputs } from './crypto.ts';
export { SeededRandom } from './rng.ts';
export { MINUTE, HOUR, DAY, dayOf, startOfDay, formatSimTime, parseDayTime, parseDuration } from './time.ts';
export type { SimTime } from './time.ts';
export { ModelError } from './errors.ts';
